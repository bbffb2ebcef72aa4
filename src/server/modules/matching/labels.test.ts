import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/languages.js';
import { loadLexicon } from '../../search/lexicon.js';
import { readDataFile, TaxonomyFile } from '../../seed/files.js';
import { labelReasons } from './labels.js';
import { type RawReason, REASON_KINDS } from './types.js';

const lexicon = loadLexicon();
const one = (reason: RawReason, language: string) => labelReasons([reason], language, lexicon)[0]!;

/** A reason of every kind, with the params the scorer gives it. */
const everyKind: RawReason[] = REASON_KINDS.map((kind) => {
  const params: Record<string, Record<string, string | number>> = {
    concept: { concept: 'school-feeding', sdg: '2.1' },
    related_concept: { concept: 'school-feeding', via: 'home-grown-school-feeding', relation: 'broader' },
    wording: { count: 3 },
    theme: { theme: 'health' },
    sdg: { target: '2.1' },
    same_subregion: { region: '014' },
    same_region: { region: '002' },
    development_status: { status: 'sids' },
    working_language: { language: 'fr' },
    southern_provider: { country: 'BRA' },
    modality: { modality: 'training-course' },
    timeframe_mismatch: { days: 90 },
    replications: { count: 2 },
    evidence_links: { count: 1 },
    agreements: { count: 4 },
  };
  return { kind, weight: 0.01, params: params[kind] ?? {} };
});

describe('labelReasons', () => {
  it.each([...LANGUAGES])('labels every kind of reason in %s', (language) => {
    const labels = labelReasons(everyKind, language, lexicon);
    expect(labels.map((l) => l.kind)).toEqual([...REASON_KINDS]);
    for (const { kind, label } of labels) {
      expect(label, `${language}:${kind}`).not.toMatch(/matchReasons|\{|\}/);
      expect(label.length, `${language}:${kind}`).toBeGreaterThan(3);
    }
  });

  it('names the concept in the reader’s language, with its SDG target', () => {
    const reason: RawReason = {
      kind: 'concept',
      weight: 0.2,
      params: { concept: 'school-feeding', sdg: '2.1' },
    };
    const english = one(reason, 'en').label;
    const french = one(reason, 'fr').label;
    expect(english).toContain(lexicon.label('school-feeding', 'en'));
    expect(english).toContain('2.1');
    expect(french).toContain(lexicon.label('school-feeding', 'fr'));
    expect(lexicon.label('school-feeding', 'fr')).not.toBe(lexicon.label('school-feeding', 'en'));
    const withoutSdg = one({ ...reason, params: { concept: 'school-feeding' } }, 'en').label;
    expect(withoutSdg).toContain(lexicon.label('school-feeding', 'en'));
    expect(withoutSdg).not.toContain('SDG');
  });

  it('names both concepts of a related concept', () => {
    const label = one(everyKind.find((r) => r.kind === 'related_concept')!, 'es').label;
    expect(label).toContain(lexicon.label('school-feeding', 'es'));
    expect(label).toContain(lexicon.label('home-grown-school-feeding', 'es'));
  });

  it('uses plural forms', () => {
    const wording = (count: number, language: string) =>
      one({ kind: 'wording', weight: 0.05, params: { count } }, language).label;
    expect(wording(1, 'en')).toMatch(/^1 shared word /);
    expect(wording(3, 'en')).toMatch(/^3 shared words /);
    expect(wording(2, 'ru')).toContain('2 общих слова');
    expect(wording(5, 'ru')).toContain('5 общих слов ');
    expect(wording(21, 'ru')).toContain('21 общее слово');
    const more = one({ kind: 'concept', weight: 0.1, params: { count: 2 } }, 'en').label;
    expect(more).toContain('2 more');
  });

  it('names languages, statuses and modalities in the reader’s language', () => {
    const language: RawReason = { kind: 'working_language', weight: 0.05, params: { language: 'fr' } };
    expect(one(language, 'en').label).toContain('French');
    expect(one(language, 'zh').label).toContain('法语');
    const status: RawReason = { kind: 'development_status', weight: 0.03, params: { status: 'ldc' } };
    expect(one(status, 'en').label).toContain('least developed countries');
    expect(one(status, 'es').label).toContain('países menos adelantados');
    const modalities = readDataFile('taxonomy/modalities.json', TaxonomyFile);
    const course = modalities.find((m) => m.id === 'training-course')!;
    const modality: RawReason = { kind: 'modality', weight: 0.05, params: { modality: 'training-course' } };
    expect(one(modality, 'ar').label).toContain(course.labels.ar);
    expect(one(modality, 'vi').label).toContain(course.labels.vi);
  });

  it('rounds weights to three decimals, keeps penalties negative and falls back to English', () => {
    const [penalty] = labelReasons(
      [{ kind: 'timeframe_mismatch', weight: -0.04999999, params: {} }],
      'pt',
      lexicon,
    );
    expect(penalty!.weight).toBe(-0.05);
    expect(penalty!.label).toBe(one({ kind: 'timeframe_mismatch', weight: 0, params: {} }, 'en').label);
    expect(one({ kind: 'theme', weight: 0.123456, params: { theme: 'health' } }, 'en').weight).toBe(0.123);
  });
});
