import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/context.js';
import { ok } from '../http/openapi.js';
import { validationHook } from '../http/validation.js';
import { SearchQuery, SearchResponse, SuggestQuery, SuggestResponse } from './schema.js';
import type { SearchService } from './service.js';

const tags = ['Search'];

export function searchRoutes(search: SearchService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags,
      summary: 'Search solutions, organisations and events in any language',
      description:
        'Words are segmented and folded (case, diacritics, Arabic letter forms, full-width forms); concepts from the ' +
        'multilingual lexicon let a query in one language find records in another; typos are matched by trigrams. ' +
        '`lang` picks the language of titles, snippets and labels; `language` filters by original language.',
      request: { query: SearchQuery },
      responses: ok(SearchResponse, 'Ranked results with facets'),
    }),
    async (c) => {
      const { country, ...query } = c.req.valid('query');
      return c.json(
        await search.search(c.get('viewer'), {
          ...query,
          country: country?.map((code) => code.toUpperCase()),
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/search/suggest',
      tags,
      summary: 'Suggestions as the user types: concepts and titles',
      request: { query: SuggestQuery },
      responses: ok(SuggestResponse, 'Suggestions'),
    }),
    async (c) => {
      const { q, lang, limit } = c.req.valid('query');
      return c.json({ items: await search.suggest(c.get('viewer'), q, lang, limit) }, 200);
    },
  );

  return app;
}
