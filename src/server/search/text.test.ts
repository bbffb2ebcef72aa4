import { describe, expect, it } from 'vitest';
import { guessLanguage, indexTerms, normalizeToken, queryTerms, tokenize, tsqueryTerm } from './text.js';

describe('normalizeToken', () => {
  it('folds case and Latin diacritics (French, Spanish)', () => {
    expect(normalizeToken('Coopération')).toBe('cooperation');
    expect(normalizeToken('NIÑOS')).toBe('ninos');
  });

  it('folds Vietnamese tones and đ', () => {
    expect(normalizeToken('Hợp')).toBe('hop');
    expect(normalizeToken('ĐƯỜNG')).toBe('duong');
  });

  it('folds Russian case and ё', () => {
    expect(normalizeToken('ЁЛКА')).toBe('елка');
    expect(normalizeToken('Питание')).toBe('питание');
  });

  it('normalises Arabic letter forms, marks, tatweel and the article', () => {
    expect(normalizeToken('الإِرْهَاب')).toBe('ارهاب');
    expect(normalizeToken('مدرسة')).toBe('مدرسه');
    expect(normalizeToken('مستشفى')).toBe('مستشفي');
    expect(normalizeToken('التـعليم')).toBe('تعليم');
    expect(normalizeToken('والتعليم')).toBe('تعليم');
  });

  it('folds full-width forms', () => {
    expect(normalizeToken('ＳＤＧ')).toBe('sdg');
    expect(normalizeToken('１７')).toBe('17');
  });

  it('leaves Chinese characters as they are', () => {
    expect(normalizeToken('合作')).toBe('合作');
  });
});

describe('tokenize', () => {
  it('splits Chinese into words with Intl.Segmenter', () => {
    expect(tokenize('南南合作促进发展', 'zh')).toEqual(['南', '南', '合作', '促进', '发展']);
  });

  it('splits French elisions at the apostrophe, straight or curly', () => {
    expect(tokenize("programme d'alimentation scolaire", 'fr')).toEqual([
      'programme',
      'd',
      'alimentation',
      'scolaire',
    ]);
    expect(tokenize('l’éducation', 'fr')).toEqual(['l', 'education']);
  });

  it('drops punctuation in every script', () => {
    expect(tokenize('Hello, world! «Sud-Sud» — 南南合作。', 'fr')).toEqual([
      'hello',
      'world',
      'sud',
      'sud',
      '南',
      '南',
      '合作',
    ]);
    expect(tokenize('التعاون، والتنمية؟', 'ar')).toEqual(['تعاون', 'تنميه']);
    expect(tokenize('Сотрудничество Юг–Юг.', 'ru')).toEqual(['сотрудничество', 'юг', 'юг']);
    expect(tokenize('¿Cooperación Sur-Sur?', 'es')).toEqual(['cooperacion', 'sur', 'sur']);
    expect(tokenize('Hợp tác Nam–Nam.', 'vi')).toEqual(['hop', 'tac', 'nam', 'nam']);
  });
});

describe('indexTerms and queryTerms', () => {
  it('index Chinese as characters and pairs so any segmentation of the query matches', () => {
    const indexed = new Set(indexTerms('加强学校供餐', 'zh'));
    for (const term of queryTerms('学校供餐', 'zh')) expect(indexed).toContain(term);
    for (const term of queryTerms('供餐', 'zh')) expect(indexed).toContain(term);
  });

  it('add syllable pairs for Vietnamese', () => {
    expect(indexTerms('hợp tác nam nam', 'vi')).toContain('hop_tac');
  });

  it('keep other languages as words', () => {
    expect(queryTerms('School feeding', 'en')).toEqual(['school', 'feeding']);
  });
});

describe('tsqueryTerm', () => {
  it('quotes terms so user input is never tsquery syntax', () => {
    expect(tsqueryTerm("o'brien")).toBe("'o''brien'");
    expect(tsqueryTerm('a&b', true)).toBe("'a&b':*");
    expect(tsqueryTerm('back\\slash')).toBe("'back\\\\slash'");
  });
});

describe('guessLanguage', () => {
  it('recognises scripts and Vietnamese letters', () => {
    expect(guessLanguage('学校供餐')).toBe('zh');
    expect(guessLanguage('التغذية')).toBe('ar');
    expect(guessLanguage('питание')).toBe('ru');
    expect(guessLanguage('bữa ăn')).toBe('vi');
    expect(guessLanguage('school', 'fr')).toBe('fr');
  });
});
