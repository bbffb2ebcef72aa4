import { describe, expect, it } from 'vitest';
import { contentTerms, isStopword } from './stopwords.js';

describe('contentTerms', () => {
  it('drops stopwords, single letters and bare numbers, and folds what it keeps', () => {
    expect(contentTerms('The Nurses of the 2024 programme, and the nurses’ training', 'en')).toEqual([
      'nurses',
      'programme',
      'training',
    ]);
    expect(contentTerms('L’alimentation scolaire dans les écoles', 'fr')).toEqual([
      'alimentation',
      'scolaire',
      'ecoles',
    ]);
  });

  it('drops Arabic function words written with or without the article', () => {
    const terms = contentTerms('التغذية المدرسية في المناطق التي', 'ar');
    expect(terms).toHaveLength(3);
    expect(isStopword(terms[0]!, 'ar')).toBe(false);
  });

  it('gives Chinese character pairs without function pairs', () => {
    const terms = contentTerms('我们的学校供餐', 'zh');
    expect(terms).toEqual(expect.arrayContaining(['学校', '供餐']));
    expect(terms).not.toContain('我们');
    expect(terms.some((t) => t.includes('的'))).toBe(false);
  });

  it('gives Vietnamese syllable pairs without function words', () => {
    const terms = contentTerms('bữa ăn học đường của trẻ em', 'vi');
    expect(terms).toEqual(expect.arrayContaining(['bua_an', 'hoc_duong', 'tre_em']));
    expect(terms.some((t) => t.split('_').includes('cua'))).toBe(false);
  });

  it('keeps every word of a language it has no list for', () => {
    expect(contentTerms('a saúde das mães', 'pt')).toEqual(['saude', 'das', 'maes']);
  });
});
