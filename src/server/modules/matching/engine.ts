import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { matches } from '../../db/schema/index.js';
import type { Lexicon } from '../../search/lexicon.js';
import { contentTerms } from '../../search/stopwords.js';
import type { Viewer } from '../access/policy.js';
import type { NeedRow, NeedsOffersService, OfferRow } from '../needs-offers/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { SolutionsService } from '../solutions/service.js';
import { needProfile, offerProfile, solutionProfile } from './profiles.js';
import { commonTerms, conceptFrequencies, type RetrievedDocument, retrieve } from './retrieval.js';
import { isSuggestible, type ScoreContext, scoreCandidate } from './scorer.js';
import { isSouthern } from './south.js';
import type { CandidateType, CountryFacts, LexicalEvidence, MatchProfile, RawReason } from './types.js';

/** What is being matched: its profile, its text in its own language, and its id if saved. */
export type Probe = { profile: MatchProfile; text: string; id?: string };

export type Ranked = { type: CandidateType; id: string; score: number; reasons: RawReason[] };

/** Concept frequencies change slowly; recount them at most this often. */
const FREQUENCY_TTL_MS = 10 * 60 * 1000;

type Deps = {
  db: Db;
  lexicon: Lexicon;
  reference: ReferenceService;
  organisations: Pick<OrganisationsService, 'countriesOf'>;
  solutions: Pick<SolutionsService, 'rowsById'>;
  needsOffers: Pick<NeedsOffersService, 'rowsById'>;
};

/**
 * The matching engine: retrieves a candidate pool from the search index, builds a profile of each
 * candidate from its own module, and scores each against the probe (see scorer.ts and
 * docs/matching.md). Every function takes the transaction it runs in.
 */
export function createMatchingEngine({
  db,
  lexicon,
  reference,
  organisations,
  solutions,
  needsOffers,
}: Deps) {
  let frequencies: {
    at: number;
    value: Promise<{ frequency: Map<string, number>; documents: number; common: Set<string> }>;
  } | null = null;

  /** Concept frequencies and the words too common to retrieve by, counted together. */
  async function countFrequencies(tx: DbOrTx) {
    const concepts = await conceptFrequencies(tx);
    return { ...concepts, common: await commonTerms(tx) };
  }

  function frequenciesFor(tx: DbOrTx) {
    if (!frequencies || Date.now() - frequencies.at > FREQUENCY_TTL_MS) {
      const value = countFrequencies(tx);
      frequencies = { at: Date.now(), value };
      value.catch(() => {
        frequencies = null;
      });
    }
    return frequencies.value;
  }

  async function context(tx: DbOrTx): Promise<ScoreContext & { commonTerms: ReadonlySet<string> }> {
    // One query at a time: a transaction's connection runs queries in sequence anyway.
    const { frequency, documents, common } = await frequenciesFor(tx);
    const flags = await reference.countryFlags(tx);
    const facts = new Map<string, CountryFacts>();
    return {
      lexicon,
      commonTerms: common,
      conceptFrequency: (concept) => frequency.get(concept) ?? 0,
      documentCount: documents,
      country(iso3) {
        const known = facts.get(iso3);
        if (known) return known;
        const row = flags.get(iso3);
        if (!row) return undefined;
        const made: CountryFacts = { ...row, south: isSouthern(row) };
        facts.set(iso3, made);
        return made;
      },
    };
  }

  /** Inverse document frequency: rare concepts say more about a fit than common ones. */
  function rarity(ctx: ScoreContext, concept: string): number {
    return Math.log((ctx.documentCount + 1) / (ctx.conceptFrequency(concept) + 1)) + 1;
  }

  /**
   * The concepts to retrieve by: the probe's own at full rarity, and their broader (other than
   * theme roots) and narrower concepts at half. Theme roots retrieve only when nothing more
   * specific was found: they would pull in whole sectors.
   */
  function retrievalConcepts(ctx: ScoreContext, concepts: string[]) {
    const isRoot = (id: string) => (lexicon.concepts.get(id)?.broader.length ?? 0) === 0;
    const specific = concepts.filter((id) => !isRoot(id));
    const own = specific.length ? specific : concepts;
    const weights = new Map(own.map((id) => [id, rarity(ctx, id)]));
    for (const id of own) {
      const related = [...(lexicon.concepts.get(id)?.broader ?? []), ...(lexicon.narrower.get(id) ?? [])];
      for (const other of related)
        if (!weights.has(other) && !isRoot(other)) weights.set(other, rarity(ctx, other) / 2);
    }
    return [...weights].map(([id, weight]) => ({ id, weight, documents: ctx.conceptFrequency(id) }));
  }

  /** A text with the concept labels it holds blanked out: the words it says beyond its concepts. */
  function withoutLabels(text: string, language: string): string {
    let rest = text;
    for (const match of lexicon.tag(text, language).reverse())
      rest = `${rest.slice(0, match.start)} . ${rest.slice(match.end)}`;
    return rest;
  }

  /** Agreements each candidate reached through matches on the platform. */
  async function agreementsOf(tx: DbOrTx, type: CandidateType, ids: string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows =
      type === 'need'
        ? await tx
            .select({ id: matches.needId, n: sql<number>`count(*)::int` })
            .from(matches)
            .where(and(eq(matches.status, 'agreed'), inArray(matches.needId, ids)))
            .groupBy(matches.needId)
        : await tx
            .select({ id: matches.candidateId, n: sql<number>`count(*)::int` })
            .from(matches)
            .where(
              and(
                eq(matches.status, 'agreed'),
                eq(matches.candidateType, type),
                inArray(matches.candidateId, ids),
              ),
            )
            .groupBy(matches.candidateId);
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  /** Profiles of the retrieved candidates, from the modules that own them. */
  async function candidateProfiles(
    tx: DbOrTx,
    pool: RetrievedDocument[],
  ): Promise<Map<string, MatchProfile>> {
    const idsOf = (type: CandidateType) => pool.filter((doc) => doc.type === type).map((doc) => doc.id);
    const conceptsById = new Map(pool.map((doc) => [doc.id, doc.concepts]));
    const profiles = new Map<string, MatchProfile>();
    const solutionRows = await solutions.rowsById(idsOf('solution'), tx);
    const offerRows = (await needsOffers.rowsById('offer', idsOf('offer'), tx)) as OfferRow[];
    const needRows = (await needsOffers.rowsById('need', idsOf('need'), tx)) as NeedRow[];
    const solutionAgreements = await agreementsOf(tx, 'solution', idsOf('solution'));
    const offerAgreements = await agreementsOf(tx, 'offer', idsOf('offer'));
    const needAgreements = await agreementsOf(tx, 'need', idsOf('need'));
    const providerCountries = await organisations.countriesOf(
      solutionRows.flatMap((row) => row.providerIds),
      tx,
    );
    for (const row of solutionRows) {
      const countries = row.providerIds.flatMap((id) => providerCountries.get(id) ?? []);
      profiles.set(
        row.id,
        solutionProfile(row, conceptsById.get(row.id) ?? [], [...new Set(countries)], {
          agreements: solutionAgreements.get(row.id) ?? 0,
        }),
      );
    }
    for (const row of offerRows)
      profiles.set(
        row.id,
        offerProfile(row, conceptsById.get(row.id) ?? [], { agreements: offerAgreements.get(row.id) ?? 0 }),
      );
    for (const row of needRows)
      profiles.set(
        row.id,
        needProfile(row, conceptsById.get(row.id) ?? [], { agreements: needAgreements.get(row.id) ?? 0 }),
      );
    return profiles;
  }

  /** The candidate pool of a probe, from the search index. */
  function candidates(
    ctx: Awaited<ReturnType<typeof context>>,
    viewer: Viewer,
    probe: Probe,
    types: CandidateType[],
    tx: DbOrTx,
  ) {
    const { language } = probe.profile;
    return retrieve(tx, viewer, {
      types,
      concepts: retrievalConcepts(ctx, probe.profile.concepts),
      language,
      terms: contentTerms(probe.text, language),
      common: ctx.commonTerms,
      unlabelled: new Set(contentTerms(withoutLabels(probe.text, language), language)),
      exclude: probe.id ? [probe.id] : [],
    });
  }

  return {
    /** The records a probe would be scored against, unscored (for measuring retrieval). */
    async candidates(viewer: Viewer, probe: Probe, types: CandidateType[], tx: DbOrTx = db) {
      return candidates(await context(tx), viewer, probe, types, tx);
    },

    /**
     * The best candidates of the given types for a probe, as the viewer may see them, best first.
     * Candidates below the minimum score are dropped: a weak suggestion costs a focal point time.
     */
    async rank(
      viewer: Viewer,
      probe: Probe,
      types: CandidateType[],
      limit: number,
      tx: DbOrTx = db,
    ): Promise<Ranked[]> {
      const ctx = await context(tx);
      const { language } = probe.profile;
      const pool = await candidates(ctx, viewer, probe, types, tx);
      const profiles = await candidateProfiles(tx, pool);
      // As lexicalEvidence counts it, with the candidate's words read from the index.
      const terms = contentTerms(probe.text, language);
      const ranked: Ranked[] = [];
      for (const doc of pool) {
        const candidate = profiles.get(doc.id);
        if (!candidate) continue;
        const held = doc.sameLanguageTerms && new Set(doc.sameLanguageTerms);
        const lexical: LexicalEvidence | null = held
          ? { matched: terms.filter((term) => held.has(term)), total: terms.length }
          : null;
        const scored = scoreCandidate(probe.profile, candidate, lexical, ctx);
        if (isSuggestible(scored)) ranked.push({ type: doc.type, id: doc.id, ...scored });
      }
      ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      return ranked.slice(0, limit);
    },

    /** Forget cached concept frequencies (after a bulk load). */
    resetFrequencies() {
      frequencies = null;
    },
  };
}

export type MatchingEngine = ReturnType<typeof createMatchingEngine>;
