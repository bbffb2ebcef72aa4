import { z } from '@hono/zod-openapi';
import { ORGANISATION_CATEGORIES } from '../../../shared/vocabularies.js';
import { langQuery, languageFields, pageOf, SourceSchema } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';

export { ORGANISATION_CATEGORIES };

export const OrganisationSummarySchema = z
  .object({
    id: z.uuid(),
    slug: z.string().openapi({ example: 'unossc' }),
    name: z.string().openapi({ example: 'United Nations Office for South-South Cooperation' }),
    acronym: z.string().nullable().openapi({ example: 'UNOSSC' }),
    category: z.string().openapi({ example: 'un-entity' }),
    country: z.string().nullable().openapi({ description: 'ISO3 code of the home country', example: 'CHN' }),
    compactStatus: z.enum(['member', 'observer']).nullable().openapi({
      description: 'Membership of the Global Counter-Terrorism Coordination Compact',
    }),
    ...languageFields,
  })
  .openapi('OrganisationSummary');

export const OrganisationSchema = OrganisationSummarySchema.extend({
  names: z.record(z.string(), z.string()),
  description: z.string().nullable(),
  iatiType: z.object({ code: z.string(), name: z.string() }).nullable(),
  website: z.string().nullable(),
  source: SourceSchema.nullable(),
}).openapi('Organisation');

export const OrganisationListQuery = z.object({
  ...langQuery,
  ...pageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Words in the name or acronym' }),
  category: z.enum(ORGANISATION_CATEGORIES).optional(),
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO3 country code')
    .transform((value) => value.toUpperCase())
    .optional()
    .openapi({ example: 'CHN' }),
  compact: z.enum(['member', 'observer']).optional(),
});

export const OrganisationPage = pageOf(OrganisationSummarySchema, 'OrganisationPage');

export const OrganisationParams = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Id or slug', example: 'unossc' }),
});

export type OrganisationSummary = z.infer<typeof OrganisationSummarySchema>;
