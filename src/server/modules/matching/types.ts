/**
 * The shapes the matching engine works on. A `MatchProfile` describes either side of a match in
 * the same terms: the need (or free text) being matched and each candidate solution, offer or need.
 */

/** What can be matched: solutions and offers for a need, or needs for an offer. */
export const CANDIDATE_TYPES = ['solution', 'offer', 'need'] as const;
export type CandidateType = (typeof CANDIDATE_TYPES)[number];

export type MatchProfile = {
  /** `text` for a preview of unsaved text. */
  type: CandidateType | 'text';
  /** The language the record was written in (or the text's declared or detected language). */
  language: string;
  /** Languages the record's text exists in (its original plus translations). */
  languages: string[];
  /** Languages the party says it works in; for solutions, the languages of its texts. */
  workingLanguages: string[];
  /** Lexicon concept ids found in its texts and themes (see search/lexicon.ts). */
  concepts: string[];
  themes: string[];
  sdgTargets: string[];
  /**
   * ISO 3166 alpha-3 codes. For a need: the requesting country. For a solution: where it was
   * applied. For an offer: the providing country.
   */
  countries: string[];
  /** Where the provider is based (offers: their country; solutions: the providers' countries). */
  providerCountries: string[];
  modalities: string[];
  /** Need timeframe or offer availability, as ISO dates; null ends are open. */
  window: { from: string | null; until: string | null } | null;
  /** bilateral | regional | triangular, when known. */
  cooperationType: string | null;
  evidence: {
    /** Countries it was replicated in beyond the first. */
    replications: number;
    /** Evidence links (evaluations, reports). */
    links: number;
    /** Matches it took part in that reached an agreement on the platform. */
    agreements: number;
  };
};

/** Facts about a country the context signals use; `south` follows docs/matching.md. */
export type CountryFacts = {
  iso3: string;
  region: string | null;
  subRegion: string | null;
  intermediateRegion: string | null;
  ldc: boolean;
  lldc: boolean;
  sids: boolean;
  south: boolean;
};

/** Same-language wording shared by the two sides: the probe's content terms the candidate holds. */
export type LexicalEvidence = { matched: string[]; total: number };

export const REASON_KINDS = [
  'concept',
  'related_concept',
  'wording',
  'theme',
  'sdg',
  'same_subregion',
  'same_region',
  'development_status',
  'working_language',
  'southern_provider',
  'triangular',
  'modality',
  'timeframe',
  'timeframe_mismatch',
  'replications',
  'evidence_links',
  'agreements',
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

/**
 * One reason before labelling: its kind, the score it contributed (negative for a penalty) and
 * the values its label needs (concept ids, region codes, language codes, counts). Stored with
 * matches, so labels follow the reader's language whenever they are shown.
 */
export type RawReason = { kind: ReasonKind; weight: number; params: Record<string, string | number> };

/** A reason as the API returns it. */
export type Reason = { kind: ReasonKind; label: string; weight: number };

export type ScoredCandidate = { score: number; reasons: RawReason[] };
