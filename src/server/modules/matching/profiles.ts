import type { Lexicon } from '../../search/lexicon.js';
import type { NeedRow, OfferRow } from '../needs-offers/service.js';
import type { SolutionRow } from '../solutions/service.js';
import type { MatchProfile } from './types.js';

/** Evidence the platform itself holds about a candidate: agreements reached through matches. */
export type PlatformEvidence = { agreements: number };

/** The concepts of a record's texts, in every language it has, plus its theme roots. */
export function conceptsOf(
  lexicon: Lexicon,
  texts: Record<string, { title: string; description?: string; summary?: string }>,
  themes: string[],
): string[] {
  const found = new Set(themes.filter((theme) => lexicon.concepts.has(theme)));
  for (const [language, text] of Object.entries(texts))
    for (const id of lexicon.conceptsIn(
      [text.title, text.summary, text.description].filter(Boolean).join('\n'),
      language,
    ))
      found.add(id);
  return [...found];
}

/** A need, as the probe of a search or as a candidate for an offer. */
export function needProfile(row: NeedRow, concepts: string[], evidence: PlatformEvidence): MatchProfile {
  return {
    type: 'need',
    language: row.language,
    languages: Object.keys(row.texts),
    workingLanguages: row.workingLanguages,
    concepts,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    countries: [row.country],
    providerCountries: [],
    modalities: row.modalities,
    window: row.startsOn || row.endsOn ? { from: row.startsOn, until: row.endsOn } : null,
    cooperationType: null,
    evidence: { replications: 0, links: 0, agreements: evidence.agreements },
  };
}

/** An offer: its provider is the organisation in `country`. */
export function offerProfile(row: OfferRow, concepts: string[], evidence: PlatformEvidence): MatchProfile {
  return {
    type: 'offer',
    language: row.language,
    languages: Object.keys(row.texts),
    workingLanguages: row.workingLanguages,
    concepts,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    countries: [row.country],
    providerCountries: [row.country],
    modalities: row.modalities,
    window:
      row.availableFrom || row.availableUntil ? { from: row.availableFrom, until: row.availableUntil } : null,
    cooperationType: null,
    evidence: { replications: 0, links: 0, agreements: evidence.agreements },
  };
}

/**
 * A published solution: where it was applied, who provides it (the countries of its providing
 * organisations), its evidence links and the countries that replicated it.
 */
export function solutionProfile(
  row: SolutionRow,
  concepts: string[],
  providerCountries: string[],
  evidence: PlatformEvidence,
): MatchProfile {
  const languages = Object.keys(row.texts);
  return {
    type: 'solution',
    language: row.language,
    languages,
    // A solution names no working languages; the languages its story is told in stand in.
    workingLanguages: languages,
    concepts,
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    countries: [...new Set([...row.countries, ...row.replicatedIn])],
    providerCountries,
    modalities: row.modalities,
    window: null,
    cooperationType: row.cooperationType,
    evidence: {
      replications: row.replicatedIn.length,
      links: row.evidence.length,
      agreements: evidence.agreements,
    },
  };
}

/** Free text from the preview form or API, with the context the writer gave. */
export function textProfile(input: {
  language: string;
  concepts: string[];
  country?: string;
  themes?: string[];
  sdgTargets?: string[];
  modalities?: string[];
  workingLanguages?: string[];
}): MatchProfile {
  return {
    type: 'text',
    language: input.language,
    languages: [input.language],
    workingLanguages: input.workingLanguages?.length ? input.workingLanguages : [input.language],
    concepts: input.concepts,
    themes: input.themes ?? [],
    sdgTargets: input.sdgTargets ?? [],
    countries: input.country ? [input.country] : [],
    providerCountries: [],
    modalities: input.modalities ?? [],
    window: null,
    cooperationType: null,
    evidence: { replications: 0, links: 0, agreements: 0 },
  };
}
