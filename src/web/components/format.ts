import { useRouteLoaderData } from 'react-router';
import { DEFAULT_LANGUAGE, directionOf, LANGUAGE_TAGS, type Language } from '../../shared/languages';

/** The page's interface language, from the root loader. */
export function useLanguage(): Language {
  return useRouteLoaderData<{ language: Language }>('root')?.language ?? DEFAULT_LANGUAGE;
}

/** Formats an event date at the precision the source gives (a day, a month or only a year). */
export function formatDate(
  language: Language,
  isoDate: string,
  precision: 'day' | 'month' | 'year' = 'day',
): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const options: Intl.DateTimeFormatOptions =
    precision === 'year'
      ? { year: 'numeric', timeZone: 'UTC' }
      : precision === 'month'
        ? { year: 'numeric', month: 'long', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[language], options).format(date);
}

/** A date range such as "8–17 July 2024", in the reader's language. */
export function formatDateRange(
  language: Language,
  start: string,
  end: string | null,
  precision: 'day' | 'month' | 'year',
): string {
  if (!end || end === start || precision !== 'day') return formatDate(language, start, precision);
  const format = new Intl.DateTimeFormat(LANGUAGE_TAGS[language], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(new Date(`${start}T00:00:00Z`), new Date(`${end}T00:00:00Z`));
}

/** The name of a language in the reader's language, e.g. "Chinese" or "中文". */
export function languageName(reader: Language, code: string): string {
  return new Intl.DisplayNames([LANGUAGE_TAGS[reader]], { type: 'language' }).of(code) ?? code;
}

/** Props that mark text whose language (and so perhaps direction) differs from the page's. */
export function langProps(textLanguage: string, pageLanguage: Language) {
  if (textLanguage === pageLanguage) return {};
  const dir = directionOf(textLanguage);
  return dir === directionOf(pageLanguage) ? { lang: textLanguage } : { lang: textLanguage, dir };
}

/** A moment (an audit entry, a session) with date and time, in the reader's language, in UTC. */
export function formatDateTime(language: Language, iso: string): string {
  // Explicit fields: Node 20's Intl refuses timeZoneName together with dateStyle/timeStyle.
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[language], {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  }).format(new Date(iso));
}
