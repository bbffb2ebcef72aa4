import { describe, expect, it } from 'vitest';
import { resolveEventTimes } from './times.js';

const fields = (result: ReturnType<typeof resolveEventTimes>) => result.errors.map((e) => e.field).sort();

describe('event times', () => {
  it('turns local times in a zone into UTC instants and local dates', () => {
    const { times, errors } = resolveEventTimes({
      start: '2026-03-10T10:00',
      end: '2026-03-10T12:30',
      timeZone: 'europe/paris',
    });
    expect(errors).toEqual([]);
    expect(times).toEqual({
      startsOn: '2026-03-10',
      endsOn: '2026-03-10',
      timeZone: 'Europe/Paris',
      startsAt: new Date('2026-03-10T09:00:00Z'),
      endsAt: new Date('2026-03-10T11:30:00Z'),
    });
  });

  it('keeps the local dates of the event’s own zone, and an end at midnight on the day before', () => {
    const { times } = resolveEventTimes({
      start: '2026-07-01T22:00',
      end: '2026-07-02T00:00',
      timeZone: 'Asia/Tokyo',
    });
    expect(times?.startsAt?.toISOString()).toBe('2026-07-01T13:00:00.000Z');
    expect(times?.startsOn).toBe('2026-07-01');
    expect(times?.endsOn).toBe('2026-07-01');
  });

  it('moves a time that does not exist (clocks going forward) past the gap', () => {
    const { times } = resolveEventTimes({ start: '2026-03-29T02:30', timeZone: 'Europe/Paris' });
    expect(times?.startsAt?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
  });

  it('stores all-day events as dates without a zone', () => {
    const { times } = resolveEventTimes({ start: '2026-07-02', end: '2026-07-03', timeZone: 'Europe/Paris' });
    expect(times).toEqual({
      startsOn: '2026-07-02',
      endsOn: '2026-07-03',
      timeZone: null,
      startsAt: null,
      endsAt: null,
    });
  });

  it('names each bad field', () => {
    expect(fields(resolveEventTimes({ start: '2026-03-10T10:00', timeZone: 'Mars/Olympus' }))).toEqual([
      'timeZone',
    ]);
    expect(fields(resolveEventTimes({ start: '2026-03-10T10:00', timeZone: '+05:30' }))).toEqual([
      'timeZone',
    ]);
    expect(fields(resolveEventTimes({ start: '2026-03-10T10:00' }))).toEqual(['timeZone']);
    expect(
      fields(resolveEventTimes({ start: '2026-03-10T10:00', end: '2026-03-10T10:00', timeZone: 'UTC' })),
    ).toEqual(['end']);
    expect(fields(resolveEventTimes({ start: '2026-03-10', end: '2026-03-09' }))).toEqual(['end']);
    expect(fields(resolveEventTimes({ start: '2026-03-10', end: '2026-03-11T10:00' }))).toEqual(['end']);
    expect(fields(resolveEventTimes({ start: '2026-02-30' }))).toEqual(['start']);
    expect(fields(resolveEventTimes({ start: '2026-02-10T25:00', timeZone: 'UTC' }))).toEqual(['start']);
    expect(fields(resolveEventTimes({ start: 'tomorrow', end: 'later', timeZone: 'Nowhere' }))).toEqual([
      'end',
      'start',
      'timeZone',
    ]);
  });
});
