import { DEFAULT_LANGUAGE, isLanguage, type Language, negotiateLanguage } from '../../shared/languages.js';

export const LANGUAGE_COOKIE = 'sb_lang';

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** The interface language for a request without one in its URL: the cookie, then Accept-Language. */
export function detectLanguage(
  cookieHeader: string | undefined,
  acceptLanguage: string | undefined,
): Language {
  const cookie = readCookie(cookieHeader, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return cookie;
  return negotiateLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}

/**
 * The language prefix of a page path such as `/fr/solutions`, if any. The data request the client
 * router makes for a language's home page is `/fr.data`, which carries the language too.
 */
export function languageOfPath(path: string): Language | undefined {
  const first = path.split('/')[1]?.replace(/\.data$/, '');
  return isLanguage(first) ? first : undefined;
}
