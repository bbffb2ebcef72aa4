/**
 * iCalendar (RFC 5545) serialiser for event feeds, plus the two time-zone helpers it needs.
 *
 * Written by hand rather than with the `ics` package (v3.12), which folds lines at 75 *characters*
 * rather than 75 octets (a Chinese SUMMARY comes out as a 209-octet line), joins CATEGORIES without
 * escaping the commas inside a category, writes an ORGANIZER with no value when there is no email,
 * and always adds X-PUBLISHED-TTL.
 *
 * The content-line helpers (`escapeText`, `foldLine`, …) are shared with the vCard serialiser:
 * RFC 6350 takes its line folding and text escaping from RFC 5545.
 */

export const ICAL_MEDIA_TYPE = 'text/calendar; charset=utf-8';

export const DEFAULT_PRODUCT_ID = '-//Southbridge//Calendar//EN';

export type CalendarEvent = {
  uid: string;
  title: string;
  description?: string;
  /**
   * A `Date` (an instant); `'YYYY-MM-DD'` for an all-day event; `'YYYY-MM-DDTHH:mm[:ss]'`, a wall-clock
   * time in `timeZone`; or an ISO 8601 date-time with `Z` or an offset.
   */
  start: Date | string;
  /**
   * Same forms as `start`, and of the same kind: for an all-day event, the last day (inclusive) — the
   * serialiser writes the exclusive DTEND RFC 5545 wants. Absent: a one-day event, or an instant.
   */
  end?: Date | string;
  /** IANA time zone of local `start`/`end` strings. Output is always UTC. */
  timeZone?: string;
  location?: string;
  url?: string;
  /** Written only with an email: ORGANIZER's value must be a cal-address (a `mailto:` URI). */
  organiser?: { name: string; email?: string };
  categories?: string[];
  status?: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  updatedAt?: Date;
  sequence?: number;
};

export type CalendarOptions = {
  /** The calendar's display name (X-WR-CALNAME). */
  name: string;
  /** PRODID; defaults to {@link DEFAULT_PRODUCT_ID}. */
  productId?: string;
  /** DTSTAMP of every event; defaults to the current time. */
  now?: Date;
};

// ---------------------------------------------------------------------------------------------------
// Content lines (RFC 5545 §3.1, §3.3.11; RFC 6350 §3.2, §3.4)
// ---------------------------------------------------------------------------------------------------

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** Lone UTF-16 surrogates, which have no UTF-8 encoding. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Control characters other than HTAB, CR and LF: not allowed in TEXT values. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
/** Every control character, HTAB and line breaks included: not allowed in URIs or parameter values. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const ALL_CONTROLS = /[\u0000-\u001F\u007F]/g;

/** Removes what cannot appear in a content line at all: lone surrogates and control characters. */
function clean(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(FORBIDDEN_CONTROLS, '');
}

/**
 * Escapes a TEXT value: `\` → `\\`, `;` → `\;`, `,` → `\,`, any line break → `\n`. Use it on each
 * component of a compound value (N, ADR, ORG) and on each item of a list (CATEGORIES).
 */
export function escapeText(value: string): string {
  return clean(value)
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A list value (CATEGORIES): items escaped, joined with commas; blank items dropped. */
export function escapeTextList(values: readonly string[]): string {
  return values
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .map(escapeText)
    .join(',');
}

/**
 * A parameter value, always quoted. DQUOTE and line breaks cannot appear in a parameter value, so
 * they are written with RFC 6868 caret encoding (`^'`, `^n`, and `^^` for the caret itself).
 */
export function quoteParam(value: string): string {
  const encoded = value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(FORBIDDEN_CONTROLS, '');
  return `"${encoded}"`;
}

/**
 * A URI value (URL, ORGANIZER): not TEXT, so not backslash-escaped. Normalised with the WHATWG URL
 * parser (which percent-encodes spaces and non-ASCII characters); `undefined` if it does not parse.
 */
export function uriValue(value: string): string | undefined {
  try {
    return new URL(value.trim()).href.replace(ALL_CONTROLS, '');
  } catch {
    return undefined;
  }
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds a content line so that no line is longer than 75 octets of UTF-8, CRLF excluded: a fold is
 * CRLF followed by one space, and the space counts towards the next line's 75. Lines are only
 * broken between code points, never inside a multi-octet character.
 */
export function foldLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line.replace(LONE_SURROGATE, '\uFFFD')) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > limit) {
      lines.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_LINE_OCTETS;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join(CRLF);
}

/** Folds each line and joins them with CRLF, with a CRLF after the last. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((line) => foldLine(line) + CRLF).join('');
}

/** A `mailto:` URI (RFC 6068) for an address: characters a URI cannot hold, `?` and `#` percent-encoded. */
export function mailtoUri(email: string): string {
  const encoded = encodeURI(clean(email).replace(ALL_CONTROLS, '').trim()).replace(/[?#]/g, (char) =>
    encodeURIComponent(char),
  );
  return `mailto:${encoded}`;
}

// ---------------------------------------------------------------------------------------------------
// Dates and time zones
// ---------------------------------------------------------------------------------------------------

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A DATE-TIME in UTC, `YYYYMMDDTHHMMSSZ` (RFC 5545 §3.3.5 form #2; also vCard's timestamp). */
export function formatUtcTimestamp(date: Date): string {
  assertValidDate(date);
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/i;

/** Wall-clock fields as milliseconds since the epoch, as if they were UTC; throws if out of range. */
function wallClockMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    throw new RangeError('date or time out of range');
  }
  return date.getTime();
}

function parseDateOnly(value: string): number | undefined {
  const match = DATE_ONLY.exec(value);
  if (!match) return undefined;
  try {
    return wallClockMs(Number(match[1]), Number(match[2]), Number(match[3]));
  } catch {
    throw new RangeError(`Invalid date "${value}"`);
  }
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
function offsetAt(instantMs: number, timeZone: string): number {
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  const fields: Record<string, string> = {};
  for (const part of offsetFormatter(timeZone).formatToParts(wholeSeconds)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  const year = fields.era === 'BC' || fields.era === 'B' ? 1 - yearOfEra : yearOfEra;
  const date = new Date(0);
  date.setUTCFullYear(year, Number(fields.month) - 1, Number(fields.day));
  date.setUTCHours(Number(fields.hour), Number(fields.minute), Number(fields.second), 0);
  return date.getTime() - wholeSeconds;
}

const DAY_MS = 86_400_000;

/**
 * The instant at which a wall-clock time occurs in an IANA time zone, using the zone's offsets from
 * `Intl.DateTimeFormat`. Daylight-saving transitions are resolved like Temporal's `'compatible'`
 * disambiguation: a time that happens twice (clocks going back) gives the earlier instant; a time that
 * never happens (clocks going forward) is moved forward by the length of the gap, so Paris 02:30 on
 * the last Sunday of March is 03:30 CEST.
 *
 * @param localDateTime `'YYYY-MM-DDTHH:mm'`, or with `:ss`
 * @throws RangeError for a malformed or impossible date-time, or an unknown time zone
 */
export function zonedTimeToUtc(localDateTime: string, timeZone: string): Date {
  const match = LOCAL_DATE_TIME.exec(localDateTime);
  if (!match) throw new RangeError(`Expected 'YYYY-MM-DDTHH:mm', got "${localDateTime}"`);
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = match
    .slice(1, 7)
    .map((field) => Number(field ?? 0));
  let local: number;
  try {
    local = wallClockMs(year, month, day, hour, minute, second);
  } catch {
    throw new RangeError(`Invalid date-time "${localDateTime}"`);
  }
  // The offsets a day either side bracket any transition near this wall-clock time. Each offset gives
  // a candidate instant, which is a real occurrence of the wall-clock time if the zone has that offset
  // at that instant. Two occurrences: clocks went back. None: clocks went forward over it.
  const offsetBefore = offsetAt(local - DAY_MS, timeZone);
  const offsetAfter = offsetAt(local + DAY_MS, timeZone);
  const occurrences = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => local - offset)
    .filter((instant) => local - offsetAt(instant, timeZone) === instant)
    .sort((a, b) => a - b);
  return new Date(occurrences[0] ?? local - offsetBefore);
}

/**
 * An instant as a date and time in a time zone, for people: e.g. `1 July 2026 at 14:45 GMT+5:45` in
 * `en-GB`, with the zone's short name or offset so the reader knows which clock is meant.
 */
export function formatInZone(date: Date, timeZone: string, locale: string): string {
  assertValidDate(date);
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}

type EventTime = { kind: 'date'; ms: number } | { kind: 'date-time'; date: Date };

function parseEventTime(value: Date | string, timeZone: string | undefined, uid: string): EventTime {
  if (value instanceof Date) {
    assertValidDate(value);
    return { kind: 'date-time', date: value };
  }
  const day = parseDateOnly(value);
  if (day !== undefined) return { kind: 'date', ms: day };
  if (LOCAL_DATE_TIME.test(value)) {
    if (!timeZone) throw new RangeError(`Event "${uid}": local time "${value}" needs a timeZone`);
    return { kind: 'date-time', date: zonedTimeToUtc(value, timeZone) };
  }
  if (ZONED_DATE_TIME.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return { kind: 'date-time', date };
  }
  throw new RangeError(`Event "${uid}": unrecognised date or date-time "${value}"`);
}

/** A DATE value, `YYYYMMDD`, from wall-clock milliseconds. */
function formatDateValue(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
}

/** DTSTART and, when needed, DTEND. All-day events get an exclusive DTEND: the day after the last. */
function eventTimes(event: CalendarEvent): string[] {
  const start = parseEventTime(event.start, event.timeZone, event.uid);
  const end = event.end === undefined ? undefined : parseEventTime(event.end, event.timeZone, event.uid);
  if (end && end.kind !== start.kind) {
    throw new RangeError(`Event "${event.uid}": start and end must both be dates or both date-times`);
  }
  if (start.kind === 'date') {
    const lastDay = end?.kind === 'date' ? end.ms : start.ms;
    if (lastDay < start.ms) throw new RangeError(`Event "${event.uid}" ends before it starts`);
    // One day later in wall-clock terms: UTC days have no DST, so adding 24 hours is exact.
    return [
      `DTSTART;VALUE=DATE:${formatDateValue(start.ms)}`,
      `DTEND;VALUE=DATE:${formatDateValue(lastDay + DAY_MS)}`,
    ];
  }
  const lines = [`DTSTART:${formatUtcTimestamp(start.date)}`];
  if (end?.kind === 'date-time') {
    if (end.date < start.date) throw new RangeError(`Event "${event.uid}" ends before it starts`);
    // An event with no DTEND ends when it starts (RFC 5545 §3.6.1), so an equal DTEND is left out.
    if (end.date > start.date) lines.push(`DTEND:${formatUtcTimestamp(end.date)}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------------

function eventLines(event: CalendarEvent, stamp: string): string[] {
  if (event.uid.trim() === '') throw new RangeError('Event without a uid');
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${stamp}`,
    ...eventTimes(event),
    `SUMMARY:${escapeText(event.title)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  const url = event.url ? uriValue(event.url) : undefined;
  if (url) lines.push(`URL:${url}`);
  const email = event.organiser?.email?.trim();
  if (event.organiser && email) {
    const name = event.organiser.name.trim();
    const cn = name ? `;CN=${quoteParam(name)}` : '';
    lines.push(`ORGANIZER${cn}:${mailtoUri(email)}`);
  }
  const categories = escapeTextList(event.categories ?? []);
  if (categories) lines.push(`CATEGORIES:${categories}`);
  if (event.status) lines.push(`STATUS:${event.status}`);
  if (event.sequence !== undefined) {
    if (!Number.isInteger(event.sequence) || event.sequence < 0) {
      throw new RangeError(`Event "${event.uid}": sequence must be a non-negative integer`);
    }
    lines.push(`SEQUENCE:${event.sequence}`);
  }
  if (event.updatedAt) lines.push(`LAST-MODIFIED:${formatUtcTimestamp(event.updatedAt)}`);
  lines.push('END:VEVENT');
  return lines;
}

/**
 * An iCalendar object (METHOD:PUBLISH) with one VEVENT per event: CRLF line endings, lines folded at
 * 75 octets, TEXT values escaped, all times in UTC and all-day events as DATE values.
 *
 * @throws RangeError for an event with an invalid date, an end before its start, a local time without
 * a time zone, mixed date/date-time start and end, or a bad sequence number
 */
export function toICalendar(events: CalendarEvent[], options: CalendarOptions): string {
  const stamp = formatUtcTimestamp(options.now ?? new Date());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${escapeText(options.productId ?? DEFAULT_PRODUCT_ID)}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(options.name)}`,
    ...events.flatMap((event) => eventLines(event, stamp)),
    'END:VCALENDAR',
  ];
  return contentLines(lines);
}
