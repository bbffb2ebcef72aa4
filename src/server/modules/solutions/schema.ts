import { z } from '@hono/zod-openapi';
import { formatParam } from '../../http/export.js';
import { csvParam, langQuery, languageFields, pageOf, SourceSchema } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { OrganisationSummarySchema } from '../organisations/schema.js';

const iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO3 country code');
const sdgCode = z
  .string()
  .regex(/^([1-9]|1[0-7])(\.([1-9]\d?|[a-z]))?$/, 'must be a goal (2) or target (2.1, 17.a)');

const LabelledSchema = z.object({ id: z.string(), label: z.string() });

export const TranslationInfoSchema = z
  .object({
    language: z.string(),
    source: z.enum(['original', 'author', 'editorial', 'community']),
  })
  .openapi('TranslationInfo');

export const SolutionSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    countries: z.array(z.object({ iso3: z.string(), name: z.string() })),
    providers: z.array(OrganisationSummarySchema),
    themes: z.array(LabelledSchema),
    sdgTargets: z.array(z.string()),
    modalities: z.array(LabelledSchema),
    cooperationType: z.string().nullable(),
    status: z.enum(['draft', 'submitted', 'published', 'archived']),
    publishedAt: z.string().nullable(),
    ...languageFields,
    translation: z
      .enum(['original', 'author', 'editorial', 'community'])
      .openapi({ description: 'How the returned text was produced' }),
  })
  .openapi('SolutionSummary');

export const SolutionSchema = SolutionSummarySchema.extend({
  description: z.string().nullable(),
  replicatedIn: z.array(z.object({ iso3: z.string(), name: z.string() })),
  translations: z.array(TranslationInfoSchema),
  original: z.object({
    language: z.string(),
    title: z.string(),
    summary: z.string(),
    description: z.string().nullable(),
  }),
  evidence: z.array(z.object({ url: z.string(), label: z.string().optional() })),
  contact: z
    .object({ name: z.string(), email: z.string().optional(), organisation: z.string().optional() })
    .nullable(),
  inferred: z.object({ themes: z.boolean(), sdgTargets: z.boolean() }).openapi({
    description: 'True where themes or SDG targets were inferred by the concept tagger',
  }),
  version: z.number().int(),
  source: SourceSchema.nullable(),
  updatedAt: z.string(),
}).openapi('Solution');

export const SolutionListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .openapi({ description: 'Words in the title or summary, any language' }),
  theme: csvParam('Theme ids, comma-separated; a solution matches any of them'),
  sdg: csvParam('SDG goals (2) or targets (2.1), comma-separated', sdgCode),
  country: csvParam('ISO3 codes of countries of origin or replication', iso3),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a 3-digit M49 region code')
    .optional(),
  modality: csvParam('Modality ids, comma-separated'),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be a language code such as zh')
    .optional()
    .openapi({
      description: 'Only solutions originally written in this language',
    }),
  provider: z.uuid().optional().openapi({ description: 'Id of a provider organisation' }),
});

export const SolutionPage = pageOf(SolutionSummarySchema, 'SolutionPage');

/** The list filters plus the file format; the export holds every matching row, not one page. */
export const SolutionExportQuery = SolutionListQuery.extend(formatParam);

export const SolutionParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id or slug' }),
});

export type SolutionSummary = z.infer<typeof SolutionSummarySchema>;
type ListQuery = z.infer<typeof SolutionListQuery>;
/** Filters for the list service: `lang` and `limit` are required, the rest optional. */
export type SolutionListFilters = Pick<ListQuery, 'lang' | 'limit'> &
  Partial<Omit<ListQuery, 'lang' | 'limit'>>;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const targetCode = z
  .string()
  .regex(/^([1-9]|1[0-7])\.([1-9]\d?|[a-z])$/, 'must be an SDG target such as 2.1 or 17.a');

/** The fields a person writes for a solution, without defaults (edits change only what they name). */
const solutionFields = {
  title: text(200),
  summary: text(1000),
  description: text(20000).optional(),
  countries: z.array(iso3).min(1, 'name at least one country of origin').max(50),
  replicatedIn: z.array(iso3).max(100),
  providers: z
    .array(z.string().min(1).max(120))
    .min(1, 'name at least one provider organisation')
    .max(20)
    .openapi({ description: 'Organisation ids or slugs' }),
  contact: z.object({ name: text(200), email: z.email().optional(), organisation: text(200).optional() }),
  themes: z.array(z.string().max(60)).max(10),
  sdgTargets: z.array(targetCode).max(20),
  modalities: z.array(z.string().max(60)).max(10),
  cooperationType: z.enum(['bilateral', 'regional', 'triangular']),
  evidence: z.array(z.object({ url: z.url(), label: text(200).optional() })).max(20),
  visibility: z.enum(['public', 'members', 'organization', 'working_group', 'private']),
};

/** A new solution; reference codes are also checked against the database. */
export const SolutionInput = z
  .object({
    ...solutionFields,
    language: z
      .string()
      .regex(/^[a-z]{2,3}$/, 'must be a language code such as zh')
      .openapi({ example: 'zh' }),
    replicatedIn: solutionFields.replicatedIn.default([]),
    contact: solutionFields.contact.optional(),
    themes: solutionFields.themes.default([]).openapi({ description: 'Inferred when empty' }),
    sdgTargets: solutionFields.sdgTargets.default([]).openapi({ description: 'Inferred when empty' }),
    modalities: solutionFields.modalities.default([]),
    cooperationType: solutionFields.cooperationType.optional(),
    evidence: solutionFields.evidence.default([]),
    visibility: solutionFields.visibility.default('public'),
  })
  .openapi('SolutionInput');

/** An edit: any subset of the fields, except the original language. */
export const SolutionPatch = z
  .object(solutionFields)
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'change at least one field' })
  .openapi('SolutionPatch');

export const TranslationInput = z
  .object({
    title: text(200),
    summary: text(1000),
    description: text(20000).optional(),
    source: z.enum(['author', 'editorial', 'community']).openapi({ description: 'Who made the translation' }),
  })
  .openapi('TranslationInput');

export const ReviewInput = z
  .object({
    decision: z.enum(['publish', 'request_changes']),
    comment: text(5000).optional(),
  })
  .refine((review) => review.decision === 'publish' || !!review.comment, {
    path: ['comment'],
    message: 'explain what should change',
  })
  .openapi('ReviewInput');

export const CommentInput = z.object({ comment: text(5000).optional() }).openapi('CommentInput');

export const TranslationParams = z.object({
  id: z
    .string()
    .min(1)
    .max(120)
    .openapi({ param: { name: 'id', in: 'path' } }),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be a language code such as fr')
    .openapi({ param: { name: 'language', in: 'path' } }),
});

export const VersionSchema = z
  .object({
    version: z.number().int(),
    status: z.string(),
    actor: z.string(),
    createdAt: z.string(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .openapi('SolutionVersion');

export const ReviewSchema = z
  .object({ action: z.string(), comment: z.string().nullable(), actor: z.string(), createdAt: z.string() })
  .openapi('SolutionReview');

export const HistorySchema = z
  .object({ versions: z.array(VersionSchema), reviews: z.array(ReviewSchema) })
  .openapi('SolutionHistory');

export type SolutionInputData = z.infer<typeof SolutionInput>;
export type SolutionPatchData = z.infer<typeof SolutionPatch>;
