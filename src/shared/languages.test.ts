import { describe, expect, it } from 'vitest';
import { directionOf, negotiateLanguage, pickText } from './languages.js';

describe('negotiateLanguage', () => {
  it('picks the highest-weighted supported language', () => {
    expect(negotiateLanguage('de-DE,de;q=0.9,fr;q=0.8,en;q=0.5')).toBe('fr');
    expect(negotiateLanguage('zh-CN')).toBe('zh');
    expect(negotiateLanguage('en;q=0.2, ar;q=0.9')).toBe('ar');
  });

  it('returns undefined for nothing usable', () => {
    expect(negotiateLanguage(undefined)).toBeUndefined();
    expect(negotiateLanguage('de, ja;q=0.5')).toBeUndefined();
    expect(negotiateLanguage('fr;q=0')).toBeUndefined();
  });
});

describe('directionOf', () => {
  it('is rtl for Arabic and ltr for the rest', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('ar-EG')).toBe('rtl');
    expect(directionOf('zh')).toBe('ltr');
    expect(directionOf('vi')).toBe('ltr');
  });
});

describe('pickText', () => {
  const texts = { zh: '学校供餐', en: 'School feeding' };
  it('prefers the wanted language, then English, then the original', () => {
    expect(pickText(texts, 'zh', 'zh')).toEqual({ text: '学校供餐', language: 'zh' });
    expect(pickText(texts, 'fr', 'zh')).toEqual({ text: 'School feeding', language: 'en' });
    expect(pickText({ zh: '学校供餐' }, 'fr', 'zh')).toEqual({ text: '学校供餐', language: 'zh' });
  });

  it('falls back to any text there is', () => {
    expect(pickText({ vi: 'Hợp tác' }, 'fr')).toEqual({ text: 'Hợp tác', language: 'vi' });
    expect(pickText(null, 'fr').text).toBe('');
  });
});
