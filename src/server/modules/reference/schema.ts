import { z } from '@hono/zod-openapi';
import { csvParam, langQuery, pageOf } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';

export const CountrySchema = z
  .object({
    m49: z.string().openapi({ example: '704' }),
    iso2: z.string().nullable().openapi({ example: 'VN' }),
    iso3: z.string().openapi({ example: 'VNM' }),
    name: z.string().openapi({ example: 'Viet Nam' }),
    names: z.record(z.string(), z.string()),
    region: z.object({ m49: z.string(), name: z.string() }).nullable(),
    subRegion: z.object({ m49: z.string(), name: z.string() }).nullable(),
    isLdc: z.boolean(),
    isLldc: z.boolean(),
    isSids: z.boolean(),
  })
  .openapi('Country');

export const CountryListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  limit: pageQuery.limit.unwrap().max(300).default(300),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a 3-digit M49 region code')
    .optional()
    .openapi({ description: 'M49 code of a region, sub-region or intermediate region', example: '142' }),
  ldc: z.enum(['true', 'false']).optional().openapi({ description: 'Only least developed countries' }),
  lldc: z.enum(['true', 'false']).optional().openapi({ description: 'Only landlocked developing countries' }),
  sids: z.enum(['true', 'false']).optional().openapi({ description: 'Only small island developing States' }),
});

export const CountryPage = pageOf(CountrySchema, 'CountryPage');

export const CountryParams = z.object({
  code: z
    .string()
    .regex(/^(\d{3}|[A-Za-z]{2,3})$/, 'must be an M49, ISO2 or ISO3 code')
    .openapi({ param: { name: 'code', in: 'path' }, example: 'VNM' }),
});

export const SdgTargetSchema = z
  .object({ code: z.string().openapi({ example: '2.1' }), goal: z.string(), title: z.string() })
  .openapi('SdgTarget');

export const SdgGoalSchema = z
  .object({
    code: z.string().openapi({ example: '2' }),
    title: z.string(),
    short: z.string(),
    targets: z.array(SdgTargetSchema),
  })
  .openapi('SdgGoal');

export const LangQuery = z.object({ ...langQuery });
export const SdgList = z.object({
  items: z.array(SdgGoalSchema),
  nextCursor: z.null(),
  total: z.number().int(),
});

export const SdgParams = z.object({
  goal: z
    .string()
    .regex(/^([1-9]|1[0-7])$/, 'must be a goal number from 1 to 17')
    .openapi({ param: { name: 'goal', in: 'path' }, example: '2' }),
});

export const TermSchema = z
  .object({
    id: z.string().openapi({ example: 'agriculture-food-security' }),
    parent: z.string().nullable(),
    kind: z.string().nullable(),
    label: z.string(),
    labels: z.record(z.string(), z.string()),
    description: z.string().nullable(),
  })
  .openapi('TaxonomyTerm');

export const VOCABULARY_NAMES = ['theme', 'modality', 'cooperation-type', 'participant-role'] as const;

export const ThemeListQuery = z.object({
  ...langQuery,
  kind: csvParam('Only terms of these kinds: theme, ct-pillar, compact-wg'),
  parent: z.string().max(60).optional().openapi({ description: 'Only the children of this term' }),
});

export const TermList = z.object({
  items: z.array(TermSchema),
  nextCursor: z.null(),
  total: z.number().int(),
});
