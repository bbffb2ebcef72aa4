import { describe, expect, it } from 'vitest';
import {
  expectWellFormed,
  type Property,
  parseLines,
  splitUnescaped,
} from '../../../tests/support/content-lines.js';
import {
  type CalendarEvent,
  DEFAULT_PRODUCT_ID,
  formatInZone,
  ICAL_MEDIA_TYPE,
  toICalendar,
  zonedTimeToUtc,
} from './ical.js';

// Content lines are read by tests/support/content-lines.ts, written from the RFC rather than from the
// serialiser; this file adds the component tree of RFC 5545.
type Component = { name: string; properties: Property[]; components: Component[] };

/** Reads the component tree, checking that BEGIN and END match. */
function parse(text: string): Component {
  const root: Component = { name: '', properties: [], components: [] };
  const stack = [root];
  for (const property of parseLines(text)) {
    const current = stack.at(-1)!;
    if (property.name === 'BEGIN') {
      const child = { name: property.value, properties: [], components: [] };
      current.components.push(child);
      stack.push(child);
    } else if (property.name === 'END') {
      expect(property.value).toBe(current.name);
      stack.pop();
    } else {
      current.properties.push(property);
    }
  }
  expect(stack).toHaveLength(1);
  expect(root.components).toHaveLength(1);
  return root.components[0]!;
}

function unescapeText(value: string): string {
  // RFC 5545 §3.3.11: only \\ \; \, \n \N are escapes.
  return value.replace(/\\([\\;,nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

function get(component: Component, name: string): Property {
  const found = component.properties.filter((property) => property.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

function has(component: Component, name: string): boolean {
  return component.properties.some((property) => property.name === name);
}

const text = (component: Component, name: string) => unescapeText(get(component, name).value);

const NOW = new Date('2026-11-20T10:11:12.345Z');

function calendar(events: CalendarEvent[], name = 'Southbridge events') {
  const output = toICalendar(events, { name, now: NOW });
  expectWellFormed(output);
  return parse(output);
}

function event(overrides: Partial<CalendarEvent> = {}): Component {
  const vcalendar = calendar([{ uid: 'event-1', title: 'Forum', start: '2026-12-01', ...overrides }]);
  expect(vcalendar.components).toHaveLength(1);
  return vcalendar.components[0]!;
}

const CHINESE = '南南合作与三方合作：发展中国家之间分享知识、技能、专门技术和资源，以实现其发展目标。';
const ARABIC = 'التعاون فيما بين بلدان الجنوب والتعاون الثلاثي، تبادل المعارف والمهارات والخبرات والموارد.';
const VIETNAMESE =
  'Hợp tác Nam–Nam và hợp tác tam giác; chia sẻ kiến thức, kỹ năng, chuyên môn và nguồn lực.';

describe('toICalendar', () => {
  it('writes the calendar properties in order', () => {
    const output = toICalendar([], { name: 'Events, workshops; forums', now: NOW });
    expect(output).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        `PRODID:${DEFAULT_PRODUCT_ID}`,
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'X-WR-CALNAME:Events\\, workshops\\; forums',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(DEFAULT_PRODUCT_ID).toBe('-//Southbridge//Calendar//EN');
    expect(toICalendar([], { name: 'x', productId: '-//Other//Feed//FR', now: NOW })).toContain(
      '\r\nPRODID:-//Other//Feed//FR\r\n',
    );
    expect(ICAL_MEDIA_TYPE).toBe('text/calendar; charset=utf-8');
  });

  it('gives every VEVENT its required properties and round-trips all values', () => {
    const events: CalendarEvent[] = [
      {
        uid: 'a1b2c3@southbridge.example',
        title: 'Forum: South-South, triangular; cooperation',
        description: `Line one\nLine two with a back\\slash\n${CHINESE}\n${ARABIC}\n${VIETNAMESE}`,
        start: '2026-07-15T09:00',
        end: '2026-07-15T17:30',
        timeZone: 'Europe/Paris',
        location: 'Palais des Nations, Geneva; Room XX',
        url: 'https://southbridge.example/events/forum?lang=fr&year=2026',
        organiser: { name: 'UNOSSC, "Secretariat"', email: 'events@unossc.example' },
        categories: ['Health, nutrition', 'Agriculture; food', 'Back\\slash'],
        status: 'CONFIRMED',
        updatedAt: new Date('2026-06-01T08:09:10.500Z'),
        sequence: 3,
      },
      { uid: 'b2', title: 'Hội thảo', start: '2026-12-01', end: '2026-12-03', status: 'TENTATIVE' },
    ];
    const vcalendar = calendar(events);
    expect(vcalendar.name).toBe('VCALENDAR');
    expect(get(vcalendar, 'VERSION').value).toBe('2.0');
    expect(has(vcalendar, 'PRODID')).toBe(true);
    expect(text(vcalendar, 'X-WR-CALNAME')).toBe('Southbridge events');
    expect(vcalendar.components.map((c) => c.name)).toEqual(['VEVENT', 'VEVENT']);
    for (const vevent of vcalendar.components) {
      for (const name of ['UID', 'DTSTAMP', 'DTSTART']) expect(has(vevent, name), name).toBe(true);
      expect(get(vevent, 'DTSTAMP').value).toBe('20261120T101112Z');
    }

    const [first, second] = vcalendar.components as [Component, Component];
    expect(text(first, 'UID')).toBe(events[0]!.uid);
    expect(text(first, 'SUMMARY')).toBe(events[0]!.title);
    expect(text(first, 'DESCRIPTION')).toBe(events[0]!.description);
    expect(text(first, 'LOCATION')).toBe(events[0]!.location);
    expect(get(first, 'URL').value).toBe(events[0]!.url);
    expect(get(first, 'DTSTART')).toEqual({ name: 'DTSTART', params: {}, value: '20260715T070000Z' });
    expect(get(first, 'DTEND').value).toBe('20260715T153000Z');
    expect(get(first, 'ORGANIZER').value).toBe('mailto:events@unossc.example');
    expect(get(first, 'ORGANIZER').params.CN).toEqual(['UNOSSC, "Secretariat"']);
    expect(splitUnescaped(get(first, 'CATEGORIES').value, ',').map(unescapeText)).toEqual(
      events[0]!.categories,
    );
    expect(get(first, 'STATUS').value).toBe('CONFIRMED');
    expect(get(first, 'SEQUENCE').value).toBe('3');
    expect(get(first, 'LAST-MODIFIED').value).toBe('20260601T080910Z');

    expect(text(second, 'SUMMARY')).toBe('Hội thảo');
    expect(get(second, 'DTSTART')).toEqual({
      name: 'DTSTART',
      params: { VALUE: ['DATE'] },
      value: '20261201',
    });
    expect(get(second, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: ['DATE'] }, value: '20261204' });
    expect(get(second, 'STATUS').value).toBe('TENTATIVE');
    for (const name of [
      'DESCRIPTION',
      'LOCATION',
      'URL',
      'ORGANIZER',
      'CATEGORIES',
      'SEQUENCE',
      'LAST-MODIFIED',
    ]) {
      expect(has(second, name), name).toBe(false);
    }
  });

  it('escapes TEXT values', () => {
    const output = toICalendar(
      [{ uid: 'u;1,2', title: 'a\\b,c;d\ne', description: 'x\r\ny\rz', location: 'L', start: '2026-12-01' }],
      { name: 'n', now: NOW },
    );
    const lines = output.split('\r\n');
    expect(lines).toContain('UID:u\\;1\\,2');
    expect(lines).toContain('SUMMARY:a\\\\b\\,c\\;d\\ne');
    expect(lines).toContain('DESCRIPTION:x\\ny\\nz');
  });

  it('folds long lines within Chinese, Arabic and Vietnamese text, and unfolding restores them', () => {
    for (const title of [CHINESE.repeat(4), ARABIC.repeat(4), VIETNAMESE.repeat(4), '🌏é'.repeat(60)]) {
      const output = toICalendar([{ uid: 'x', title, start: '2026-12-01' }], { name: title, now: NOW });
      expectWellFormed(output);
      expect(output.split('\r\n').filter((line) => line.startsWith(' ')).length).toBeGreaterThan(6);
      const vcalendar = parse(output);
      expect(text(vcalendar, 'X-WR-CALNAME')).toBe(title);
      expect(text(vcalendar.components[0]!, 'SUMMARY')).toBe(title);
    }
  });

  describe('timed events', () => {
    it('converts a Paris 09:00 to UTC: 07:00Z in July (CEST), 08:00Z in January (CET)', () => {
      const july = event({ start: '2026-07-15T09:00', timeZone: 'Europe/Paris' });
      expect(get(july, 'DTSTART').value).toBe('20260715T070000Z');
      const january = event({ start: '2026-01-15T09:00', timeZone: 'Europe/Paris' });
      expect(get(january, 'DTSTART').value).toBe('20260115T080000Z');
    });

    it('writes Date instants and ISO strings with offsets in UTC, dropping milliseconds', () => {
      const fromDate = event({
        start: new Date('2026-12-01T09:30:45.999Z'),
        end: new Date('2026-12-01T11:00:00Z'),
      });
      expect(get(fromDate, 'DTSTART').value).toBe('20261201T093045Z');
      expect(get(fromDate, 'DTEND').value).toBe('20261201T110000Z');
      const fromOffset = event({ start: '2026-12-01T09:00:00+07:00', end: '2026-12-01T10:00Z' });
      expect(get(fromOffset, 'DTSTART').value).toBe('20261201T020000Z');
      expect(get(fromOffset, 'DTEND').value).toBe('20261201T100000Z');
    });

    it('leaves out DTEND when there is no end or it equals the start', () => {
      expect(has(event({ start: new Date('2026-12-01T09:00Z') }), 'DTEND')).toBe(false);
      const instant = new Date('2026-12-01T09:00Z');
      expect(has(event({ start: instant, end: new Date(instant) }), 'DTEND')).toBe(false);
    });

    it('rejects bad times', () => {
      const base = { uid: 'x', title: 'x' };
      const bad: CalendarEvent[] = [
        { ...base, start: '2026-12-01T09:00' }, // local time without a zone
        { ...base, start: '2026-12-01T09:00', timeZone: 'Mars/Olympus_Mons' },
        { ...base, start: new Date('2026-12-01T10:00Z'), end: new Date('2026-12-01T09:00Z') },
        { ...base, start: new Date('nonsense') },
        { ...base, start: '01/12/2026' },
        { ...base, start: '2026-12-01', end: new Date('2026-12-02T00:00Z') },
        { ...base, start: '2026-12-01', sequence: -1 },
        { ...base, start: '2026-12-01', sequence: 1.5 },
        { ...base, uid: ' ', start: '2026-12-01' },
      ];
      for (const e of bad)
        expect(() => toICalendar([e], { name: 'x', now: NOW }), JSON.stringify(e)).toThrow();
    });
  });

  describe('all-day events', () => {
    const dates = (overrides: Partial<CalendarEvent>) => {
      const vevent = event(overrides);
      expect(get(vevent, 'DTSTART').params).toEqual({ VALUE: ['DATE'] });
      expect(get(vevent, 'DTEND').params).toEqual({ VALUE: ['DATE'] });
      return [get(vevent, 'DTSTART').value, get(vevent, 'DTEND').value];
    };

    it('writes DATE values with an exclusive DTEND, the day after the last day', () => {
      expect(dates({ start: '2026-12-01' })).toEqual(['20261201', '20261202']);
      expect(dates({ start: '2026-12-01', end: '2026-12-01' })).toEqual(['20261201', '20261202']);
      expect(dates({ start: '2026-12-01', end: '2026-12-03' })).toEqual(['20261201', '20261204']);
      expect(dates({ start: '2026-12-30', end: '2026-12-31' })).toEqual(['20261230', '20270101']);
      expect(dates({ start: '2028-02-28' })).toEqual(['20280228', '20280229']);
      expect(dates({ start: '2027-02-28' })).toEqual(['20270228', '20270301']);
    });

    it('ignores the time zone and the DST change within the event', () => {
      expect(dates({ start: '2026-03-28', end: '2026-03-29', timeZone: 'Europe/Paris' })).toEqual([
        '20260328',
        '20260330',
      ]);
    });

    it('rejects impossible dates and an end before the start', () => {
      expect(() => event({ start: '2026-02-30' })).toThrow(RangeError);
      expect(() => event({ start: '2026-12-03', end: '2026-12-01' })).toThrow(RangeError);
    });
  });

  it('writes ORGANIZER only with an email, encoding the name as a parameter value', () => {
    expect(has(event({ organiser: { name: 'No email' } }), 'ORGANIZER')).toBe(false);
    const organiser = get(
      event({ organiser: { name: 'Line\nbreak ^ "quoted"', email: 'a b@example.org' } }),
      'ORGANIZER',
    );
    expect(organiser.params.CN).toEqual(['Line\nbreak ^ "quoted"']);
    expect(organiser.value).toBe('mailto:a%20b@example.org');
    expect(get(event({ organiser: { name: ' ', email: 'x@example.org' } }), 'ORGANIZER').params).toEqual({});
  });

  it('uses the current time for DTSTAMP by default', () => {
    const before = Date.now();
    const output = toICalendar([{ uid: 'x', title: 'x', start: '2026-12-01' }], { name: 'x' });
    const stamp = /\r\nDTSTAMP:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\r\n/.exec(output)!;
    const [, y, mo, d, h, mi, s] = stamp.map(Number) as number[];
    const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
    expect(ms).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});

describe('zonedTimeToUtc', () => {
  const utc = (local: string, zone: string) => zonedTimeToUtc(local, zone).toISOString();

  it('converts Paris summer and winter times', () => {
    expect(utc('2026-07-15T09:00', 'Europe/Paris')).toBe('2026-07-15T07:00:00.000Z');
    expect(utc('2026-01-15T09:00', 'Europe/Paris')).toBe('2026-01-15T08:00:00.000Z');
    expect(utc('2026-01-15T09:00:30', 'Europe/Paris')).toBe('2026-01-15T08:00:30.000Z');
  });

  it('converts zones without DST, and with an offset in quarter hours', () => {
    expect(utc('2026-12-01T09:00', 'Asia/Ho_Chi_Minh')).toBe('2026-12-01T02:00:00.000Z');
    expect(utc('2026-07-01T09:00', 'Asia/Ho_Chi_Minh')).toBe('2026-07-01T02:00:00.000Z');
    expect(utc('2026-01-15T09:00', 'America/Sao_Paulo')).toBe('2026-01-15T12:00:00.000Z');
    expect(utc('2026-07-15T09:00', 'America/Sao_Paulo')).toBe('2026-07-15T12:00:00.000Z');
    expect(utc('2026-07-15T09:00', 'Asia/Kathmandu')).toBe('2026-07-15T03:15:00.000Z');
    expect(utc('2026-01-01T00:10', 'Asia/Kathmandu')).toBe('2025-12-31T18:25:00.000Z');
  });

  it('uses the offset in force at that date, for past DST rules too', () => {
    // São Paulo kept summer time (UTC−2) until 2019.
    expect(utc('2018-01-15T09:00', 'America/Sao_Paulo')).toBe('2018-01-15T11:00:00.000Z');
  });

  it('handles the days the clocks change', () => {
    // Paris, 29 March 2026: 02:00 CET becomes 03:00 CEST.
    expect(utc('2026-03-29T01:59', 'Europe/Paris')).toBe('2026-03-29T00:59:00.000Z');
    expect(utc('2026-03-29T03:00', 'Europe/Paris')).toBe('2026-03-29T01:00:00.000Z');
    expect(utc('2026-03-29T12:00', 'Europe/Paris')).toBe('2026-03-29T10:00:00.000Z');
    // 02:30 never happens: moved forward by the hour skipped, to 03:30 CEST.
    expect(utc('2026-03-29T02:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
    // Paris, 25 October 2026: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice: the first.
    expect(utc('2026-10-25T02:30', 'Europe/Paris')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25T03:00', 'Europe/Paris')).toBe('2026-10-25T02:00:00.000Z');
    expect(utc('2026-10-25T12:00', 'Europe/Paris')).toBe('2026-10-25T11:00:00.000Z');
    // Southern hemisphere, historical: São Paulo, 4 November 2018, 00:00 became 01:00.
    expect(utc('2018-11-04T00:30', 'America/Sao_Paulo')).toBe('2018-11-04T03:30:00.000Z');
    expect(utc('2018-11-04T01:00', 'America/Sao_Paulo')).toBe('2018-11-04T03:00:00.000Z');
  });

  it('agrees with Intl across every hour of a year in each zone', () => {
    const zones = [
      'Europe/Paris',
      'Asia/Ho_Chi_Minh',
      'America/Sao_Paulo',
      'Asia/Kathmandu',
      'America/New_York',
    ];
    for (const timeZone of zones) {
      const format = new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 3_600_000) {
        const local = format.format(ms).replace(' ', 'T');
        const back = zonedTimeToUtc(local, timeZone).getTime();
        // Round trip exactly, except the second occurrence of a repeated hour, which maps to the first.
        if (back !== ms) {
          expect(back, `${timeZone} ${local}`).toBeLessThan(ms);
          expect(format.format(back), `${timeZone} ${local}`).toBe(format.format(ms));
        }
      }
    }
  });

  it('rejects malformed or impossible times and unknown zones', () => {
    expect(() => zonedTimeToUtc('2026-07-15 09:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-02-29T09:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-07-15T24:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => zonedTimeToUtc('2026-07-15T09:00', 'Europe/Atlantis')).toThrow(RangeError);
  });
});

describe('formatInZone', () => {
  const instant = new Date('2026-07-01T09:00:00Z');

  it('shows the wall-clock time in the zone, with the zone', () => {
    // Patterns, not exact strings: the words between date and time change with ICU's CLDR data.
    expect(formatInZone(instant, 'Asia/Kathmandu', 'en-GB')).toMatch(/^1 July 2026\b.*\b14:45 GMT\+5:45$/);
    expect(formatInZone(instant, 'Europe/Paris', 'fr-FR')).toMatch(/1 juillet 2026.*11:00.*UTC\+2/);
    expect(formatInZone(instant, 'Asia/Ho_Chi_Minh', 'vi')).toMatch(/16:00.*GMT\+7.*1 tháng 7, 2026/);
    expect(formatInZone(instant, 'America/Sao_Paulo', 'pt-BR')).toMatch(
      /1 de julho de 2026.*06:00 (BRT|GMT-3)/,
    );
  });

  it('rejects an invalid date', () => {
    expect(() => formatInZone(new Date(Number.NaN), 'Europe/Paris', 'en')).toThrow(RangeError);
  });
});
