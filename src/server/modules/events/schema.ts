import { z } from '@hono/zod-openapi';
import { canonicalTimeZone } from '../../../shared/time-zones.js';
import { EVENT_KINDS } from '../../../shared/vocabularies.js';
import { VISIBILITIES } from '../../db/schema/content.js';
import { REGISTRATION_MODES } from '../../db/schema/events.js';
import { csvParam, langQuery, languageFields, pageOf, SourceSchema } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { OrganisationSummarySchema } from '../organisations/schema.js';

export { EVENT_KINDS, REGISTRATION_MODES };

export const EventSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    kind: z.string().openapi({ example: 'conference' }),
    startsOn: z.string().openapi({ example: '2019-05-16' }),
    endsOn: z.string().nullable(),
    datePrecision: z.enum(['day', 'month', 'year']),
    city: z.string().nullable(),
    country: z.object({ iso3: z.string(), name: z.string() }).nullable(),
    themes: z.array(z.object({ id: z.string(), label: z.string() })),
    timeZone: z.string().nullable().openapi({
      description: 'IANA time zone of a timed event; null for an all-day event',
      example: 'Europe/Paris',
    }),
    startsAt: z
      .string()
      .nullable()
      .openapi({ description: 'Start instant (UTC) of a timed event', example: '2026-03-10T09:00:00.000Z' }),
    endsAt: z.string().nullable(),
    localStart: z.string().nullable().openapi({
      description: 'Start as wall-clock time in the event’s zone, YYYY-MM-DDTHH:mm',
      example: '2026-03-10T10:00',
    }),
    localEnd: z.string().nullable(),
    location: z.string().nullable(),
    onlineUrl: z.string().nullable(),
    visibility: z.enum(VISIBILITIES),
    workingGroupId: z.string().nullable(),
    registration: z.enum(REGISTRATION_MODES),
    capacity: z.number().int().nullable(),
    cancelled: z.boolean(),
    ...languageFields,
  })
  .openapi('EventSummary');

export const EventSchema = EventSummarySchema.extend({
  description: z.string().nullable(),
  organisers: z.array(OrganisationSummarySchema),
  source: SourceSchema.nullable(),
  group: z.object({ id: z.string(), slug: z.string(), name: z.string() }).nullable(),
  registrations: z.number().int().openapi({ description: 'How many people registered' }),
  registered: z.boolean().openapi({ description: 'Whether the caller registered' }),
  canEdit: z.boolean().openapi({ description: 'Whether the caller may edit or cancel it' }),
}).openapi('Event');

/** The event list filters, before the cross-field check (exports reuse them). */
export const EventListFields = z.object({
  ...langQuery,
  ...pageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Words in the title or description' }),
  from: z.iso
    .date()
    .optional()
    .openapi({ description: 'Events ending on or after this date', example: '2024-01-01' }),
  to: z.iso.date().optional().openapi({ description: 'Events starting on or before this date' }),
  kind: z.enum(EVENT_KINDS).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO3 country code')
    .transform((value) => value.toUpperCase())
    .optional(),
  theme: csvParam('Theme ids, comma-separated'),
});

export const EventListQuery = EventListFields.refine(
  (query) => !query.from || !query.to || query.from <= query.to,
  {
    path: ['to'],
    message: 'must not be before from',
  },
);

export const EventPage = pageOf(EventSummarySchema, 'EventPage');

export const EventParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id or slug' }),
});

type ListQuery = z.infer<typeof EventListQuery>;
/** Filters for the list service: `lang` and `limit` are required, the rest optional. */
export type EventSummary = z.infer<typeof EventSummarySchema>;
export type Event = z.infer<typeof EventSchema>;

export type EventListFilters = Pick<ListQuery, 'lang' | 'limit'> & Partial<Omit<ListQuery, 'lang' | 'limit'>>;

// ---------------------------------------------------------------------------------------------------
// Writing events
// ---------------------------------------------------------------------------------------------------

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const when = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/, 'must be YYYY-MM-DD or YYYY-MM-DDTHH:mm');

/** Only web links: `javascript:`, `data:` and the like are refused. */
const webUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname;
      } catch {
        return false;
      }
    },
    { message: 'must be an http:// or https:// address' },
  );

const eventFields = {
  title: text(300),
  description: text(20000),
  kind: z.enum(EVENT_KINDS),
  start: when.openapi({
    description: 'YYYY-MM-DD for an all-day event, or YYYY-MM-DDTHH:mm: a local time in `timeZone`',
    example: '2026-03-10T10:00',
  }),
  end: when.openapi({ description: 'Same form as `start`; must be after it', example: '2026-03-10T12:30' }),
  timeZone: z
    .string()
    .trim()
    .max(64)
    .refine((value) => !!canonicalTimeZone(value), {
      message: 'is not an IANA time zone such as Europe/Paris',
    })
    .openapi({ description: 'IANA time zone of local times (required with one)', example: 'Europe/Paris' }),
  location: text(500),
  onlineUrl: webUrl.openapi({ description: 'Video-conference or stream link (http or https)' }),
  organisers: z
    .array(z.string().min(1).max(120))
    .max(20)
    .openapi({ description: 'Organisation ids or slugs' }),
  workingGroupId: z.uuid('must be a working group id'),
  visibility: z.enum(VISIBILITIES).openapi({
    description:
      'public (secretariat only), members, organization, working_group (with workingGroupId) or private',
  }),
  registration: z.enum(REGISTRATION_MODES),
  capacity: z.number().int().min(1, 'must be at least 1').max(100_000),
};

/** A new event. */
export const EventInput = z
  .object({
    ...eventFields,
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be a language code such as fr')
      .openapi({ example: 'fr' }),
    description: eventFields.description.optional(),
    kind: eventFields.kind.default('meeting'),
    end: eventFields.end.optional(),
    timeZone: eventFields.timeZone.optional(),
    location: eventFields.location.optional(),
    onlineUrl: eventFields.onlineUrl.optional(),
    organisers: eventFields.organisers.default([]),
    workingGroupId: eventFields.workingGroupId.optional(),
    visibility: eventFields.visibility.default('members'),
    registration: eventFields.registration.default('none'),
    capacity: eventFields.capacity.optional(),
  })
  .openapi('EventInput');

/** An edit: any subset of the fields; `null` clears an optional one. */
export const EventPatch = z
  .object({
    title: eventFields.title,
    description: eventFields.description.nullable(),
    kind: eventFields.kind,
    start: eventFields.start,
    end: eventFields.end.nullable(),
    timeZone: eventFields.timeZone.nullable(),
    location: eventFields.location.nullable(),
    onlineUrl: eventFields.onlineUrl.nullable(),
    organisers: eventFields.organisers,
    workingGroupId: eventFields.workingGroupId.nullable(),
    visibility: eventFields.visibility,
    registration: eventFields.registration,
    capacity: eventFields.capacity.nullable(),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .openapi('EventPatch');

export type EventInputData = z.infer<typeof EventInput>;
export type EventPatchData = z.infer<typeof EventPatch>;

export const RegistrationSchema = z
  .object({
    registered: z.boolean(),
    registrations: z.number().int(),
    capacity: z.number().int().nullable(),
  })
  .openapi('Registration');

// ---------------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------------

/** Longest range one calendar request covers. */
export const MAX_CALENDAR_DAYS = 366;

const isoDate = z.iso.date('must be a date, YYYY-MM-DD');

export const CalendarQuery = z
  .object({
    ...langQuery,
    from: isoDate.openapi({ description: 'First day of the range', example: '2026-03-01' }),
    to: isoDate.openapi({ description: 'Last day of the range (inclusive)', example: '2026-03-31' }),
    tz: z
      .string()
      .max(64)
      .default('UTC')
      .openapi({ description: 'IANA time zone the days are in', example: 'Europe/Paris' }),
  })
  .superRefine((query, ctx) => {
    if (query.to < query.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if ((Date.parse(query.to) - Date.parse(query.from)) / 86_400_000 >= MAX_CALENDAR_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the range may cover at most ${MAX_CALENDAR_DAYS} days`,
      });
  });

export const CalendarPage = z
  .object({
    from: z.string(),
    to: z.string(),
    timeZone: z.string(),
    items: z.array(EventSummarySchema),
    total: z.number().int(),
  })
  .openapi('CalendarRange');

export const FeedInput = z
  .object({
    kind: z.enum(['user', 'group']),
    groupId: z.uuid('must be a working group id').optional(),
    lang: langQuery.lang.openapi({ description: 'Language of the feed’s event titles' }),
  })
  .superRefine((input, ctx) => {
    if (input.kind === 'group' && !input.groupId)
      ctx.addIssue({ code: 'custom', path: ['groupId'], message: 'is required for a group feed' });
  })
  .openapi('CalendarFeedInput');

export const FeedSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['user', 'group']),
    groupId: z.string().nullable(),
    language: z.string(),
    createdAt: z.string(),
  })
  .openapi('CalendarFeed');

export const NewFeedSchema = FeedSchema.extend({
  url: z.string().openapi({ description: 'The secret feed address; shown only once' }),
}).openapi('NewCalendarFeed');
