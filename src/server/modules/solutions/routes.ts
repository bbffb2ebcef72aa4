import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { exportFile } from '../../http/export.js';
import { errorResponses, langQuery, ok } from '../../http/openapi.js';
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

  app.openapi(
    createRoute({
      method: 'get',
      path: '/solutions/export',
      tags,
      summary: 'Export the filtered list of solutions as CSV or XLSX (up to 10,000 rows)',
      request: { query: SolutionExportQuery },
      responses: {
        200: {
          description: 'The file',
          content: {
            'text/csv': { schema: z.string() },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() },
          },
        },
        ...errorResponses,
      },
    }),
    async (c) => {
      const { format, ...filters } = c.req.valid('query');
      const rows = await solutions.listAll(c.get('viewer'), filters);
      const file = await exportFile(format, 'solutions', SOLUTION_COLUMNS, rows);
      return c.body(file.body as unknown as ArrayBuffer, 200, file.headers);
    },
  );

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
