import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { ok } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import {
  CountryListQuery,
  CountryPage,
  CountryParams,
  CountrySchema,
  LangQuery,
  SdgGoalSchema,
  SdgList,
  SdgParams,
  TermList,
  ThemeListQuery,
} from './schema.js';
import type { ReferenceService } from './service.js';

const tags = ['Reference data'];
const asBool = (value?: 'true' | 'false') => (value === undefined ? undefined : value === 'true');

/** GET routes for countries, SDGs, themes and modalities. */
export function referenceRoutes(reference: ReferenceService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/countries',
      tags,
      summary: 'List UN M49 countries and areas',
      request: { query: CountryListQuery },
      responses: ok(CountryPage, 'Countries with region and LDC/LLDC/SIDS flags'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await reference.listCountries({
        lang: q.lang,
        limit: q.limit,
        cursor: q.cursor,
        region: q.region,
        ldc: asBool(q.ldc),
        lldc: asBool(q.lldc),
        sids: asBool(q.sids),
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/countries/{code}',
      tags,
      summary: 'Get a country by M49, ISO2 or ISO3 code',
      request: { params: CountryParams, query: LangQuery },
      responses: ok(CountrySchema, 'The country'),
    }),
    async (c) =>
      c.json(await reference.getCountry(c.req.valid('param').code, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sdgs',
      tags,
      summary: 'List the 17 SDGs with their 169 targets',
      request: { query: LangQuery },
      responses: ok(SdgList, 'Goals with targets'),
    }),
    async (c) => {
      const items = await reference.listSdgs(c.req.valid('query').lang);
      return c.json({ items, nextCursor: null, total: items.length }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sdgs/{goal}',
      tags,
      summary: 'Get one SDG with its targets',
      request: { params: SdgParams, query: LangQuery },
      responses: ok(SdgGoalSchema, 'The goal'),
    }),
    async (c) => {
      const [goal] = await reference.listSdgs(c.req.valid('query').lang, c.req.valid('param').goal);
      return c.json(goal!, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/themes',
      tags,
      summary: 'List the theme taxonomy, including the counter-terrorism pillars and Compact working groups',
      request: { query: ThemeListQuery },
      responses: ok(TermList, 'Themes'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const items = await reference.listTerms('theme', q.lang, { kind: q.kind, parent: q.parent });
      return c.json({ items, nextCursor: null, total: items.length }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/modalities',
      tags,
      summary: 'List the cooperation modalities',
      request: { query: LangQuery },
      responses: ok(TermList, 'Modalities'),
    }),
    async (c) => {
      const items = await reference.listTerms('modality', c.req.valid('query').lang);
      return c.json({ items, nextCursor: null, total: items.length }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/cooperation-types',
      tags,
      summary: 'List the cooperation types (bilateral, regional, triangular) and participant roles',
      request: { query: LangQuery },
      responses: ok(TermList, 'Cooperation types and roles'),
    }),
    async (c) => {
      const lang = c.req.valid('query').lang;
      const items = [
        ...(await reference.listTerms('cooperation-type', lang)),
        ...(await reference.listTerms('participant-role', lang)),
      ];
      return c.json({ items, nextCursor: null, total: items.length }, 200);
    },
  );

  return app;
}
