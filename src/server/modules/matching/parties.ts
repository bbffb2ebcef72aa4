import type { DbOrTx } from '../../db/client.js';
import type { MatchSide, matches } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { isStaff, type Viewer } from '../access/policy.js';
import type { Accounts } from '../accounts/service.js';
import type { NeedRow, NeedsOffersService, OfferRow } from '../needs-offers/service.js';
import type { SolutionRow, SolutionsService } from '../solutions/service.js';

export type MatchRow = typeof matches.$inferSelect;

/** The two records of a match and the people who act for each side. */
export type MatchParties = {
  need: NeedRow;
  candidate: { type: 'solution'; row: SolutionRow } | { type: 'offer'; row: OfferRow };
  /** Accounts that act for each side; the secretariat when a side has none of its own. */
  people: Record<MatchSide, string[]>;
  /** Whether the secretariat stands in for the side. */
  standIn: Record<MatchSide, boolean>;
};

type Deps = {
  accounts: Pick<Accounts, 'userIdsOf'>;
  solutions: Pick<SolutionsService, 'rowsById'>;
  needsOffers: Pick<NeedsOffersService, 'rowsById'>;
};

/**
 * Who the parties of a match are. The need's side is its author and the focal points of the
 * requesting organisation; the candidate's side is the offer's author and providing organisation,
 * or a solution's author and providers. A side with no account on the platform (a solution from
 * an organisation that has not joined yet) is represented by the secretariat.
 */
export function createMatchParties({ accounts, solutions, needsOffers }: Deps) {
  async function sidePeople(
    tx: DbOrTx,
    ownerId: string | null,
    organisationIds: string[],
  ): Promise<{ ids: string[]; standIn: boolean }> {
    const ids = new Set(await accounts.userIdsOf({ organisationIds }, tx));
    if (ownerId) ids.add(ownerId);
    if (ids.size > 0) return { ids: [...ids], standIn: false };
    return { ids: await accounts.userIdsOf({ roles: ['secretariat', 'admin'] }, tx), standIn: true };
  }

  async function of(tx: DbOrTx, match: MatchRow): Promise<MatchParties> {
    const [need] = (await needsOffers.rowsById('need', [match.needId], tx)) as NeedRow[];
    const candidateRow =
      match.candidateType === 'solution'
        ? (await solutions.rowsById([match.candidateId], tx))[0]
        : ((await needsOffers.rowsById('offer', [match.candidateId], tx))[0] as OfferRow | undefined);
    if (!need || !candidateRow) throw AppError.notFound('Match', match.id);
    const candidate =
      match.candidateType === 'solution'
        ? { type: 'solution' as const, row: candidateRow as SolutionRow }
        : { type: 'offer' as const, row: candidateRow as OfferRow };
    const needSide = await sidePeople(
      tx,
      need.ownerId,
      need.ownerOrganisationId ? [need.ownerOrganisationId] : [],
    );
    const candidateOrgs =
      candidate.type === 'solution'
        ? candidate.row.providerIds
        : candidate.row.ownerOrganisationId
          ? [candidate.row.ownerOrganisationId]
          : [];
    const candidateSide = await sidePeople(tx, candidate.row.ownerId, candidateOrgs);
    return {
      need,
      candidate,
      people: { need: needSide.ids, candidate: candidateSide.ids },
      standIn: { need: needSide.standIn, candidate: candidateSide.standIn },
    };
  }

  return {
    of,

    /**
     * The side the viewer acts for: their own, or for staff the side they stand in for; null when
     * they only read (staff on a match whose sides both have people) or have no part.
     */
    sideOf(viewer: Viewer, parties: MatchParties): MatchSide | null {
      if (!viewer.userId) return null;
      if (parties.people.need.includes(viewer.userId)) return 'need';
      if (parties.people.candidate.includes(viewer.userId)) return 'candidate';
      if (isStaff(viewer))
        return parties.standIn.need ? 'need' : parties.standIn.candidate ? 'candidate' : null;
      return null;
    },

    /**
     * Parties and staff see a match; anyone else is told it does not exist. Taking part is enough:
     * a need shared only within its organisation still shows its title to the side it was matched
     * with, because that side was told about it.
     */
    canSee(viewer: Viewer, parties: MatchParties): boolean {
      if (isStaff(viewer)) return true;
      if (!viewer.userId) return false;
      return [...parties.people.need, ...parties.people.candidate].includes(viewer.userId);
    },
  };
}

export type MatchPartiesService = ReturnType<typeof createMatchParties>;
