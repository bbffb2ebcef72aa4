/** The interface languages, in the order the language switcher shows them. */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** Each language's own name, for the language switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
  vi: 'Tiếng Việt',
};

/** BCP 47 tags used for Intl formatting and the html lang attribute. */
export const LANGUAGE_TAGS: Record<Language, string> = {
  ar: 'ar',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
  vi: 'vi',
};

const RTL: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A language code Unicode CLDR knows, such as `vi` or `pt` (any language, not only the seven). */
export function isKnownLanguage(code: string): boolean {
  return !!languageNames.of(code);
}

/** Text direction of a language code. */
export function directionOf(language: string): 'rtl' | 'ltr' {
  return RTL.has(language.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/** Picks the best interface language from an Accept-Language header, or undefined. */
export function negotiateLanguage(header: string | null | undefined): Language | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.tag && Number.isFinite(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLanguage(base)) return base;
  }
  return undefined;
}

/** Text in several languages, keyed by language code. Content may use codes beyond the UI languages. */
export type LocalizedText = Partial<Record<string, string>>;

/**
 * Chooses the text to show for a wanted language: the wanted one, else English, else the original.
 * Returns the language actually used so the page can mark it with lang=.
 */
export function pickText(
  texts: LocalizedText | null | undefined,
  wanted: string,
  original?: string,
): { text: string; language: string } {
  if (!texts) return { text: '', language: wanted };
  const language = pickLanguage(texts, wanted, original);
  return { text: texts[language] ?? '', language };
}

/**
 * Which of a record's language versions to show: the wanted one, else English, else the original,
 * else any that exists (the wanted language when there is none).
 */
export function pickLanguage(
  versions: Partial<Record<string, unknown>>,
  wanted: string,
  original?: string,
): string {
  for (const language of [wanted, DEFAULT_LANGUAGE, original]) {
    if (language && versions[language]) return language;
  }
  return Object.keys(versions).find((language) => versions[language]) ?? wanted;
}
