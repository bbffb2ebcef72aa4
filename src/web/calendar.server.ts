import { readCookie } from '../server/i18n/negotiate';
import { isSignedIn } from '../server/modules/access/policy';
import type { EventSummary } from '../server/modules/events/schema';
import { LANGUAGE_TAGS, type Language } from '../shared/languages';
import {
  addDays,
  canonicalTimeZone,
  isoWeekday,
  lastDayOfMonth,
  localParts,
  periodEnd,
} from '../shared/time-zones';
import type { WebContext } from './context';

/** The cookie that remembers the reader's time zone. */
export const TIME_ZONE_COOKIE = 'sb_tz';

export type ReaderTimeZone = {
  timeZone: string;
  source: 'query' | 'cookie' | 'profile' | 'default';
  /** A `?tz=` that is not a time zone, to tell the reader. */
  invalid?: string;
  /** A Set-Cookie value remembering a zone picked with `?tz=`. */
  setCookie?: string;
};

/**
 * The time zone a page shows times in: `?tz=` when it is a real IANA zone, else the `sb_tz`
 * cookie, else the signed-in reader's profile time zone, else UTC. A zone picked with `?tz=` is
 * remembered in the cookie.
 */
export function readerTimeZone(request: Request, profileZone?: string | null): ReaderTimeZone {
  const asked = new URL(request.url).searchParams.get('tz');
  const fromQuery = asked ? canonicalTimeZone(asked) : undefined;
  const fromCookie = canonicalTimeZone(
    readCookie(request.headers.get('cookie') ?? undefined, TIME_ZONE_COOKIE),
  );
  if (fromQuery) {
    const setCookie =
      fromQuery === fromCookie
        ? undefined
        : `${TIME_ZONE_COOKIE}=${encodeURIComponent(fromQuery)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    return { timeZone: fromQuery, source: 'query', ...(setCookie ? { setCookie } : {}) };
  }
  const invalid = asked ? { invalid: asked.slice(0, 64) } : {};
  if (fromCookie) return { timeZone: fromCookie, source: 'cookie', ...invalid };
  const fromProfile = canonicalTimeZone(profileZone);
  if (fromProfile) return { timeZone: fromProfile, source: 'profile', ...invalid };
  return { timeZone: 'UTC', source: 'default', ...invalid };
}

/** The time zone in the signed-in reader's directory profile, if they set one. */
export async function profileTimeZone({ services, viewer }: WebContext): Promise<string | null> {
  if (!isSignedIn(viewer)) return null;
  return services.directory
    .ownProfile(viewer)
    .then((profile) => profile.timeZone)
    .catch(() => null);
}

/** The first day of the week in a language's region, ISO numbered (1 = Monday, 7 = Sunday). */
export function firstDayOfWeek(lang: Language): number {
  try {
    const locale = new Intl.Locale(LANGUAGE_TAGS[lang]) as Intl.Locale & {
      weekInfo?: { firstDay: number };
      getWeekInfo?: () => { firstDay: number };
    };
    return locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
  } catch {
    return 1;
  }
}

/**
 * The local days (`YYYY-MM-DD`) an event covers as lived in `timeZone`: a timed event from the day
 * it starts to the day it ends there; an all-day event on its own dates, whatever the zone. Events
 * known only to the month or year get `null`: they have no days.
 */
export function eventDays(event: EventSummary, timeZone: string): string[] | null {
  let first: string;
  let last: string;
  if (event.startsAt) {
    const start = new Date(event.startsAt);
    first = localParts(start, timeZone).date;
    const end = event.endsAt ? new Date(Math.max(start.getTime(), Date.parse(event.endsAt) - 1)) : start;
    last = localParts(end, timeZone).date;
  } else {
    if (event.datePrecision !== 'day') return null;
    first = event.startsOn;
    last = event.endsOn && event.endsOn > first ? event.endsOn : first;
  }
  const days: string[] = [];
  for (let day = first; day <= last && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}

export type CalendarEntry = {
  id: string;
  slug: string;
  title: string;
  /** Language of the title, when it differs from the page's. */
  language: string;
  /** Local start time, or start–end when both fall on that day; null for all-day events. */
  time: string | null;
  /** True on the second and later days of an event. */
  continued: boolean;
  cancelled: boolean;
  visibility: EventSummary['visibility'];
};

export type CalendarDay = {
  date: string;
  inMonth: boolean;
  isToday: boolean;
  /** The day number, in the reader's numbering system. */
  number: string;
  /** The full date, for screen readers and list headings. */
  label: string;
  entries: CalendarEntry[];
};

export type MonthView = {
  month: string;
  caption: string;
  weekdays: Array<{ short: string; long: string }>;
  weeks: CalendarDay[][];
  /** Events of the month whose day is not known. */
  undated: Array<CalendarEntry & { when: string }>;
  /** The range of days to ask the calendar for. */
  from: string;
  to: string;
};

/** The weeks a month grid shows, starting on `firstDay`, whole weeks only. */
export function monthGrid(month: string, firstDay: number): { from: string; to: string; weeks: string[][] } {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const from = addDays(first, -((isoWeekday(first) - firstDay + 7) % 7));
  const lastWeekday = firstDay === 1 ? 7 : firstDay - 1;
  const to = addDays(last, (lastWeekday - isoWeekday(last) + 7) % 7);
  const weeks: string[][] = [];
  for (let day = from; day <= to; day = addDays(day, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
  }
  return { from, to, weeks };
}

const utc = (isoDate: string) => new Date(`${isoDate}T12:00:00Z`);

/** Builds every string and placement of a month (or list) view on the server, so hydration agrees. */
export function buildMonthView(options: {
  month: string;
  lang: Language;
  timeZone: string;
  events: EventSummary[];
  now?: Date;
  firstDay?: number;
}): MonthView {
  const { month, lang, timeZone } = options;
  const tag = LANGUAGE_TAGS[lang];
  const firstDay = options.firstDay ?? firstDayOfWeek(lang);
  const grid = monthGrid(month, firstDay);
  const today = localParts(options.now ?? new Date(), timeZone).date;
  const numberFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', timeZone: 'UTC' });
  const labelFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'full', timeZone: 'UTC' });
  const timeFormat = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit', timeZone });
  const monthFormat = new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const yearFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', timeZone: 'UTC' });

  const byDay = new Map<string, CalendarEntry[]>();
  const undated: MonthView['undated'] = [];
  const monthStart = `${month}-01`;
  const monthEnd = lastDayOfMonth(month);
  for (const event of options.events) {
    const base = {
      id: event.id,
      slug: event.slug,
      title: event.title,
      language: event.language,
      cancelled: event.cancelled,
      visibility: event.visibility,
    };
    const days = eventDays(event, timeZone);
    if (!days) {
      const end = periodEnd(event.endsOn ?? event.startsOn, event.datePrecision);
      if (event.startsOn <= monthEnd && end >= monthStart)
        undated.push({
          ...base,
          time: null,
          continued: false,
          when: (event.datePrecision === 'year' ? yearFormat : monthFormat).format(utc(event.startsOn)),
        });
      continue;
    }
    days.forEach((day, index) => {
      let time: string | null = null;
      if (event.startsAt && index === 0) {
        const start = new Date(event.startsAt);
        const end = event.endsAt ? new Date(event.endsAt) : null;
        time =
          end && days.length === 1 && end > start
            ? timeFormat.formatRange(start, end)
            : timeFormat.format(start);
      }
      const entries = byDay.get(day) ?? [];
      entries.push({ ...base, time, continued: index > 0 });
      byDay.set(day, entries);
    });
  }
  const weekdays = grid.weeks[0]!.map((day) => ({
    short: new Intl.DateTimeFormat(tag, { weekday: 'short', timeZone: 'UTC' }).format(utc(day)),
    long: new Intl.DateTimeFormat(tag, { weekday: 'long', timeZone: 'UTC' }).format(utc(day)),
  }));
  return {
    month,
    caption: monthFormat.format(utc(monthStart)),
    weekdays,
    weeks: grid.weeks.map((week) =>
      week.map((date) => ({
        date,
        inMonth: date.startsWith(month),
        isToday: date === today,
        number: numberFormat.format(utc(date)),
        label: labelFormat.format(utc(date)),
        entries: byDay.get(date) ?? [],
      })),
    ),
    undated,
    from: grid.from,
    to: grid.to,
  };
}

/**
 * An event's time for people: in a given zone, with the zone's name, e.g. "1 July 2026, 14:00 –
 * 16:30 GMT+2"; all-day events as their dates.
 */
export function formatEventTime(event: EventSummary, timeZone: string, lang: Language): string | null {
  if (!event.startsAt) return null;
  const format = new Intl.DateTimeFormat(LANGUAGE_TAGS[lang], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const start = new Date(event.startsAt);
  const end = event.endsAt ? new Date(event.endsAt) : null;
  return end && end > start ? format.formatRange(start, end) : format.format(start);
}

/** The zone's name for people, e.g. "Central European Summer Time" or "GMT+02:00", in the reader's language. */
export function timeZoneLabel(timeZone: string, lang: Language, at = new Date()): string {
  const part = new Intl.DateTimeFormat(LANGUAGE_TAGS[lang], { timeZone, timeZoneName: 'longGeneric' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  return part && part !== timeZone ? `${timeZone} (${part})` : timeZone;
}
