import { z } from '@hono/zod-openapi';
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
