import { z } from '@hono/zod-openapi';
import { csvParam, langQuery } from '../http/openapi.js';
import { SEARCH_TYPES } from './documents.js';

const sdgCode = z
  .string()
  .regex(/^([1-9]|1[0-7])(\.([1-9]\d?|[a-z]))?$/, 'must be a goal (2) or target (2.1, 17.a)');

export const SearchQuery = z.object({
  ...langQuery,
  q: z.string().trim().max(200, 'must be at most 200 characters').default('').openapi({
    description: 'Words in any of the seven languages; typos are tolerated',
    example: '学校供餐',
  }),
  type: csvParam('Record types: solution, organisation, event, resource', z.enum(SEARCH_TYPES)),
  theme: csvParam('Theme ids; a record matches any of them'),
  sdg: csvParam('SDG goals (2) or targets (2.1)', sdgCode),
  region: z
    .string()
    .regex(/^\d{3}$/, 'must be a 3-digit M49 region code')
    .optional(),
  country: csvParam('ISO3 country codes', z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO3 country code')),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be a language code such as zh')
    .optional()
    .openapi({ description: 'Only records originally written in this language' }),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z.string().max(100).optional(),
});

export type SearchFilters = Omit<z.infer<typeof SearchQuery>, 'country'> & { country?: string[] };

const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() });

export const SearchResultSchema = z
  .object({
    type: z.enum(SEARCH_TYPES),
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    snippet: z
      .string()
      .openapi({ description: 'Plain text, HTML-escaped, with matched terms in <mark>…</mark>' }),
    language: z.string().openapi({ description: 'Language of title and snippet' }),
    originalLanguage: z.string(),
    score: z.number(),
    matchedConcepts: z.array(z.object({ id: z.string(), label: z.string() })),
    url: z.string().openapi({ description: 'Path of the page showing the record' }),
  })
  .openapi('SearchResult');

export const SearchResponse = z
  .object({
    items: z.array(SearchResultSchema),
    facets: z.object({
      type: z.array(FacetValue),
      theme: z.array(FacetValue),
      sdg: z.array(FacetValue),
      region: z.array(FacetValue),
      country: z.array(FacetValue),
      language: z.array(FacetValue),
    }),
    total: z.number().int(),
    nextCursor: z.string().nullable(),
    query: z.object({
      terms: z.array(z.string()),
      concepts: z.array(z.object({ id: z.string(), label: z.string() })),
      broader: z.array(z.object({ id: z.string(), label: z.string() })).openapi({
        description: 'Broader concepts to suggest when nothing matched',
      }),
    }),
  })
  .openapi('SearchResponse');

export const SuggestQuery = z.object({
  ...langQuery,
  q: z.string().trim().min(1).max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const SuggestResponse = z
  .object({ items: z.array(z.object({ text: z.string(), kind: z.enum(['concept', 'title']) })) })
  .openapi('SuggestResponse');

export type SearchResult = z.infer<typeof SearchResultSchema>;
export type SearchResponseBody = z.infer<typeof SearchResponse>;
