/**
 * Scores one candidate against a probe (a need, an offer or a piece of text) and says why. Pure:
 * everything it knows comes in through its arguments, so it is tested without a database and a
 * stored score can always be explained from its reasons (the score is their sum).
 * Each signal and its weight is described in weights.ts and docs/matching.md.
 */
import type { Lexicon } from '../../search/lexicon.js';
import { contentTerms } from '../../search/stopwords.js';
import { indexTerms } from '../../search/text.js';
import type {
  CountryFacts,
  LexicalEvidence,
  MatchProfile,
  RawReason,
  ReasonKind,
  ScoredCandidate,
} from './types.js';
import * as W from './weights.js';

export type ScoreContext = {
  lexicon: Lexicon;
  /** How many indexed documents carry each concept, and how many documents there are: for IDF. */
  conceptFrequency: (concept: string) => number;
  documentCount: number;
  country: (iso3: string) => CountryFacts | undefined;
};

const DAY = 86_400_000;

/** The kinds that say the two sides are about the same subject (see MIN_TOPICAL_SCORE). */
export const TOPICAL_KINDS: ReadonlySet<ReasonKind> = new Set([
  'concept',
  'related_concept',
  'wording',
  'theme',
  'sdg',
]);

const base = (language: string) => language.split('-')[0]!.toLowerCase();

/**
 * Smoothed inverse document frequency, ln((1 + N) / (1 + df)) + 1: at least 1, so a concept every
 * document carries still counts a little, and finite for a concept no document carries yet.
 */
function idf(concept: string, ctx: ScoreContext): number {
  const df = Math.max(0, ctx.conceptFrequency(concept));
  return Math.log((1 + Math.max(0, ctx.documentCount)) / (1 + df)) + 1;
}

/** Theme roots (concepts with no broader) are too general to relate two concepts through. */
function isRoot(id: string, lexicon: Lexicon): boolean {
  const concept = lexicon.concepts.get(id);
  return !concept || concept.broader.length === 0;
}

/** Broader concepts up to `depth` levels, roots left out. */
function ancestors(id: string, lexicon: Lexicon, depth: number): Set<string> {
  const out = new Set<string>();
  let frontier = [id];
  for (let level = 0; level < depth; level++) {
    frontier = frontier.flatMap((c) => lexicon.concepts.get(c)?.broader ?? []).filter((c) => !out.has(c));
    for (const c of frontier) out.add(c);
  }
  for (const c of out) if (isRoot(c, lexicon)) out.delete(c);
  return out;
}

/** Concepts sharing a parent that is not a theme root. */
function siblings(id: string, lexicon: Lexicon): Set<string> {
  const out = new Set<string>();
  for (const parent of lexicon.concepts.get(id)?.broader ?? []) {
    if (isRoot(parent, lexicon)) continue;
    for (const child of lexicon.narrower.get(parent) ?? []) if (child !== id) out.add(child);
  }
  return out;
}

type Tier = { ids: string[]; credit: number; relation: string };

/**
 * The concepts related to one concept, by credit. They depend only on the lexicon, so they are
 * worked out once per concept and lexicon rather than once per candidate.
 */
const relatedCache = new WeakMap<Lexicon, Map<string, Tier[]>>();
function relatedTiers(concept: string, lexicon: Lexicon): Tier[] {
  let cache = relatedCache.get(lexicon);
  if (!cache) {
    cache = new Map();
    relatedCache.set(lexicon, cache);
  }
  let tiers = cache.get(concept);
  if (!tiers) {
    const narrower = lexicon.withNarrower([concept], W.RELATED_DEPTH).filter((c) => c !== concept);
    tiers = [
      {
        ids: [...ancestors(concept, lexicon, W.RELATED_DEPTH)],
        credit: W.RELATED_CREDIT,
        relation: 'broader',
      },
      { ids: narrower, credit: W.RELATED_CREDIT, relation: 'narrower' },
      { ids: [...siblings(concept, lexicon)], credit: W.SIBLING_CREDIT, relation: 'sibling' },
    ];
    cache.set(concept, tiers);
  }
  return tiers;
}

/** The candidate's closest concept to one probe concept, with the share of credit it earns. */
function bestLink(
  probeConcept: string,
  candidate: Set<string>,
  ctx: ScoreContext,
): { concept: string; credit: number; relation: string } | null {
  if (candidate.has(probeConcept)) return { concept: probeConcept, credit: 1, relation: 'same' };
  const tiers = relatedTiers(probeConcept, ctx.lexicon);
  let best: { concept: string; credit: number; relation: string; idf: number } | null = null;
  for (const tier of tiers) {
    for (const id of tier.ids) {
      if (!candidate.has(id)) continue;
      const rarity = idf(id, ctx);
      // Higher credit wins; within a credit, the rarer (more specific) concept.
      if (!best || tier.credit > best.credit || (tier.credit === best.credit && rarity > best.idf)) {
        best = { concept: id, credit: tier.credit, relation: tier.relation, idf: rarity };
      }
    }
  }
  return best && { concept: best.concept, credit: best.credit, relation: best.relation };
}

/** The SDG target to name with a concept: one either side declared, else the concept's first. */
function sdgFor(concept: string, probe: MatchProfile, candidate: MatchProfile, lexicon: Lexicon) {
  const targets = lexicon.concepts.get(concept)?.sdgTargets ?? [];
  const declared = new Set([...probe.sdgTargets, ...candidate.sdgTargets]);
  return targets.find((t) => declared.has(t)) ?? targets[0];
}

function conceptReasons(probe: MatchProfile, candidate: MatchProfile, ctx: ScoreContext): RawReason[] {
  const probeConcepts = [...new Set(probe.concepts)];
  const weights = probeConcepts.map((c) => idf(c, ctx));
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total === 0) return [];
  const held = new Set(candidate.concepts);
  const reasons: RawReason[] = [];
  probeConcepts.forEach((concept, i) => {
    const link = bestLink(concept, held, ctx);
    if (!link) return;
    const weight = (W.CONCEPT_OVERLAP * weights[i]! * link.credit) / total;
    if (link.relation === 'same') {
      const sdg = sdgFor(concept, probe, candidate, ctx.lexicon);
      reasons.push({ kind: 'concept', weight, params: sdg ? { concept, sdg } : { concept } });
    } else {
      reasons.push({
        kind: 'related_concept',
        weight,
        params: { concept: link.concept, via: concept, relation: link.relation },
      });
    }
  });
  reasons.sort((a, b) => b.weight - a.weight);
  if (reasons.length <= W.MAX_CONCEPT_REASONS) return reasons;
  // The rest still count; they are summed so the score stays the sum of the listed reasons.
  const rest = reasons.slice(W.MAX_CONCEPT_REASONS);
  return [
    ...reasons.slice(0, W.MAX_CONCEPT_REASONS),
    { kind: 'concept', weight: rest.reduce((sum, r) => sum + r.weight, 0), params: { count: rest.length } },
  ];
}

/** True when the two sides have text in a common language, the only case wording can compare. */
function shareTextLanguage(probe: MatchProfile, candidate: MatchProfile): boolean {
  const probeLanguages = new Set([probe.language, ...probe.languages].filter(Boolean).map(base));
  return [candidate.language, ...candidate.languages]
    .filter(Boolean)
    .some((l) => probeLanguages.has(base(l)));
}

function wordingReason(
  probe: MatchProfile,
  candidate: MatchProfile,
  lexical: LexicalEvidence | null,
): RawReason[] {
  if (!lexical || lexical.matched.length === 0 || !shareTextLanguage(probe, candidate)) return [];
  const share = Math.min(1, lexical.matched.length / Math.max(lexical.total, W.WORDING_MIN_TERMS));
  return [{ kind: 'wording', weight: W.WORDING * share, params: { count: lexical.matched.length } }];
}

function themeAndSdgReasons(probe: MatchProfile, candidate: MatchProfile, lexicon: Lexicon): RawReason[] {
  const reasons: RawReason[] = [];
  const themes = probe.themes.filter((t) => candidate.themes.includes(t));
  if (themes.length > 0) {
    // Name the most specific shared theme (« school feeding » rather than « agriculture »).
    const theme = themes.find((t) => !isRoot(t, lexicon)) ?? themes[0]!;
    reasons.push({ kind: 'theme', weight: W.SHARED_THEME, params: { theme } });
  }
  const target = probe.sdgTargets.find((t) => candidate.sdgTargets.includes(t));
  if (target) {
    reasons.push({ kind: 'sdg', weight: W.SHARED_SDG_TARGET, params: { target } });
  } else {
    const goalOf = (t: string) => t.split('.')[0]!;
    const goals = new Set(candidate.sdgTargets.map(goalOf));
    const goal = probe.sdgTargets.map(goalOf).find((g) => goals.has(g));
    if (goal) reasons.push({ kind: 'sdg', weight: W.SHARED_SDG_GOAL, params: { goal } });
  }
  return reasons;
}

function facts(codes: string[], ctx: ScoreContext): CountryFacts[] {
  return [...new Set(codes)].map((c) => ctx.country(c)).filter((f): f is CountryFacts => f !== undefined);
}

/** The finest shared M49 grouping below the region: the intermediate region where both have one. */
function subRegionOf(a: CountryFacts, b: CountryFacts): string | null {
  if (a.intermediateRegion && b.intermediateRegion) {
    return a.intermediateRegion === b.intermediateRegion ? a.intermediateRegion : null;
  }
  return a.subRegion && a.subRegion === b.subRegion ? a.subRegion : null;
}

/**
 * Context: the probe's countries against every country the candidate is tied to, where it was
 * applied (`countries`) and where its providers are (`providerCountries`): a solution that worked
 * next door and a provider from next door both bring experience of similar conditions.
 */
function contextReasons(probe: MatchProfile, candidate: MatchProfile, ctx: ScoreContext): RawReason[] {
  const reasons: RawReason[] = [];
  const mine = facts(probe.countries, ctx);
  const theirs = facts([...candidate.countries, ...candidate.providerCountries], ctx);
  const pairs = mine.flatMap((a) => theirs.map((b) => [a, b] as const));
  const subRegion = pairs.map(([a, b]) => subRegionOf(a, b)).find(Boolean);
  const region = pairs.find(([a, b]) => a.region && a.region === b.region)?.[0].region;
  if (subRegion)
    reasons.push({ kind: 'same_subregion', weight: W.SAME_SUBREGION, params: { region: subRegion } });
  else if (region) reasons.push({ kind: 'same_region', weight: W.SAME_REGION, params: { region } });

  let status = 0;
  for (const key of ['ldc', 'lldc', 'sids'] as const) {
    if (!mine.some((f) => f[key]) || !theirs.some((f) => f[key])) continue;
    const weight = Math.min(W.DEVELOPMENT_STATUS_EACH, W.DEVELOPMENT_STATUS_CAP - status);
    if (weight <= 0) break;
    status += weight;
    reasons.push({ kind: 'development_status', weight, params: { status: key } });
  }

  // One reason, for the probe's first shared language: the probe lists its languages by preference.
  const spoken = (p: MatchProfile) => (p.workingLanguages.length > 0 ? p.workingLanguages : [p.language]);
  const theirLanguages = new Set(spoken(candidate).filter(Boolean).map(base));
  const language = spoken(probe)
    .filter(Boolean)
    .map(base)
    .find((l) => theirLanguages.has(l));
  if (language) reasons.push({ kind: 'working_language', weight: W.WORKING_LANGUAGE, params: { language } });

  // Any Southern provider: triangular arrangements pair one with a Northern or multilateral supporter.
  const southern = facts(candidate.providerCountries, ctx).find((f) => f.south);
  if (southern) {
    reasons.push({
      kind: 'southern_provider',
      weight: W.SOUTHERN_PROVIDER,
      params: { country: southern.iso3 },
    });
  }
  if (candidate.cooperationType === 'triangular') {
    reasons.push({ kind: 'triangular', weight: W.TRIANGULAR, params: {} });
  }
  const modality = probe.modalities.find((m) => candidate.modalities.includes(m));
  if (modality) reasons.push({ kind: 'modality', weight: W.MODALITY, params: { modality } });
  return reasons;
}

/** A window as milliseconds, open ends infinite; null when there is none or it is open both ways. */
function span(window: MatchProfile['window']): { from: number; until: number } | null {
  const at = (date: string | null, open: number) => {
    const ms = date ? Date.parse(date) : Number.NaN;
    return Number.isNaN(ms) ? open : ms;
  };
  if (!window) return null;
  const from = at(window.from, -Infinity);
  const until = at(window.until, Infinity);
  return from === -Infinity && until === Infinity ? null : { from, until };
}

function timeframeReason(probe: MatchProfile, candidate: MatchProfile): RawReason[] {
  const a = span(probe.window);
  const b = span(candidate.window);
  if (!a || !b) return [];
  const gapDays = (Math.max(a.from, b.from) - Math.min(a.until, b.until)) / DAY;
  if (gapDays <= 0) return [{ kind: 'timeframe', weight: W.TIMEFRAME_OVERLAP, params: {} }];
  if (gapDays > W.TIMEFRAME_GRACE_DAYS) {
    return [
      { kind: 'timeframe_mismatch', weight: W.TIMEFRAME_MISMATCH, params: { days: Math.round(gapDays) } },
    ];
  }
  return [];
}

/** Diminishing returns: the first of anything says the most. */
const diminishing = (max: number, n: number) => max * (1 - 1 / (1 + n));

function evidenceReasons(candidate: MatchProfile): RawReason[] {
  const { replications, links, agreements } = candidate.evidence;
  const out: RawReason[] = [];
  if (replications > 0) {
    out.push({
      kind: 'replications',
      weight: diminishing(W.REPLICATIONS_MAX, replications),
      params: { count: replications },
    });
  }
  if (links > 0)
    out.push({
      kind: 'evidence_links',
      weight: diminishing(W.EVIDENCE_LINKS_MAX, links),
      params: { count: links },
    });
  if (agreements > 0) {
    out.push({
      kind: 'agreements',
      weight: diminishing(W.AGREEMENTS_MAX, agreements),
      params: { count: agreements },
    });
  }
  return out;
}

/** The score (0 to 1) of a candidate for a probe and the reasons for it, largest first. */
export function scoreCandidate(
  probe: MatchProfile,
  candidate: MatchProfile,
  lexical: LexicalEvidence | null,
  ctx: ScoreContext,
): ScoredCandidate {
  const reasons = [
    ...conceptReasons(probe, candidate, ctx),
    ...wordingReason(probe, candidate, lexical),
    ...themeAndSdgReasons(probe, candidate, ctx.lexicon),
    ...contextReasons(probe, candidate, ctx),
    ...timeframeReason(probe, candidate),
    ...evidenceReasons(candidate),
  ].filter((r) => r.weight !== 0);
  reasons.sort((a, b) => b.weight - a.weight);
  const sum = reasons.reduce((total, r) => total + r.weight, 0);
  return { score: Math.min(1, Math.max(0, sum)), reasons };
}

/** Whether a scored candidate is worth suggesting: enough score, and enough of it on the subject. */
export function isSuggestible(scored: ScoredCandidate): boolean {
  const topical = scored.reasons
    .filter((r) => TOPICAL_KINDS.has(r.kind))
    .reduce((sum, r) => sum + r.weight, 0);
  return scored.score >= W.MIN_SUGGESTED_SCORE && topical >= W.MIN_TOPICAL_SCORE;
}

/**
 * Same-language wording: the probe's content words (stopwords removed) that the candidate's text
 * holds. Null when the two texts are in different languages: words are only comparable within one
 * (« pain » is bread in French and hurt in English); concepts carry meaning across languages.
 */
export function lexicalEvidence(
  probeText: string,
  probeLanguage: string,
  candidateText: string,
  candidateLanguage: string,
): LexicalEvidence | null {
  if (!probeLanguage || base(probeLanguage) !== base(candidateLanguage)) return null;
  const language = base(probeLanguage);
  const terms = contentTerms(probeText, language);
  const held = new Set(indexTerms(candidateText, language));
  return { matched: terms.filter((t) => held.has(t)), total: terms.length };
}
