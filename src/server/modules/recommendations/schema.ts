import { z } from '@hono/zod-openapi';
import { RECOMMENDATION_PRIORITIES, RECOMMENDATION_STATUSES } from '../../db/schema/projects.js';
import { csvParam, langQuery, languageFields, pageOf, SourceSchema } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { RankedItemSchema } from '../matching/schema.js';

export { RECOMMENDATION_PRIORITIES, RECOMMENDATION_STATUSES };

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const iso3 = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO3 country code such as NER');
const language = z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as fr');
const targetCode = z
  .string()
  .regex(/^([1-9]|1[0-7])\.([1-9]\d?|[a-z])$/, 'must be an SDG target such as 16.a');
const priority = z.enum(RECOMMENDATION_PRIORITIES, {
  error: `must be one of ${RECOMMENDATION_PRIORITIES.join(', ')}`,
});
const status = z.enum(RECOMMENDATION_STATUSES, {
  error: `must be one of ${RECOMMENDATION_STATUSES.join(', ')}`,
});
const visibility = z.enum(['public', 'members', 'organization', 'working_group', 'private']);

/** The fields of a recommendation as the secretariat writes them. */
const fields = {
  title: text(300).openapi({ description: 'A short heading for the recommendation' }),
  text: text(10000).openapi({ description: 'The recommendation as the assessment words it' }),
  country: iso3.openapi({ description: 'The assessed country' }),
  themes: z
    .array(z.string().max(60))
    .min(1, 'name at least one theme')
    .max(10)
    .openapi({ description: 'Theme ids; the first is its main theme (the gap view groups by it)' }),
  sdgTargets: z.array(targetCode).max(20),
  sourceAssessment: text(300).openapi({
    description: 'The assessment it comes from, e.g. "CTED follow-up assessment visit, 2024"',
  }),
  issuedOn: z.iso.date('must be a date such as 2024-05-31'),
  priority,
  visibility,
  workingGroupId: z.uuid(),
  organisation: z
    .string()
    .min(1)
    .max(120)
    .openapi({ description: 'Id or slug of the organisation an `organization` record is shared with' }),
};

export const RecommendationInput = z
  .object({
    ...fields,
    language,
    sdgTargets: fields.sdgTargets.default([]),
    priority: priority.default('medium'),
    status: status.default('open'),
    visibility: visibility.default('members'),
    workingGroupId: fields.workingGroupId.optional(),
    organisation: fields.organisation.optional(),
  })
  .openapi('RecommendationInput');

export const RecommendationPatch = z
  .object(fields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .openapi('RecommendationPatch');

export const RecommendationStatusInput = z
  .object({
    status,
    note: text(2000).optional().openapi({ description: 'Why the status changed (kept in the audit log)' }),
  })
  .openapi('RecommendationStatusInput');

export type RecommendationInputData = z.infer<typeof RecommendationInput>;
export type RecommendationPatchData = z.infer<typeof RecommendationPatch>;

const Labelled = z.object({ id: z.string(), label: z.string() });

export const RecommendationSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    text: z.string(),
    ...languageFields,
    country: z.object({ iso3: z.string(), name: z.string() }),
    themes: z.array(Labelled),
    sdgTargets: z.array(z.string()),
    sourceAssessment: z.string(),
    issuedOn: z.string(),
    priority: z.enum(RECOMMENDATION_PRIORITIES),
    status: z.enum(RECOMMENDATION_STATUSES),
    visibility,
    workingGroupId: z.string().nullable(),
    organisationId: z.string().nullable(),
    source: SourceSchema.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    canEdit: z.boolean().openapi({ description: 'Whether you may edit it and change its status' }),
  })
  .openapi('Recommendation');
export type Recommendation = z.infer<typeof RecommendationSchema>;

/** A need or project that addresses a recommendation, as its page lists it. */
export const AddressingSchema = z
  .object({
    type: z.enum(['need', 'project']),
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    language: z.string(),
    status: z.string(),
  })
  .openapi('RecommendationAddressedBy');
export type Addressing = z.infer<typeof AddressingSchema>;

export const RecommendationDetailSchema = RecommendationSchema.extend({
  addressedBy: z
    .object({ needs: z.array(AddressingSchema), projects: z.array(AddressingSchema) })
    .openapi({ description: 'The needs and projects you may see that list this recommendation' }),
}).openapi('RecommendationDetail');
export type RecommendationDetail = z.infer<typeof RecommendationDetailSchema>;

export const RecommendationListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  country: csvParam('ISO3 codes, comma-separated', iso3),
  theme: csvParam('Theme ids, comma-separated'),
  status: csvParam(`Statuses, comma-separated: ${RECOMMENDATION_STATUSES.join(', ')}`, status),
  priority: csvParam(`Priorities, comma-separated: ${RECOMMENDATION_PRIORITIES.join(', ')}`, priority),
});
export type RecommendationListFilters = z.infer<typeof RecommendationListQuery>;

export const RecommendationPage = pageOf(RecommendationSchema, 'RecommendationPage');

export const RecommendationParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id or slug' }),
});

export const GapQuery = z.object({
  ...langQuery,
  country: csvParam('ISO3 codes, comma-separated', iso3),
  theme: csvParam('Theme ids, comma-separated (any of the recommendation’s themes)'),
  suggestions: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(3)
    .openapi({ description: 'How many suggested offers and solutions to show for each gap' }),
});
export type GapFilters = z.infer<typeof GapQuery>;

export const GapSchema = z
  .object({
    rule: z.string().openapi({ description: 'When a recommendation counts as addressed' }),
    threshold: z.number().openapi({ description: 'The matching score an open offer must reach' }),
    considered: z.number().int().openapi({ description: 'Open and in-progress recommendations examined' }),
    addressed: z.number().int(),
    gaps: z.number().int(),
    groups: z.array(
      z.object({
        country: z.object({ iso3: z.string(), name: z.string() }),
        theme: Labelled,
        items: z.array(
          z.object({ recommendation: RecommendationSchema, suggestions: z.array(RankedItemSchema) }),
        ),
      }),
    ),
  })
  .openapi('RecommendationGaps');
export type Gaps = z.infer<typeof GapSchema>;
