/**
 * vCard 4.0 (RFC 6350) serialiser for the contact directory. Line folding and TEXT escaping are the
 * same as iCalendar's (RFC 6350 §3.2, §3.4), so they come from `ical.ts`.
 */
import { contentLines, escapeText, escapeTextList, formatUtcTimestamp, uriValue } from './ical.js';

export const VCARD_MEDIA_TYPE = 'text/vcard; charset=utf-8';

export type VCardContact = {
  uid: string;
  fullName: string;
  givenName?: string;
  familyName?: string;
  organisation?: string;
  title?: string;
  emails?: string[];
  /** International numbers (`+…`) become `tel:` URIs; anything else is kept as text. */
  phones?: string[];
  /** BCP 47 tags, most preferred first; invalid tags are left out. */
  languages?: string[];
  /**
   * Written as the country-name component of ADR, which RFC 6350 means to be a name: resolve ISO 3166
   * alpha-3 codes to names (the reference service's `countryNames`) before calling where possible.
   */
  country?: string;
  note?: string;
  /** Absolute URL; left out if it does not parse. */
  url?: string;
  revision?: Date;
  categories?: string[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const URI_SCHEME = /^[a-z][a-z0-9+.-]*:\S+$/i;
const MAX_PREF = 100;

/** UID: a UUID as a `urn:uuid:` URI; another URI as it is; anything else as a text value. */
function uidLine(uid: string): string {
  const value = uid.trim();
  if (value === '') throw new RangeError('vCard contact without a uid');
  if (UUID.test(value)) return `UID:urn:uuid:${value.toLowerCase()}`;
  if (URI_SCHEME.test(value)) return `UID:${value}`;
  return `UID;VALUE=text:${escapeText(value)}`;
}

const EXTENSION = /\s*(?:ext\.?|extension|x|#)\s*(\d+)\s*$/i;
const GLOBAL_NUMBER = /^\+[\d\s().\-/]+$/;

/**
 * TEL: an international number as a `tel:` URI (RFC 3966: `+`, digits, `-` between the groups,
 * `;ext=`), dropping the `(0)` trunk prefix; a local number, which a `tel:` URI could only hold with a
 * phone-context we do not know, as text.
 */
function telLine(phone: string): string | undefined {
  const value = phone.trim().replace(/^tel:/i, '');
  if (value === '') return undefined;
  const extension = EXTENSION.exec(value)?.[1];
  const number = value.replace(EXTENSION, '').replace(/\(0\)/g, '');
  if (GLOBAL_NUMBER.test(number)) {
    const groups = number.slice(1).match(/\d+/g) ?? [];
    if (groups.length > 0) {
      return `TEL;VALUE=uri;TYPE=work:tel:+${groups.join('-')}${extension ? `;ext=${extension}` : ''}`;
    }
  }
  return `TEL;VALUE=text;TYPE=work:${escapeText(value)}`;
}

/** LANG, one per valid BCP 47 tag (canonicalised, duplicates dropped), with PREF=1 for the first. */
function languageLines(languages: readonly string[]): string[] {
  const tags: string[] = [];
  for (const language of languages) {
    try {
      const [tag] = Intl.getCanonicalLocales(language.trim());
      if (tag && !tags.includes(tag)) tags.push(tag);
    } catch {
      // Not a well-formed language tag.
    }
  }
  return tags.slice(0, MAX_PREF).map((tag, index) => `LANG;PREF=${index + 1}:${tag}`);
}

const nonBlank = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * One vCard 4.0: CRLF line endings, lines folded at 75 octets on character boundaries, TEXT values
 * escaped (each component of N, ORG and ADR, each item of CATEGORIES).
 *
 * @throws RangeError if the uid is blank
 */
export function toVCard(contact: VCardContact): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `FN:${escapeText(contact.fullName)}`,
    `N:${escapeText(contact.familyName ?? '')};${escapeText(contact.givenName ?? '')};;;`,
    uidLine(contact.uid),
  ];
  if (nonBlank(contact.organisation)) lines.push(`ORG:${escapeText(contact.organisation)}`);
  if (nonBlank(contact.title)) lines.push(`TITLE:${escapeText(contact.title)}`);
  for (const email of (contact.emails ?? []).filter(nonBlank)) {
    lines.push(`EMAIL;TYPE=work:${escapeText(email.trim())}`);
  }
  for (const phone of contact.phones ?? []) {
    const line = telLine(phone);
    if (line) lines.push(line);
  }
  lines.push(...languageLines(contact.languages ?? []));
  if (nonBlank(contact.country)) lines.push(`ADR;TYPE=work:;;;;;;${escapeText(contact.country.trim())}`);
  if (nonBlank(contact.note)) lines.push(`NOTE:${escapeText(contact.note)}`);
  const url = contact.url ? uriValue(contact.url) : undefined;
  if (url) lines.push(`URL:${url}`);
  const categories = escapeTextList(contact.categories ?? []);
  if (categories) lines.push(`CATEGORIES:${categories}`);
  if (contact.revision) lines.push(`REV:${formatUtcTimestamp(contact.revision)}`);
  lines.push('END:VCARD');
  return contentLines(lines);
}

/** Several vCards, one after another, as a `text/vcard` file holds them. */
export function toVCards(contacts: VCardContact[]): string {
  return contacts.map(toVCard).join('');
}
