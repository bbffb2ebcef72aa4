import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { formatParam, registerExport } from '../../http/export.js';
import { langQuery, ok } from '../../http/openapi.js';
import { collectPages } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import {
  OrganisationListQuery,
  OrganisationPage,
  OrganisationParams,
  OrganisationSchema,
  type OrganisationSummary,
} from './schema.js';
import type { OrganisationsService } from './service.js';

const tags = ['Organisations'];

export function organisationRoutes(organisations: OrganisationsService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations',
      tags,
      summary: 'List organisations',
      request: { query: OrganisationListQuery },
      responses: ok(OrganisationPage, 'Organisations sorted by name'),
    }),
    async (c) => c.json(await organisations.list(c.get('viewer'), c.req.valid('query')), 200),
  );

  registerExport(app, {
    path: '/organisations/export',
    tag: 'Organisations',
    name: 'organisations',
    query: OrganisationListQuery.extend(formatParam),
    columns: [
      { header: 'id', value: (o: OrganisationSummary) => o.id },
      { header: 'slug', value: (o) => o.slug },
      { header: 'name', value: (o) => o.name },
      { header: 'acronym', value: (o) => o.acronym },
      { header: 'category', value: (o) => o.category },
      { header: 'country', value: (o) => o.country },
      { header: 'compact_status', value: (o) => o.compactStatus },
      { header: 'language', value: (o) => o.language },
    ],
    rows: (viewer, filters) =>
      collectPages((cursor) => organisations.list(viewer, { ...filters, limit: 100, cursor })),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/organisations/{id}',
      tags,
      summary: 'Get an organisation by id or slug',
      request: { params: OrganisationParams, query: z.object(langQuery) },
      responses: ok(OrganisationSchema, 'The organisation'),
    }),
    async (c) =>
      c.json(
        await organisations.get(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang),
        200,
      ),
  );

  return app;
}
