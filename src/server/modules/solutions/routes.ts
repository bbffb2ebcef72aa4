import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { registerExport } from '../../http/export.js';
import { langQuery, ok } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { SOLUTION_COLUMNS } from './export.js';
import {
  SolutionExportQuery,
  SolutionListQuery,
  SolutionPage,
  SolutionParams,
  SolutionSchema,
} from './schema.js';
import type { SolutionsService } from './service.js';

const tags = ['Solutions'];

export function solutionRoutes(solutions: SolutionsService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/solutions',
      tags,
      summary: 'List published solutions, with filters',
      request: { query: SolutionListQuery },
      responses: ok(SolutionPage, 'Solutions, most recently updated first'),
    }),
    async (c) => c.json(await solutions.list(c.get('viewer'), c.req.valid('query')), 200),
  );

  registerExport(app, {
    path: '/solutions/export',
    tag: 'Solutions',
    name: 'solutions',
    query: SolutionExportQuery,
    columns: SOLUTION_COLUMNS,
    rows: (viewer, { format: _format, limit: _limit, cursor: _cursor, ...filters }) =>
      solutions.listAll(viewer, filters),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/solutions/{id}',
      tags,
      summary: 'Get a solution by id or slug, with its original text and translations',
      request: { params: SolutionParams, query: z.object(langQuery) },
      responses: ok(SolutionSchema, 'The solution'),
    }),
    async (c) =>
      c.json(await solutions.get(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  return app;
}
