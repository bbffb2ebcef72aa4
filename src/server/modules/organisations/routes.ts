import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { langQuery, ok } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { OrganisationListQuery, OrganisationPage, OrganisationParams, OrganisationSchema } from './schema.js';
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
