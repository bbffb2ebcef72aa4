import { atLeast } from '../server/modules/access/policy';
import type { Event } from '../server/modules/events/schema';
import type { Language } from '../shared/languages';
import { timeZoneNames } from '../shared/time-zones';
import type { WebContext } from './context';

/** What the event form holds, as strings, the way the browser sends it. */
export type EventFormValues = {
  language?: string;
  title?: string;
  description?: string;
  kind?: string;
  start?: string;
  end?: string;
  allDay?: boolean;
  timeZone?: string;
  location?: string;
  onlineUrl?: string;
  organisers?: string[];
  workingGroupId?: string;
  visibility?: string;
  registration?: string;
  capacity?: string;
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** The form's fields. */
export function eventFormValues(form: FormData): EventFormValues {
  return {
    language: text(form, 'language'),
    title: text(form, 'title'),
    description: text(form, 'description'),
    kind: text(form, 'kind'),
    start: text(form, 'start'),
    end: text(form, 'end'),
    allDay: form.get('allDay') === 'on',
    timeZone: text(form, 'timeZone'),
    location: text(form, 'location'),
    onlineUrl: text(form, 'onlineUrl'),
    organisers: form.getAll('organisers').map(String).filter(Boolean),
    workingGroupId: text(form, 'workingGroupId'),
    visibility: text(form, 'visibility'),
    registration: text(form, 'registration'),
    capacity: text(form, 'capacity'),
  };
}

/** An event as the edit form shows it: local times in its own zone. */
export function eventToFormValues(event: Event): EventFormValues {
  const allDay = !event.timeZone;
  return {
    language: event.originalLanguage,
    title: event.title,
    description: event.description ?? '',
    kind: event.kind,
    start: allDay ? event.startsOn : (event.localStart ?? ''),
    end: allDay ? (event.endsOn ?? '') : (event.localEnd ?? ''),
    allDay,
    timeZone: event.timeZone ?? '',
    location: event.location ?? '',
    onlineUrl: event.onlineUrl ?? '',
    organisers: event.organisers.map((o) => o.id),
    workingGroupId: event.workingGroupId ?? '',
    visibility: event.visibility,
    registration: event.registration,
    capacity: event.capacity === null ? '' : String(event.capacity),
  };
}

/** A date-time field's value: minutes precision, or only the date for an all-day event. */
function when(value: string | undefined, allDay: boolean): string | undefined {
  if (!value) return undefined;
  return allDay ? value.slice(0, 10) : value.slice(0, 16);
}

/** The API's input from form values; empty optional fields are left out. */
export function eventInputOf(values: EventFormValues): Record<string, unknown> {
  const allDay = !!values.allDay;
  const capacity = values.capacity
    ? /^\d+$/.test(values.capacity)
      ? Number(values.capacity)
      : values.capacity
    : undefined;
  return {
    language: values.language || undefined,
    title: values.title ?? '',
    description: values.description || undefined,
    kind: values.kind || undefined,
    start: when(values.start, allDay) ?? '',
    end: when(values.end, allDay),
    timeZone: allDay ? undefined : values.timeZone || undefined,
    location: values.location || undefined,
    onlineUrl: values.onlineUrl || undefined,
    organisers: values.organisers ?? [],
    workingGroupId: values.workingGroupId || undefined,
    visibility: values.visibility || undefined,
    registration: values.registration || undefined,
    capacity,
  };
}

const TIME_FIELDS = ['start', 'end', 'timeZone'];
const OPTIONAL = ['description', 'end', 'timeZone', 'location', 'onlineUrl', 'workingGroupId', 'capacity'];

/**
 * An edit: only the fields that differ from the event as loaded, so saving an unchanged form
 * changes nothing (and an event known only to the month keeps its precision). The times go
 * together: changing one sends all three. Cleared optional fields become null.
 */
export function eventPatchOf(before: EventFormValues, after: EventFormValues): Record<string, unknown> {
  const old = eventInputOf(before);
  const next = eventInputOf(after);
  const patch: Record<string, unknown> = {};
  const changed = (key: string) => JSON.stringify(old[key]) !== JSON.stringify(next[key]);
  for (const key of Object.keys(next)) {
    if (key === 'language' || TIME_FIELDS.includes(key)) continue;
    if (changed(key)) patch[key] = next[key] ?? (OPTIONAL.includes(key) ? null : next[key]);
  }
  if (TIME_FIELDS.some(changed))
    for (const key of TIME_FIELDS) patch[key] = next[key] ?? (key === 'start' ? '' : null);
  return patch;
}

/** The choices the event form offers, in the reader's language. */
export async function eventFormOptions(
  context: WebContext,
  lang: Language,
  current?: { groupId?: string | null },
) {
  const { services, viewer } = context;
  const organisations = [];
  let cursor: string | undefined;
  do {
    const page = await services.organisations.list(viewer, {
      lang,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    organisations.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const groupIds = [...new Set([...viewer.workingGroupIds, ...(current?.groupId ? [current.groupId] : [])])];
  const groups = await services.accounts.groupSummaries(groupIds, lang);
  return {
    organisations: organisations
      .map((o) => ({ value: o.id, label: o.acronym ? `${o.name} (${o.acronym})` : o.name }))
      .sort((a, b) => a.label.localeCompare(b.label, lang)),
    groups: groups.map((g) => ({ value: g.id, label: g.name })),
    timeZones: timeZoneNames(),
    canPublish: atLeast(viewer, 'secretariat'),
  };
}

export type EventFormOptions = Awaited<ReturnType<typeof eventFormOptions>>;
