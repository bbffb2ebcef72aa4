import { describe, expect, it } from 'vitest';
import type { EventSummary } from '../server/modules/events/schema';
import { buildMonthView, eventDays, monthGrid, readerTimeZone } from './calendar.server';

function event(fields: Partial<EventSummary>): EventSummary {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    slug: 'e',
    title: 'E',
    kind: 'meeting',
    startsOn: '2026-07-01',
    endsOn: null,
    datePrecision: 'day',
    city: null,
    country: null,
    themes: [],
    timeZone: null,
    startsAt: null,
    endsAt: null,
    localStart: null,
    localEnd: null,
    location: null,
    onlineUrl: null,
    visibility: 'public',
    workingGroupId: null,
    registration: 'none',
    capacity: null,
    cancelled: false,
    language: 'en',
    originalLanguage: 'en',
    availableLanguages: ['en'],
    ...fields,
  };
}

describe('month grid', () => {
  it('covers whole weeks from the locale’s first day', () => {
    const monday = monthGrid('2026-07', 1);
    expect(monday.from).toBe('2026-06-29');
    expect(monday.to).toBe('2026-08-02');
    expect(monday.weeks).toHaveLength(5);
    expect(monday.weeks.every((w) => w.length === 7)).toBe(true);
    const sunday = monthGrid('2026-07', 7);
    expect(sunday.from).toBe('2026-06-28');
    expect(sunday.to).toBe('2026-08-01');
    const saturday = monthGrid('2026-02', 6);
    expect(saturday.from).toBe('2026-01-31');
    expect(saturday.to).toBe('2026-03-06');
  });
});

describe('event days in the reader’s zone', () => {
  const call = event({
    startsAt: '2026-07-31T22:30:00.000Z',
    endsAt: '2026-07-31T23:30:00.000Z',
    timeZone: 'Europe/Paris',
  });
  it('puts a timed event on its local day', () => {
    expect(eventDays(call, 'UTC')).toEqual(['2026-07-31']);
    expect(eventDays(call, 'Europe/Paris')).toEqual(['2026-08-01']);
    expect(eventDays(call, 'America/Los_Angeles')).toEqual(['2026-07-31']);
  });
  it('spans midnight only when the event does; an end at midnight stays on the day before', () => {
    const overnight = event({ startsAt: '2026-07-01T20:00:00.000Z', endsAt: '2026-07-02T02:00:00.000Z' });
    expect(eventDays(overnight, 'UTC')).toEqual(['2026-07-01', '2026-07-02']);
    const toMidnight = event({ startsAt: '2026-07-01T20:00:00.000Z', endsAt: '2026-07-02T00:00:00.000Z' });
    expect(eventDays(toMidnight, 'UTC')).toEqual(['2026-07-01']);
  });
  it('keeps all-day dates whatever the zone, and gives imprecise events no days', () => {
    const conference = event({ startsOn: '2019-05-15', endsOn: '2019-05-17' });
    expect(eventDays(conference, 'Pacific/Kiritimati')).toEqual(['2019-05-15', '2019-05-16', '2019-05-17']);
    expect(eventDays(event({ datePrecision: 'month' }), 'UTC')).toBeNull();
  });
});

describe('month view', () => {
  it('places events, labels weekdays in the reader’s language and lists undated events', () => {
    const view = buildMonthView({
      month: '2026-07',
      lang: 'fr',
      timeZone: 'Europe/Paris',
      firstDay: 1,
      now: new Date('2026-07-15T10:00:00Z'),
      events: [
        event({
          id: '00000000-0000-4000-8000-000000000002',
          title: 'Réunion',
          startsAt: '2026-07-01T12:00:00.000Z',
          endsAt: '2026-07-01T14:30:00.000Z',
          timeZone: 'Europe/Paris',
        }),
        event({ id: '00000000-0000-4000-8000-000000000003', title: 'Mois', datePrecision: 'month' }),
      ],
    });
    expect(view.caption).toBe('juillet 2026');
    expect(view.weekdays.map((d) => d.long)).toEqual([
      'lundi',
      'mardi',
      'mercredi',
      'jeudi',
      'vendredi',
      'samedi',
      'dimanche',
    ]);
    const days = view.weeks.flat();
    const first = days.find((d) => d.date === '2026-07-01')!;
    expect(first.entries.map((e) => e.title)).toEqual(['Réunion']);
    expect(first.entries[0]!.time).toMatch(/^14:00\s?–\s?16:30$/);
    expect(days.find((d) => d.date === '2026-07-15')!.isToday).toBe(true);
    expect(days.find((d) => d.date === '2026-06-29')!.inMonth).toBe(false);
    expect(view.undated.map((e) => e.title)).toEqual(['Mois']);
    expect(view.undated[0]!.when).toBe('juillet 2026');
  });
});

describe('reader time zone', () => {
  const request = (url: string, cookie?: string) =>
    new Request(url, cookie ? { headers: { cookie } } : undefined);
  it('takes ?tz=, then the cookie, then UTC, and remembers a picked zone', () => {
    const picked = readerTimeZone(request('http://x/en/calendar?tz=asia/tokyo'));
    expect(picked.timeZone).toBe('Asia/Tokyo');
    expect(picked.setCookie).toContain('sb_tz=Asia%2FTokyo');
    expect(readerTimeZone(request('http://x/en/calendar', 'sb_tz=Europe%2FParis')).timeZone).toBe(
      'Europe/Paris',
    );
    expect(readerTimeZone(request('http://x/en/calendar')).timeZone).toBe('UTC');
    const own = readerTimeZone(request('http://x/en/calendar'), 'Africa/Dakar');
    expect(own).toMatchObject({ timeZone: 'Africa/Dakar', source: 'profile' });
    expect(
      readerTimeZone(request('http://x/en/calendar', 'sb_tz=Europe%2FParis'), 'Africa/Dakar').timeZone,
    ).toBe('Europe/Paris');
    const bad = readerTimeZone(request('http://x/en/calendar?tz=Mars/Base', 'sb_tz=Europe%2FParis'));
    expect(bad).toMatchObject({ timeZone: 'Europe/Paris', invalid: 'Mars/Base' });
    expect(readerTimeZone(request('http://x/en/calendar', 'sb_tz=%2B05%3A30')).timeZone).toBe('UTC');
  });
});
