import { describe, expect, it } from 'vitest';
import { detectLanguage, languageOfPath } from './negotiate.js';

describe('languageOfPath', () => {
  it('reads the language prefix of pages and of their data requests', () => {
    expect(languageOfPath('/fr/solutions')).toBe('fr');
    expect(languageOfPath('/ar')).toBe('ar');
    expect(languageOfPath('/vi.data')).toBe('vi');
    expect(languageOfPath('/zh/needs.data')).toBe('zh');
  });

  it('finds none in paths without one', () => {
    expect(languageOfPath('/')).toBeUndefined();
    expect(languageOfPath('/solutions')).toBeUndefined();
    expect(languageOfPath('/xx.data')).toBeUndefined();
    expect(languageOfPath('/en-data')).toBeUndefined();
  });
});

describe('detectLanguage', () => {
  it('prefers the cookie, then Accept-Language, then English', () => {
    expect(detectLanguage('sb_lang=es', 'fr')).toBe('es');
    expect(detectLanguage(undefined, 'ru-RU,ru;q=0.9')).toBe('ru');
    expect(detectLanguage(undefined, undefined)).toBe('en');
  });
});
