import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../../db/client.js';
import type { Participant } from '../../db/schema/projects.js';
import type { WriteContext } from '../audit/service.js';
import type { MatchParties, MatchRow } from '../matching/parties.js';
import type { NeedRow } from '../needs-offers/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ProjectDraft, ProjectWrites } from './write.js';

type Deps = { organisations: Pick<OrganisationsService, 'iatiOrgs'>; writes: Pick<ProjectWrites, 'store'> };

/** The need's budget as a draft budget line, when it states an amount and a whole period. */
function budgetOf(need: NeedRow): ProjectDraft['budgets'] {
  if (!need.budgetAmount || !need.budgetCurrency || !need.startsOn || !need.endsOn) return [];
  return [
    {
      type: '1',
      status: '1',
      periodStart: need.startsOn,
      periodEnd: need.endsOn,
      amount: need.budgetAmount,
      currency: need.budgetCurrency,
    },
  ];
}

/**
 * Turns an agreed match into a draft project: the need's text, country, themes, SDG targets and
 * period; the need's organisation as recipient and the candidate's as provider; linked to the
 * need and the match. The need's author owns it. Members (both sides among them) may read the
 * draft; it stays out of lists, search and IATI exports until it is published.
 */
export function createMatchConversion({ organisations, writes }: Deps) {
  return async function convert(tx: DbOrTx, ctx: WriteContext, match: MatchRow, p: MatchParties) {
    const { need } = p;
    const candidate = p.candidate.row;
    const providerId =
      p.candidate.type === 'offer' ? p.candidate.row.ownerOrganisationId : p.candidate.row.providerIds[0];
    const ids = [need.ownerOrganisationId, providerId].filter((id): id is string => !!id);
    const orgs = await organisations.iatiOrgs(ids, tx);
    const participant = (id: string | null | undefined, role: 'recipient' | 'provider'): Participant[] => {
      const org = id ? orgs.get(id) : undefined;
      return org ? [{ ...org, role: '4', southSouthRole: role, organisationId: id!, activityId: null }] : [];
    };
    const reporting = (need.ownerOrganisationId && orgs.get(need.ownerOrganisationId)) || {
      ref: 'XM-SOUTHBRIDGE',
      name: 'Southbridge',
      type: null,
    };
    const text = need.texts[need.language]!;
    const candidateTitle = candidate.texts[candidate.language]?.title ?? '';
    const agreement = match.agreement?.summary;
    const { row } = await writes.store(
      tx,
      ctx,
      {
        columns: {
          iatiIdentifier: `${reporting.ref}-${randomBytes(4).toString('hex').toUpperCase()}`,
          language: need.language,
          texts: {
            [need.language]: {
              title: text.title,
              description: [text.description, candidateTitle && `→ ${candidateTitle}`, agreement]
                .filter(Boolean)
                .join('\n\n'),
            },
          },
          reportingOrg: reporting,
          participants: [
            ...participant(need.ownerOrganisationId, 'recipient'),
            ...participant(providerId, 'provider'),
          ],
          countries: [{ iso3: need.country, percentage: null }],
          themes:
            need.themes.length === 1
              ? [{ id: need.themes[0]!, percentage: null }]
              : need.themes.map((id, index) => ({
                  id,
                  percentage: themeShare(need.themes.length, index),
                })),
          sdgTargets: need.sdgTargets,
          sdgGoals: [...new Set(need.sdgTargets.map((code) => code.split('.')[0]!))],
          modalities: [...new Set([...need.modalities, ...candidate.modalities])],
          cooperationType: 'bilateral',
          status: '1',
          publication: 'draft',
          plannedStart: need.startsOn,
          plannedEnd: need.endsOn,
          defaultCurrency: need.budgetCurrency,
          needIds: [need.id],
          matchIds: [match.id],
          recommendationIds: need.recommendationIds,
          visibility: 'members',
          ownerId: need.ownerId ?? ctx.viewer.userId,
          ownerOrganisationId: need.ownerOrganisationId,
        },
        budgets: budgetOf(need),
        transactions: [],
      },
      text.title,
    );
    return row;
  };
}

/** Equal shares that add up to exactly 100 with two decimals: the last one takes the remainder. */
export function themeShare(count: number, index: number): string {
  const cents = Math.floor(10000 / count);
  const value = index === count - 1 ? 10000 - cents * (count - 1) : cents;
  return (value / 100).toFixed(2);
}

export type MatchConversion = ReturnType<typeof createMatchConversion>;
