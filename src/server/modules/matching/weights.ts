/**
 * Every weight and constant of the match score, in one place. A score is the sum of the reasons a
 * pair earns, so each weight here is also the most one signal can add. The weights add up to just
 * under 1 and are ordered by how much each signal says about whether a candidate can help:
 * what it is about first, then in what words, then the context it worked in, then its track record.
 *
 * Tune these against the evaluation set as a whole and explain each change here. Never tune to make
 * one evaluation case pass: that fits the test, not the problem (see docs/matching.md).
 */

/**
 * Shared concepts: the main signal. Concepts are language-independent, so this is what lets a
 * need written in Arabic find a solution written in Spanish. Weighted by IDF so a shared rare
 * concept (« school feeding ») counts more than a shared common one (« capacity development »),
 * and divided by the probe's total so a probe with many concepts is not favoured.
 */
export const CONCEPT_OVERLAP = 0.45;
/** Share of a concept's credit earned by a broader or narrower concept: on topic, less precisely. */
export const RELATED_CREDIT = 0.5;
/** Share earned by a sibling (same parent): neighbouring topic, often a useful lead, rarely the same. */
export const SIBLING_CREDIT = 0.25;
/**
 * How many levels up or down the hierarchy still count as related: two, the depth retrieval
 * expands a query's concepts to, so every candidate found through a narrower concept is credited.
 */
export const RELATED_DEPTH = 2;
/** At most this many concept reasons are listed; the rest are summed into one « and N more ». */
export const MAX_CONCEPT_REASONS = 5;

/**
 * Same-language wording: the share of the probe's content words the candidate text holds. Smaller
 * than concepts because words are ambiguous and only ever match within one language, but it
 * catches subjects the lexicon does not know yet.
 */
export const WORDING = 0.12;
/** Fewer content words than this are too little evidence for the full wording weight. */
export const WORDING_MIN_TERMS = 4;

/** A shared theme: broad (« health »), so it only separates on-topic from off-topic candidates. */
export const SHARED_THEME = 0.04;
/** A shared SDG target, declared by both sides: a precise statement of the same aim. */
export const SHARED_SDG_TARGET = 0.04;
/** The same goal through different targets: the same broad aim. */
export const SHARED_SDG_GOAL = 0.015;

/**
 * Geography. Neighbours share climate, institutions and often languages, which is why South-South
 * exchange works; the same sub-region (or intermediate region, where M49 has one) counts most.
 */
export const SAME_SUBREGION = 0.06;
/** The same region but not the same sub-region. */
export const SAME_REGION = 0.03;

/**
 * Development status (LDC, LLDC, SIDS): countries in the same situation face the same constraints
 * (small markets, no coast, exposure to storms) and solutions built for them fit.
 */
export const DEVELOPMENT_STATUS_EACH = 0.03;
/** The three statuses overlap (many LDCs are landlocked), so their sum is capped. */
export const DEVELOPMENT_STATUS_CAP = 0.05;

/** A shared working language: people can talk without interpreters, documents need no translation. */
export const WORKING_LANGUAGE = 0.05;
/** A provider from the South: the platform exists for South-South exchange (see south.ts). */
export const SOUTHERN_PROVIDER = 0.03;
/** Triangular cooperation: marked so it is visible, barely scored, as it is neither better nor worse. */
export const TRIANGULAR = 0.01;
/** The candidate offers a way of working the probe asks for (training, expert deployment…). */
export const MODALITY = 0.05;

/** Availability overlaps the time the need has: a small plus. */
export const TIMEFRAME_OVERLAP = 0.03;
/** Availability clearly outside it: a penalty larger than the bonus, as it rules the help out. */
export const TIMEFRAME_MISMATCH = -0.05;
/** Windows less than this many days apart are neither rewarded nor penalised: dates slip. */
export const TIMEFRAME_GRACE_DAYS = 30;

/**
 * Track record, each with diminishing returns, 1 - 1/(1 + n): the first replication says most.
 * Small on purpose: a new solution with no record yet must still be found.
 */
export const REPLICATIONS_MAX = 0.03;
export const EVIDENCE_LINKS_MAX = 0.01;
export const AGREEMENTS_MAX = 0.02;

/** Below this a candidate is not suggested: a theme and a region alone are not a match. */
export const MIN_SUGGESTED_SCORE = 0.08;
/**
 * The part of the score that must come from the subject (concepts, wording, theme, SDG): context
 * and track record can rank candidates on the same subject, but cannot make an off-topic one a match.
 */
export const MIN_TOPICAL_SCORE = 0.05;
