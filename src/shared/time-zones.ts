/**
 * IANA time zones: validating a name, and the calendar arithmetic the calendar needs (local dates
 * of an instant, days of a month). Used by the server and by the pages' loaders.
 */

/** Zone names look like `Europe/Paris`, `America/Argentina/Buenos_Aires`, `Etc/GMT+5` or `UTC`. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * Current IANA names of zones that older ICU data (Node 20's among them) still lists under their
 * former names. Southbridge always stores and shows the current name.
 */
const CURRENT_NAMES: Record<string, string> = {
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
};

let zones: string[] | undefined;
let spellings: Map<string, string> | undefined;

/** Every time zone the runtime knows, by its current name, UTC first, for the time-zone selects. */
export function timeZoneNames(): string[] {
  zones ??= [
    'UTC',
    ...Intl.supportedValuesOf('timeZone')
      .filter((zone) => zone !== 'UTC')
      .map((zone) => CURRENT_NAMES[zone] ?? zone)
      .sort(),
  ];
  return zones;
}

/**
 * The canonical spelling of an IANA time zone (`europe/paris` → `Europe/Paris`, `Asia/Saigon` →
 * `Asia/Ho_Chi_Minh`), or undefined if the runtime does not know it. Offsets such as `+05:30` are
 * refused: they are not zones.
 */
export function canonicalTimeZone(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string' || value.length > 64 || !ZONE_NAME.test(value)) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return undefined;
  }
  spellings ??= new Map(
    [...timeZoneNames(), ...Object.keys(CURRENT_NAMES)].map((zone) => [zone.toLowerCase(), zone]),
  );
  const spelled = spellings.get(value.toLowerCase()) ?? value;
  return CURRENT_NAMES[spelled] ?? spelled;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** An instant's wall-clock date and time in a zone: `{date: 'YYYY-MM-DD', time: 'HH:mm'}`. */
export function localParts(instant: Date, timeZone: string): { date: string; time: string } {
  let format = partsFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    partsFormatters.set(timeZone, format);
  }
  const fields: Record<string, string> = {};
  for (const part of format.formatToParts(instant)) fields[part.type] = part.value;
  const year = fields.year!.padStart(4, '0');
  return { date: `${year}-${fields.month}-${fields.day}`, time: `${fields.hour}:${fields.minute}` };
}

/** `YYYY-MM-DDTHH:mm` of an instant in a zone, as `<input type="datetime-local">` takes it. */
export function localDateTime(instant: Date, timeZone: string): string {
  const { date, time } = localParts(instant, timeZone);
  return `${date}T${time}`;
}

const DAY_MS = 86_400_000;

/** Adds days to a `YYYY-MM-DD` date (calendar days, no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a `YYYY-MM-DD` date: 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(isoDate: string): number {
  const day = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether a string is a real `YYYY-MM` month. */
export function isMonth(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= 1900 && year <= 2200;
}

/** The month before or after a `YYYY-MM` month. */
export function shiftMonth(month: string, by: number): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + by, 1));
  return date.toISOString().slice(0, 7);
}

/** The last day of a `YYYY-MM` month, `YYYY-MM-DD`. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${shiftMonth(month, 1)}-01`, -1);
}

/**
 * The last day a date stands for at its precision: the day itself, the last day of its month, or
 * 31 December of its year. Events known only to the month or year span that whole period.
 */
export function periodEnd(isoDate: string, precision: 'day' | 'month' | 'year'): string {
  if (precision === 'month') return lastDayOfMonth(isoDate.slice(0, 7));
  if (precision === 'year') return `${isoDate.slice(0, 4)}-12-31`;
  return isoDate;
}
