import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../search/lexicon.js';
import { CountryFile, readDataFile } from '../../seed/files.js';
import { isSuggestible, lexicalEvidence, type ScoreContext, scoreCandidate } from './scorer.js';
import { countryFacts } from './south.js';
import type { MatchProfile, ReasonKind, ScoredCandidate } from './types.js';
import * as W from './weights.js';

const countries = new Map(
  readDataFile('refdata/countries.json', CountryFile).map((c) => [c.iso3, countryFacts(c)]),
);

/** A common concept (half the documents carry it) and rare ones (a handful do). */
const frequency: Record<string, number> = { 'capacity-development': 500, nursing: 3, 'school-feeding': 5 };
const ctx: ScoreContext = {
  lexicon: loadLexicon(),
  conceptFrequency: (concept) => frequency[concept] ?? 10,
  documentCount: 1000,
  country: (iso3) => countries.get(iso3),
};

function profile(overrides: Partial<MatchProfile> = {}): MatchProfile {
  return {
    type: 'solution',
    language: 'fr',
    languages: ['fr'],
    workingLanguages: ['fr'],
    concepts: [],
    themes: [],
    sdgTargets: [],
    countries: [],
    providerCountries: [],
    modalities: [],
    window: null,
    cooperationType: null,
    evidence: { replications: 0, links: 0, agreements: 0 },
    ...overrides,
  };
}

/** A need from Kenya, in English, about nursing and capacity development. */
const probe = profile({
  type: 'need',
  language: 'en',
  languages: ['en'],
  workingLanguages: ['en'],
  concepts: ['nursing', 'capacity-development'],
  countries: ['KEN'],
});
/** A French solution from Peru by a German provider sharing only the common concept. */
const baseline = profile({
  concepts: ['capacity-development'],
  countries: ['PER'],
  providerCountries: ['DEU'],
});

/** The score of the baseline candidate with some fields changed, without wording evidence. */
const score = (candidate: Partial<MatchProfile>, p: MatchProfile = probe) =>
  scoreCandidate(p, { ...baseline, ...candidate }, null, ctx);
const kinds = (scored: ScoredCandidate) => scored.reasons.map((r) => r.kind);
const reason = (scored: ScoredCandidate, kind: ReasonKind) => scored.reasons.find((r) => r.kind === kind);

describe('scoreCandidate', () => {
  const base = score({});

  it('gives the baseline pair only its shared concept', () => {
    expect(kinds(base)).toEqual(['concept']);
    expect(base.score).toBeGreaterThan(0);
    expect(base.score).toBeLessThan(W.CONCEPT_OVERLAP);
  });

  it('counts a shared rare concept more than a shared common one', () => {
    const rare = score({ concepts: ['nursing'] });
    const common = score({ concepts: ['capacity-development'] });
    const none = score({ concepts: [] });
    expect(rare.score).toBeGreaterThan(common.score);
    expect(common.score).toBeGreaterThan(none.score);
    expect(reason(rare, 'concept')!.params).toMatchObject({ concept: 'nursing', sdg: '3.c' });
  });

  it('gives a broader or narrower concept partial credit, less than the exact one', () => {
    const p = profile({ ...probe, concepts: ['home-grown-school-feeding'] });
    const exact = score({ concepts: ['home-grown-school-feeding'] }, p);
    const broader = score({ concepts: ['school-feeding'] }, p);
    const none = score({ concepts: [] }, p);
    expect(exact.score).toBeGreaterThan(broader.score);
    expect(broader.score).toBeGreaterThan(none.score);
    expect(reason(broader, 'related_concept')).toMatchObject({
      weight: reason(exact, 'concept')!.weight * W.RELATED_CREDIT,
      params: { concept: 'school-feeding', via: 'home-grown-school-feeding', relation: 'broader' },
    });
    const narrower = score(
      { concepts: ['home-grown-school-feeding'] },
      { ...p, concepts: ['school-feeding'] },
    );
    expect(reason(narrower, 'related_concept')!.params).toMatchObject({ relation: 'narrower' });
  });

  it('gives a sibling less than a broader concept, and nothing for siblings under a theme root', () => {
    const p = profile({ ...probe, concepts: ['nursing'] });
    const sibling = score({ concepts: ['midwifery'] }, p);
    const broader = score({ concepts: ['health-workforce'] }, p);
    expect(reason(sibling, 'related_concept')!.params).toMatchObject({
      concept: 'midwifery',
      via: 'nursing',
    });
    expect(sibling.score).toBeLessThan(broader.score);
    expect(sibling.score).toBeGreaterThan(score({ concepts: [] }, p).score);
    // food security and school feeding meet only under the theme « agriculture and food security ».
    const underRoot = score({ concepts: ['school-feeding'] }, { ...p, concepts: ['food-security'] });
    expect(kinds(underRoot)).not.toContain('related_concept');
  });

  it('lists a limited number of concept reasons but still scores them all', () => {
    const many = [
      'nursing',
      'midwifery',
      'school-feeding',
      'food-security',
      'hunger',
      'primary-health-care',
      'capacity-development',
    ];
    const scored = score({ concepts: many }, profile({ ...probe, concepts: many }));
    const conceptReasons = scored.reasons.filter((r) => r.kind === 'concept');
    expect(conceptReasons).toHaveLength(W.MAX_CONCEPT_REASONS + 1);
    expect(conceptReasons.find((r) => 'count' in r.params)!.params.count).toBe(
      many.length - W.MAX_CONCEPT_REASONS,
    );
    expect(scored.score).toBeCloseTo(W.CONCEPT_OVERLAP, 10);
    expect(scored.score).toBeCloseTo(
      scored.reasons.reduce((sum, r) => sum + r.weight, 0),
      10,
    );
  });

  it('counts same-language wording, and only in the same language', () => {
    const probeText = 'Training nurses for rural clinics in remote districts';
    const candidateText = 'A programme training nurses for rural clinics';
    const english = { language: 'en', languages: ['en'] };
    const same = lexicalEvidence(probeText, 'en', candidateText, 'en');
    expect(same!.matched.length).toBeGreaterThan(0);
    const withWords = scoreCandidate(probe, { ...baseline, ...english }, same, ctx);
    expect(withWords.score).toBeGreaterThan(score(english).score);
    expect(reason(withWords, 'wording')!.params.count).toBe(same!.matched.length);
    // The very same words, declared as French: not comparable.
    expect(lexicalEvidence(probeText, 'en', candidateText, 'fr')).toBeNull();
    // Evidence handed in for a candidate without text in the probe's language is ignored.
    expect(kinds(scoreCandidate(probe, baseline, same, ctx))).not.toContain('wording');
  });

  it('ranks the same sub-region above the same region above elsewhere', () => {
    const subRegion = score({ countries: ['UGA'] });
    const region = score({ countries: ['NGA'] });
    expect(kinds(subRegion)).toContain('same_subregion');
    expect(kinds(region)).toContain('same_region');
    expect(kinds(region)).not.toContain('same_subregion');
    expect(subRegion.score).toBeGreaterThan(region.score);
    expect(region.score).toBeGreaterThan(base.score);
    // Where M49 has no intermediate region, the sub-region decides (India: Southern Asia).
    const india = profile({ ...probe, countries: ['IND'] });
    expect(kinds(score({ countries: ['BGD'] }, india))).toContain('same_subregion');
    expect(kinds(score({ countries: ['CHN'] }, india))).toContain('same_region');
    expect(kinds(score({ countries: ['CHN'] }, india))).not.toContain('same_subregion');
  });

  it('rewards two least developed countries, with the statuses capped together', () => {
    const haiti = profile({ ...probe, countries: ['HTI'] });
    const ldc = score({ countries: ['BGD'] }, haiti);
    expect(reason(ldc, 'development_status')!.params.status).toBe('ldc');
    expect(ldc.score).toBeGreaterThan(score({ countries: ['IND'] }, haiti).score);
    // Malawi and Nepal are both LDC and landlocked: two reasons, within the cap.
    const both = score({ countries: ['NPL'] }, profile({ ...probe, countries: ['MWI'] }));
    const status = both.reasons.filter((r) => r.kind === 'development_status');
    expect(status.map((r) => r.params.status)).toEqual(['ldc', 'lldc']);
    expect(status.reduce((sum, r) => sum + r.weight, 0)).toBeLessThanOrEqual(
      W.DEVELOPMENT_STATUS_CAP + 1e-12,
    );
  });

  it('rewards a shared working language, naming the probe’s preferred one', () => {
    const p = profile({ ...probe, workingLanguages: ['es', 'en', 'fr'] });
    const shared = score({ workingLanguages: ['fr', 'en'] }, p);
    expect(reason(shared, 'working_language')!.params.language).toBe('en');
    expect(shared.score).toBeGreaterThan(score({ workingLanguages: ['ru'] }, p).score);
  });

  it('rewards a Southern provider over a Northern one', () => {
    const south = score({ providerCountries: ['BRA'] });
    expect(reason(south, 'southern_provider')!.params.country).toBe('BRA');
    expect(south.score).toBeGreaterThan(base.score);
    expect(kinds(base)).not.toContain('southern_provider');
  });

  it('marks triangular cooperation', () => {
    const triangular = score({ cooperationType: 'triangular' });
    expect(kinds(triangular)).toContain('triangular');
    expect(triangular.score).toBeGreaterThan(score({ cooperationType: 'bilateral' }).score);
  });

  it('rewards a modality the probe asks for', () => {
    const p = profile({ ...probe, modalities: ['training-course', 'expert-deployment'] });
    const shared = score({ modalities: ['expert-deployment'] }, p);
    expect(reason(shared, 'modality')!.params.modality).toBe('expert-deployment');
    expect(shared.score).toBeGreaterThan(score({ modalities: ['policy-advice'] }, p).score);
  });

  it('rewards overlapping timeframes and penalises clearly disjoint ones', () => {
    const p = profile({ ...probe, window: { from: '2026-01-01', until: '2026-06-30' } });
    const none = score({}, p);
    const overlap = score({ window: { from: '2026-05-01', until: null } }, p);
    const disjoint = score({ window: { from: '2027-01-01', until: '2027-12-31' } }, p);
    const close = score({ window: { from: '2026-07-10', until: null } }, p);
    expect(overlap.score).toBeGreaterThan(none.score);
    expect(disjoint.score).toBeLessThan(none.score);
    expect(kinds(disjoint)).toContain('timeframe_mismatch');
    expect(close.score).toBe(none.score);
    // A window open at both ends says nothing.
    expect(kinds(score({ window: { from: null, until: null } }, p))).toEqual(kinds(none));
  });

  it('adds track record with diminishing returns', () => {
    const one = score({ evidence: { replications: 1, links: 0, agreements: 0 } });
    const three = score({ evidence: { replications: 3, links: 0, agreements: 0 } });
    expect(one.score).toBeGreaterThan(base.score);
    expect(three.score).toBeGreaterThan(one.score);
    expect(three.score - one.score).toBeLessThan(one.score - base.score);
    const all = score({ evidence: { replications: 0, links: 2, agreements: 1 } });
    expect(kinds(all)).toEqual(expect.arrayContaining(['evidence_links', 'agreements']));
    expect(all.score).toBeGreaterThan(base.score);
  });

  it('sorts reasons by weight and keeps the score within 0 and 1', () => {
    const everything = score({
      concepts: probe.concepts,
      countries: ['UGA'],
      providerCountries: ['UGA'],
      workingLanguages: ['en'],
      evidence: { replications: 5, links: 5, agreements: 5 },
    });
    const weights = everything.reasons.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(everything.score).toBeLessThanOrEqual(1);
    const penalised = score(
      { concepts: [], window: { from: '2030-01-01', until: null } },
      profile({ ...probe, window: { from: null, until: '2026-01-01' } }),
    );
    expect(penalised.reasons.map((r) => r.kind)).toEqual(['timeframe_mismatch']);
    expect(penalised.score).toBe(0);
  });
});

describe('isSuggestible', () => {
  it('needs a subject in common, not only context', () => {
    const contextOnly = score({
      concepts: [],
      countries: ['UGA'],
      providerCountries: ['UGA'],
      workingLanguages: ['en'],
    });
    expect(contextOnly.score).toBeGreaterThanOrEqual(W.MIN_SUGGESTED_SCORE);
    expect(isSuggestible(contextOnly)).toBe(false);
    expect(isSuggestible(score({ concepts: ['nursing'] }))).toBe(true);
  });
});

describe('lexicalEvidence', () => {
  it('matches the probe’s content words, not its stopwords', () => {
    const evidence = lexicalEvidence('The training of the nurses', 'en', 'Nurses and their training', 'en')!;
    expect(evidence.matched.sort()).toEqual(['nurses', 'training']);
    expect(evidence.total).toBe(2);
  });

  it('compares Chinese by character pairs', () => {
    const evidence = lexicalEvidence('学校供餐计划', 'zh', '这是一个学校供餐的项目', 'zh')!;
    expect(evidence.matched).toEqual(expect.arrayContaining(['学校', '供餐']));
    expect(evidence.matched).not.toContain('计划');
  });
});
