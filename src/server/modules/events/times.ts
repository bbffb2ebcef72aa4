import { canonicalTimeZone, localParts } from '../../../shared/time-zones.js';
import type { FieldError } from '../../errors.js';
import { zonedTimeToUtc } from '../../interchange/ical.js';

export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** When an event happens, as a person enters it: local wall-clock times plus the zone they are in. */
export type EventTimesInput = {
  /** `YYYY-MM-DD` (all day) or `YYYY-MM-DDTHH:mm` (a local time in `timeZone`). */
  start: string;
  /** Same form as `start`; absent: a one-day event, or one with no set end. */
  end?: string | null;
  timeZone?: string | null;
};

/** The stored form: local dates for lists, and for timed events the zone and the UTC instants. */
export type EventTimes = {
  startsOn: string;
  endsOn: string | null;
  timeZone: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
};

function realDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Checks and converts event times. Every problem is reported, each under its field (`start`,
 * `end`, `timeZone`): a zone that is not IANA, a local time without a zone, a date that does not
 * exist, a start and end of different kinds, or an end that is not after the start.
 */
export function resolveEventTimes(input: EventTimesInput): { times?: EventTimes; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });
  const timed = LOCAL_DATE_TIME.test(input.start);
  if (!timed && !DATE_ONLY.test(input.start)) fail('start', 'must be YYYY-MM-DD or YYYY-MM-DDTHH:mm');
  const end = input.end ?? null;
  if (end !== null && !LOCAL_DATE_TIME.test(end) && !DATE_ONLY.test(end))
    fail('end', 'must be YYYY-MM-DD or YYYY-MM-DDTHH:mm');
  else if (end !== null && LOCAL_DATE_TIME.test(end) !== timed)
    fail('end', timed ? 'must have a time, as the start has' : 'must be a date, as the start is');

  let zone: string | undefined;
  if (input.timeZone) {
    zone = canonicalTimeZone(input.timeZone);
    if (!zone) fail('timeZone', `"${input.timeZone}" is not an IANA time zone such as Europe/Paris`);
  } else if (timed) {
    fail('timeZone', 'is required for an event with a start time');
  }
  if (errors.length) return { errors };

  if (!timed) {
    if (!realDate(input.start)) fail('start', 'is not a real date');
    if (end !== null && !realDate(end)) fail('end', 'is not a real date');
    if (!errors.length && end !== null && end < input.start) fail('end', 'must not be before the start');
    if (errors.length) return { errors };
    return {
      errors,
      times: { startsOn: input.start, endsOn: end, timeZone: null, startsAt: null, endsAt: null },
    };
  }

  const instant = (value: string, field: string) => {
    try {
      return zonedTimeToUtc(value, zone!);
    } catch {
      fail(field, 'is not a real date and time');
      return undefined;
    }
  };
  const startsAt = instant(input.start, 'start');
  const endsAt = end === null ? null : instant(end, 'end');
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) fail('end', 'must be after the start');
  if (errors.length || !startsAt) return { errors };
  return {
    errors,
    times: {
      startsOn: localParts(startsAt, zone!).date,
      endsOn: endsAt ? localParts(new Date(endsAt.getTime() - 1), zone!).date : null,
      timeZone: zone!,
      startsAt,
      endsAt: endsAt ?? null,
    },
  };
}
