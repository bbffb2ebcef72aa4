import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/languages.js';
import { readDataFile, SdgFile, TaxonomyFile } from '../seed/files.js';
import { Lexicon, loadLexicon } from './lexicon.js';

const lexicon = loadLexicon();
const themeIds = new Set(readDataFile('taxonomy/themes.json', TaxonomyFile).map((t) => t.id));
const targets = new Set(readDataFile('refdata/sdgs.json', SdgFile).targets.map((t) => t.code));

describe('the concept lexicon (data/lexicon)', () => {
  it('holds at least 1,500 concepts with labels in all seven languages', () => {
    expect(lexicon.concepts.size).toBeGreaterThanOrEqual(1500);
    for (const concept of lexicon.concepts.values()) {
      for (const language of LANGUAGES)
        expect(concept.labels[language].length, `${concept.id}:${language}`).toBeGreaterThan(0);
    }
  });

  it('links concepts to known themes and real SDG targets', () => {
    for (const concept of lexicon.concepts.values()) {
      for (const theme of concept.themes) expect(themeIds, concept.id).toContain(theme);
      for (const target of concept.sdgTargets) expect(targets, `${concept.id}: ${target}`).toContain(target);
    }
  });

  it('has a broader/narrower hierarchy without cycles', () => {
    const withBroader = [...lexicon.concepts.values()].filter((c) => c.broader.length > 0);
    expect(withBroader.length / lexicon.concepts.size).toBeGreaterThan(0.8);
    for (const concept of lexicon.concepts.values()) {
      const seen = new Set<string>();
      const walk = (id: string) => {
        expect(seen.has(id), `cycle through ${id}`).toBe(false);
        seen.add(id);
        for (const parent of lexicon.concepts.get(id)?.broader ?? []) walk(parent);
        seen.delete(id);
      };
      walk(concept.id);
    }
  });

  it('covers every theme, the modalities and counter-terrorism vocabulary', () => {
    for (const theme of themeIds) expect(lexicon.concepts.has(theme), theme).toBe(true);
    expect(lexicon.conceptsIn('study visit', 'en').length).toBeGreaterThan(0);
    expect(lexicon.conceptsIn('countering the financing of terrorism', 'en').length).toBeGreaterThan(0);
  });
});

describe('the tagger', () => {
  const tiny = new Lexicon([
    {
      id: 'school-feeding',
      broader: [],
      themes: [],
      sdgTargets: [],
      labels: {
        ar: ['التغذية المدرسية'],
        zh: ['学校供餐'],
        en: ['school feeding'],
        fr: ['alimentation scolaire'],
        ru: ['школьное питание'],
        es: ['alimentación escolar'],
        vi: ['bữa ăn học đường'],
      },
    },
    {
      id: 'home-grown-school-feeding',
      broader: ['school-feeding'],
      themes: [],
      sdgTargets: [],
      labels: {
        ar: ['التغذية المدرسية بالمنتجات المحلية'],
        zh: ['本地采购学校供餐'],
        en: ['home-grown school feeding'],
        fr: ['alimentation scolaire locale'],
        ru: ['школьное питание на основе местных продуктов'],
        es: ['alimentación escolar con productos locales'],
        vi: ['bữa ăn học đường từ nông sản địa phương'],
      },
    },
  ]);

  it.each([
    ['en', 'A home-grown school feeding programme'],
    ['zh', '推广本地采购学校供餐模式'],
    ['fr', "Programme d'alimentation scolaire locale"],
    ['es', 'Alimentación escolar con productos locales en Honduras'],
    ['ru', 'Школьное питание на основе местных продуктов'],
    ['ar', 'برنامج التغذية المدرسية بالمنتجات المحلية'],
    ['vi', 'Bữa ăn học đường từ nông sản địa phương'],
  ])('prefers the longest match in %s', (language, text) => {
    expect(tiny.conceptsIn(text, language)).toEqual(['home-grown-school-feeding']);
  });

  it('finds the shorter concept on its own and ignores case and diacritics', () => {
    expect(tiny.conceptsIn('SCHOOL FEEDING in Ghana', 'en')).toEqual(['school-feeding']);
    expect(tiny.conceptsIn('bua an hoc duong', 'vi')).toEqual(['school-feeding']);
  });

  it('matches acronyms only as written, so they do not collide with ordinary words', () => {
    const lexicon = new Lexicon([
      {
        id: 'carbon-capture',
        broader: [],
        themes: [],
        sdgTargets: [],
        labels: {
          ar: ['احتجاز الكربون'],
          zh: ['碳捕集'],
          en: ['carbon capture and storage', 'CCS'],
          fr: ['captage du carbone'],
          ru: ['улавливание углерода'],
          es: ['captura de carbono', 'CAC'],
          vi: ['thu giữ các-bon'],
        },
      },
    ]);
    expect(lexicon.conceptsIn('Pilots of CCS in coal plants', 'en')).toEqual(['carbon-capture']);
    expect(lexicon.conceptsIn('Proyectos de CAC', 'es')).toEqual(['carbon-capture']);
    expect(lexicon.conceptsIn('Các tỉnh ven biển cần hỗ trợ', 'vi')).toEqual([]);
    expect(lexicon.conceptsIn('ccs and cac in lower case', 'en')).toEqual([]);
    expect(lexicon.conceptsIn('Carbon Capture and Storage', 'en')).toEqual(['carbon-capture']);
  });

  it('does not match across punctuation', () => {
    expect(tiny.conceptsIn('We visited the school. Feeding came later.', 'en')).toEqual([]);
  });

  it('expands a concept to its narrower concepts', () => {
    expect(tiny.withNarrower(['school-feeding']).sort()).toEqual([
      'home-grown-school-feeding',
      'school-feeding',
    ]);
  });

  it('completes labels from a prefix', () => {
    expect(tiny.complete('school f', 'en', 5)).toEqual(['school feeding']);
  });
});
