import { and, desc, eq, inArray, notInArray, or, sql } from 'drizzle-orm';
import { type DashboardDimension, tallyPairs } from '../../../shared/dashboard.js';
import { isKnownLanguage, pickLanguage } from '../../../shared/languages.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { type MatchSide, type MatchStatus, matches } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { detectLanguage } from '../../search/language.js';
import type { Lexicon } from '../../search/lexicon.js';
import { canRead, isStaff, type Viewer } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type {
  NeedRow,
  NeedsOffersService,
  OfferRow,
  PostingKind,
  PostingRow,
} from '../needs-offers/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { SolutionRow, SolutionsService } from '../solutions/service.js';
import type { MatchingEngine, Ranked } from './engine.js';
import { labelReasons } from './labels.js';
import type { MatchParties, MatchPartiesService, MatchRow } from './parties.js';
import { conceptsOf, needProfile, offerProfile, textProfile } from './profiles.js';
import type { MatchAction, MatchView, PreviewInputData } from './schema.js';
import type { CandidateType } from './types.js';

/** How many suggestions a need (or an offer) keeps. */
export const SUGGESTIONS_KEPT = 10;

/**
 * Stored suggestions are computed as a member of no organisation would see the records: public
 * and members-only ones, never a record shared only within an organisation or a group.
 */
const MATCHER: Viewer = { userId: 'matcher', role: 'member', organisationId: null, workingGroupIds: [] };

type Deps = {
  db: Db;
  lexicon: Lexicon;
  engine: MatchingEngine;
  parties: MatchPartiesService;
  reference: Pick<ReferenceService, 'checkCodes' | 'regionsOfCountries'>;
  organisations: Pick<OrganisationsService, 'summaries'>;
  solutions: Pick<SolutionsService, 'rowsById' | 'idsHeldBy'>;
  needsOffers: Pick<NeedsOffersService, 'rowsById' | 'row' | 'openRows' | 'idsHeldBy'>;
};

type TitleSource = { slug: string; language: string; texts: Record<string, { title: string }> };

/** The title in the reader's language when there is one, else in the original. */
function titleOf(row: TitleSource, lang: string): { title: string; language: string } {
  const language = pickLanguage(row.texts, lang, row.language);
  return { title: row.texts[language]!.title, language };
}

/** What the viewer may do on a match now, from its state and their side. */
export function allowedActions(
  match: Pick<MatchRow, 'status' | 'interestSide' | 'projectId'>,
  side: MatchSide | null,
  open: boolean,
): MatchAction[] {
  if (!side) return [];
  const actions: MatchAction[] = ['message'];
  if (!open) return actions;
  if (match.status === 'suggested') actions.push('interest', 'decline');
  if (match.status === 'interested' && match.interestSide !== side) actions.push('accept', 'decline');
  if (match.status === 'interested' && match.interestSide === side) actions.push('decline');
  if (match.status === 'accepted') actions.push('agree', 'decline');
  if (match.status === 'agreed' && !match.projectId) actions.push('project');
  return actions;
}

/** Whether both records of a match are still open (a closed need or offer stops its matches). */
export function partiesOpen(parties: MatchParties): boolean {
  return (
    parties.need.status === 'open' &&
    (parties.candidate.type !== 'offer' || parties.candidate.row.status === 'open')
  );
}

export function createMatchingService({
  db,
  lexicon,
  engine,
  parties,
  reference,
  organisations,
  solutions,
  needsOffers,
}: Deps) {
  /** Labels raw reasons and titles ranked records, for the reader. */
  async function presentRanked(ranked: Ranked[], lang: string, tx: DbOrTx = db) {
    const ids = (type: CandidateType) => ranked.filter((r) => r.type === type).map((r) => r.id);
    const rows = new Map<string, TitleSource>();
    for (const row of await solutions.rowsById(ids('solution'), tx)) rows.set(row.id, row);
    for (const kind of ['offer', 'need'] as const)
      for (const row of await needsOffers.rowsById(kind, ids(kind), tx)) rows.set(row.id, row);
    return ranked.flatMap((item) => {
      const row = rows.get(item.id);
      if (!row) return [];
      return [
        {
          type: item.type,
          id: item.id,
          slug: row.slug,
          ...titleOf(row, lang),
          score: Math.round(item.score * 1000) / 1000,
          reasons: labelReasons(item.reasons, lang, lexicon),
        },
      ];
    });
  }

  /** The probe of a saved need or offer. */
  function postingProbe(kind: PostingKind, row: PostingRow) {
    const concepts = conceptsOf(lexicon, row.texts, row.themes);
    const profile =
      kind === 'need'
        ? needProfile(row as NeedRow, concepts, { agreements: 0 })
        : offerProfile(row as OfferRow, concepts, { agreements: 0 });
    const text = row.texts[row.language]!;
    return { profile, text: `${text.title}\n${text.description}`, id: row.id };
  }

  /**
   * Stores the best suggestions for a need (solutions and offers) or an offer (needs). With
   * `prune`, when a need was written, its suggestions nobody acted on that no longer rank are
   * dropped; refreshes only add and rescore, so a pair an offer brought in is not lost (and then
   * announced again) because the need ranks it lower.
   */
  async function suggest(tx: DbOrTx, kind: PostingKind, row: PostingRow, prune = kind === 'need') {
    if (row.status !== 'open') return;
    const ranked = await engine.rank(
      MATCHER,
      postingProbe(kind, row),
      kind === 'need' ? ['solution', 'offer'] : ['need'],
      SUGGESTIONS_KEPT,
      tx,
    );
    const pairs = ranked.map((item) =>
      kind === 'need'
        ? { needId: row.id, candidateType: item.type as 'solution' | 'offer', candidateId: item.id }
        : { needId: item.id, candidateType: 'offer' as const, candidateId: row.id },
    );
    if (prune) {
      const kept = pairs.map((p) => p.candidateId);
      await tx
        .delete(matches)
        .where(
          and(
            eq(matches.needId, row.id),
            eq(matches.status, 'suggested'),
            kept.length ? notInArray(matches.candidateId, kept) : undefined,
          ),
        );
    }
    if (pairs.length === 0) return;
    await tx
      .insert(matches)
      .values(pairs.map((pair, i) => ({ ...pair, score: ranked[i]!.score, reasons: ranked[i]!.reasons })))
      .onConflictDoUpdate({
        target: [matches.needId, matches.candidateType, matches.candidateId],
        set: { score: sql`excluded.score`, reasons: sql`excluded.reasons`, updatedAt: new Date() },
      });
  }

  /** A match as the viewer sees it. */
  async function present(viewer: Viewer, match: MatchRow, p: MatchParties, lang: string) {
    const side = parties.sideOf(viewer, p);
    const orgIds = [
      p.need.ownerOrganisationId,
      p.candidate.type === 'offer' ? p.candidate.row.ownerOrganisationId : p.candidate.row.providerIds[0],
    ].filter((id): id is string => !!id);
    const orgs = new Map((await organisations.summaries(viewer, orgIds, lang)).map((o) => [o.id, o]));
    const orgOf = (id: string | null | undefined) => {
      const org = id ? orgs.get(id) : undefined;
      return org ? { id: org.id, name: org.name } : null;
    };
    const candidateRow = p.candidate.row;
    return {
      id: match.id,
      status: match.status,
      score: Math.round(match.score * 1000) / 1000,
      reasons: labelReasons(match.reasons, lang, lexicon),
      need: {
        type: 'need' as const,
        id: p.need.id,
        slug: p.need.slug,
        ...titleOf(p.need, lang),
        status: p.need.status,
        organisation: orgOf(p.need.ownerOrganisationId),
      },
      candidate: {
        type: p.candidate.type,
        id: candidateRow.id,
        slug: candidateRow.slug,
        ...titleOf(candidateRow as TitleSource, lang),
        status: candidateRow.status,
        organisation: orgOf(
          p.candidate.type === 'offer' ? p.candidate.row.ownerOrganisationId : p.candidate.row.providerIds[0],
        ),
      },
      interestSide: match.interestSide,
      // Why a side declined and what the sides agreed is for them and the secretariat.
      declineReason: side || isStaff(viewer) ? match.declineReason : null,
      agreement: side || isStaff(viewer) ? match.agreement : null,
      projectId: side || isStaff(viewer) ? match.projectId : null,
      yourSide: side,
      actions: allowedActions(match, side, partiesOpen(p)),
      createdAt: match.createdAt.toISOString(),
      updatedAt: match.updatedAt.toISOString(),
    } satisfies MatchView;
  }

  /** The matches the viewer may see among `rows`, presented. */
  async function presentAll(viewer: Viewer, rows: MatchRow[], lang: string) {
    const out: MatchView[] = [];
    for (const row of rows) {
      const p = await parties.of(db, row).catch(() => null);
      if (!p) continue;
      const visible =
        parties.canSee(viewer, p) || (readableCandidate(viewer, p) && readableNeed(viewer, p.need));
      if (visible) out.push(await present(viewer, row, p, lang));
    }
    return out;
  }

  function readableNeed(viewer: Viewer, need: NeedRow) {
    return canRead(viewer, { visibility: need.visibility, ...recordScope(need) });
  }

  function readableCandidate(viewer: Viewer, p: MatchParties) {
    const row = p.candidate.row;
    if (p.candidate.type === 'solution' && (row as SolutionRow).status !== 'published' && !isStaff(viewer))
      return false;
    return canRead(viewer, { visibility: row.visibility, ...recordScope(row) });
  }

  /** Matches on records the viewer wrote or their organisation holds or provides. */
  async function ownRecords(viewer: Viewer) {
    const owner = { ownerId: viewer.userId, organisationId: viewer.organisationId };
    const [needIds, offerIds, solutionIds] = [
      await needsOffers.idsHeldBy('need', owner),
      await needsOffers.idsHeldBy('offer', owner),
      await solutions.idsHeldBy(owner),
    ];
    const parts = [
      needIds.length ? inArray(matches.needId, needIds) : undefined,
      offerIds.length
        ? and(eq(matches.candidateType, 'offer'), inArray(matches.candidateId, offerIds))
        : undefined,
      solutionIds.length
        ? and(eq(matches.candidateType, 'solution'), inArray(matches.candidateId, solutionIds))
        : undefined,
    ].filter((part) => part !== undefined);
    return parts.length ? or(...parts) : sql`false`;
  }

  /** Agreed matches the viewer may see (the rule of `presentAll`), with their parties. */
  async function agreedVisible(viewer: Viewer, status: MatchStatus[] = ['agreed']) {
    const rows = await db
      .select()
      .from(matches)
      .where(inArray(matches.status, status))
      .orderBy(desc(matches.updatedAt));
    const out: Array<{ row: MatchRow; parties: MatchParties; providers: string[]; recipient: string }> = [];
    for (const row of rows) {
      const p = await parties.of(db, row).catch(() => null);
      if (!p) continue;
      if (!parties.canSee(viewer, p) && !(readableCandidate(viewer, p) && readableNeed(viewer, p.need)))
        continue;
      const providers =
        p.candidate.type === 'offer' ? [p.candidate.row.country] : [...new Set(p.candidate.row.countries)];
      out.push({ row, parties: p, providers, recipient: p.need.country });
    }
    return out;
  }

  return {
    present,
    suggest,

    /**
     * Agreed cooperation the viewer may see, as country links: the providing countries (the
     * offer's country, or the countries a solution was developed in) and the need's country.
     */
    async agreedCountryLinks(viewer: Viewer): Promise<Array<{ providers: string[]; recipient: string }>> {
      return (await agreedVisible(viewer)).map(({ providers, recipient }) => ({ providers, recipient }));
    },

    /**
     * The match funnel over every match the viewer may see: suggested (every match began as a
     * suggestion), interest (a side expressed interest: interested, accepted, agreed, or declined
     * after interest), agreed, and agreed matches that became a project.
     */
    async funnel(viewer: Viewer) {
      const visible = await agreedVisible(viewer, [
        'suggested',
        'interested',
        'accepted',
        'declined',
        'agreed',
      ]);
      const rows = visible.map((m) => m.row);
      return {
        suggested: rows.length,
        interest: rows.filter(
          (r) => r.status !== 'suggested' && (r.status !== 'declined' || !!r.interestSide),
        ).length,
        agreed: rows.filter((r) => r.status === 'agreed').length,
        project: rows.filter((r) => r.status === 'agreed' && !!r.projectId).length,
      };
    },

    /**
     * Agreed matches the viewer may see per value of a dashboard dimension, read from the need
     * (its SDG goals, themes, M49 region, modalities), the solution's cooperation type, and the
     * year the match was suggested.
     */
    async agreedCountsBy(viewer: Viewer, dimension: DashboardDimension): Promise<Map<string, number>> {
      const visible = await agreedVisible(viewer);
      const pairs = visible.flatMap(({ row, parties: p }) => {
        const need = p.need;
        const solution = p.candidate.type === 'solution' ? (p.candidate.row as SolutionRow) : null;
        const keys: Record<DashboardDimension, Array<string | null>> = {
          sdg: need.sdgTargets.map((t) => t.split('.')[0]!),
          theme: need.themes,
          region: [need.country],
          modality: need.modalities,
          cooperationType: [solution?.cooperationType ?? null],
          year: [String(row.createdAt.getUTCFullYear())],
        };
        return keys[dimension].map((key) => ({ id: row.id, key }));
      });
      if (dimension !== 'region') return tallyPairs(pairs);
      const regions = await reference.regionsOfCountries(visible.map((m) => m.parties.need.country));
      return tallyPairs(pairs, (code) => regions.get(code)?.[0]);
    },

    /** Agreed matches the viewer may see that involve a country on either side, newest first. */
    async agreedInvolving(viewer: Viewer, iso3: string, options: { lang: string; limit: number }) {
      const involved = (await agreedVisible(viewer)).filter(
        (m) => m.recipient === iso3 || m.providers.includes(iso3),
      );
      const items: MatchView[] = [];
      for (const m of involved.slice(0, options.limit))
        items.push(await present(viewer, m.row, m.parties, options.lang));
      return { total: involved.length, items };
    },

    /** Ranks solutions and offers for any text, saving nothing. */
    async preview(viewer: Viewer, input: PreviewInputData, lang: string) {
      const invalid = await reference.checkCodes({
        countries: input.country ? [input.country] : [],
        themes: input.themes,
        modalities: input.modalities,
        sdgTargets: input.sdgTargets,
      });
      for (const error of invalid) error.field = error.field.replace('body.countries.0', 'body.country');
      if (input.language && !isKnownLanguage(input.language))
        invalid.push({ field: 'body.language', message: `unknown language "${input.language}"` });
      const detected = input.language ? null : detectLanguage(input.text);
      if (!input.language && !detected)
        invalid.push({
          field: 'body.language',
          message: 'could not tell the language of the text; say which it is',
        });
      if (invalid.length) throw new AppError('validation_failed', 'Some fields are not valid', invalid);
      const language = (input.language ?? detected)!;
      const profile = textProfile({
        language,
        concepts: conceptsOf(lexicon, { [language]: { title: input.text } }, input.themes ?? []),
        country: input.country,
        themes: input.themes,
        sdgTargets: input.sdgTargets,
        modalities: input.modalities,
      });
      const ranked = await engine.rank(viewer, { profile, text: input.text }, input.types, input.limit);
      return { language, detected: !input.language, items: await presentRanked(ranked, lang) };
    },

    /** The stored matches of a need the viewer may read, best first. */
    async ofNeed(viewer: Viewer, idOrSlug: string, lang: string) {
      const need = await needsOffers.row('need', viewer, idOrSlug);
      const rows = await db
        .select()
        .from(matches)
        .where(eq(matches.needId, need.id))
        .orderBy(desc(matches.score));
      return { items: await presentAll(viewer, rows, lang) };
    },

    /** The needs an offer the viewer may read was matched with. */
    async ofOffer(viewer: Viewer, idOrSlug: string, lang: string) {
      const offer = await needsOffers.row('offer', viewer, idOrSlug);
      const rows = await db
        .select()
        .from(matches)
        .where(and(eq(matches.candidateType, 'offer'), eq(matches.candidateId, offer.id)))
        .orderBy(desc(matches.score));
      return { items: await presentAll(viewer, rows, lang) };
    },

    /** Matches the viewer takes part in (staff: all that someone acted on), newest activity first. */
    async mine(viewer: Viewer, filters: { status?: string[]; lang: string }) {
      if (!viewer.userId) throw new AppError('unauthorized', 'Sign in to see your matches');
      const statusFilter = filters.status?.length
        ? inArray(matches.status, filters.status as MatchStatus[])
        : undefined;
      // Only the records the viewer acts for: those they wrote, or their organisation's. Staff
      // follow what people act on; raw suggestions would drown it.
      const scope = isStaff(viewer)
        ? statusFilter
          ? undefined
          : sql`${matches.status} <> 'suggested'`
        : await ownRecords(viewer);
      const rows = await db
        .select()
        .from(matches)
        .where(and(statusFilter, scope))
        .orderBy(desc(matches.updatedAt))
        .limit(200);
      const items: MatchView[] = [];
      for (const row of rows) {
        const p = await parties.of(db, row).catch(() => null);
        if (!p) continue;
        if (parties.sideOf(viewer, p) || isStaff(viewer))
          items.push(await present(viewer, row, p, filters.lang));
        if (items.length >= 100) break;
      }
      return { items };
    },

    /** Recomputes suggestions for every open need and offer (after a reindex, and weekly). */
    async refreshAll(tx: DbOrTx = db) {
      engine.resetFrequencies();
      let count = 0;
      for (const kind of ['need', 'offer'] as const)
        for (const row of await needsOffers.openRows(kind, tx)) {
          await suggest(tx, kind, row, false);
          count++;
        }
      return count;
    },
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
