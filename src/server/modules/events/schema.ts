import { z } from '@hono/zod-openapi';
import { EVENT_KINDS } from '../../../shared/vocabularies.js';
import { csvParam, langQuery, languageFields, pageOf, SourceSchema } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { OrganisationSummarySchema } from '../organisations/schema.js';

export { EVENT_KINDS };

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
    ...languageFields,
  })
  .openapi('EventSummary');

export const EventSchema = EventSummarySchema.extend({
  description: z.string().nullable(),
  organisers: z.array(OrganisationSummarySchema),
  source: SourceSchema.nullable(),
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

export type EventListFilters = Pick<ListQuery, 'lang' | 'limit'> & Partial<Omit<ListQuery, 'lang' | 'limit'>>;
