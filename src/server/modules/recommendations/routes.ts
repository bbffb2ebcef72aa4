import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { guard, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { formatParam, registerExport } from '../../http/export.js';
import { errorResponses, jsonBody, langQuery, ok, problemResponse } from '../../http/openapi.js';
import { collectPages } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import {
  GapQuery,
  GapSchema,
  type Recommendation,
  RecommendationDetailSchema,
  RecommendationInput,
  RecommendationListQuery,
  RecommendationPage,
  RecommendationParams,
  RecommendationPatch,
  RecommendationStatusInput,
} from './schema.js';
import type { RecommendationsService } from './service.js';
import type { RecommendationWrites } from './write.js';

const tags = ['Recommendations'];
const security = [{ session: [] }];
const content = { 'application/json': { schema: RecommendationDetailSchema } };

const writeErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Only the secretariat and admins write recommendations'),
  404: problemResponse('No such recommendation'),
  409: problemResponse('Already in that status'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

/** `/recommendations`: list, export, gap view, detail, create, edit and status changes. */
export function recommendationRoutes(service: RecommendationsService, writes: RecommendationWrites) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/recommendations',
      tags,
      summary: 'List the technical-assistance recommendations you may see, most recent assessment first',
      request: { query: RecommendationListQuery },
      responses: ok(RecommendationPage, 'Recommendations'),
    }),
    async (c) => c.json(await service.list(c.get('viewer'), c.req.valid('query')), 200),
  );

  registerExport(app, {
    path: '/recommendations/export',
    tag: 'Recommendations',
    name: 'recommendations',
    query: RecommendationListQuery.omit({ limit: true, cursor: true }).extend(formatParam),
    columns: [
      { header: 'id', value: (r: Recommendation) => r.id },
      { header: 'slug', value: (r: Recommendation) => r.slug },
      { header: 'title', value: (r: Recommendation) => r.title },
      { header: 'language', value: (r: Recommendation) => r.originalLanguage },
      { header: 'country', value: (r: Recommendation) => r.country.iso3 },
      { header: 'themes', value: (r: Recommendation) => r.themes.map((t) => t.id).join('; ') },
      { header: 'sdg_targets', value: (r: Recommendation) => r.sdgTargets.join('; ') },
      { header: 'source_assessment', value: (r: Recommendation) => r.sourceAssessment },
      { header: 'issued_on', value: (r: Recommendation) => r.issuedOn },
      { header: 'priority', value: (r: Recommendation) => r.priority },
      { header: 'status', value: (r: Recommendation) => r.status },
      { header: 'updated_at', value: (r: Recommendation) => r.updatedAt },
    ],
    rows: (viewer, filters) =>
      collectPages((cursor) => service.list(viewer, { ...filters, limit: 100, cursor })),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/recommendations/gaps',
      tags,
      summary:
        'Recommendations no project and no open offer addresses, by country and theme, with suggested offers and solutions',
      request: { query: GapQuery },
      responses: ok(GapSchema, 'The gaps, the rule used, and suggestions with their reasons'),
    }),
    async (c) => c.json(await service.gaps(c.get('viewer'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/recommendations/{id}',
      tags,
      summary: 'One recommendation by id or slug, with the needs and projects that address it',
      request: { params: RecommendationParams, query: z.object(langQuery) },
      responses: { 200: { description: 'The recommendation', content }, ...errorResponses },
    }),
    async (c) =>
      c.json(await service.get(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/recommendations',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Record a recommendation from a country assessment (secretariat)',
      request: { body: jsonBody(RecommendationInput), query: z.object(langQuery) },
      responses: { 201: { description: 'The new recommendation', content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.create(writeContext(c), c.req.valid('json'));
      return c.json(await service.get(c.get('viewer'), row.id, c.req.valid('query').lang), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/recommendations/{id}',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Edit a recommendation (secretariat)',
      request: {
        params: RecommendationParams,
        body: jsonBody(RecommendationPatch),
        query: z.object(langQuery),
      },
      responses: { 200: { description: 'The edited recommendation', content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.update(writeContext(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await service.get(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/recommendations/{id}/status',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Change the status of a recommendation: open, in-progress, addressed or closed (secretariat)',
      request: {
        params: RecommendationParams,
        body: jsonBody(RecommendationStatusInput),
        query: z.object(langQuery),
      },
      responses: { 200: { description: 'The recommendation in its new status', content }, ...writeErrors },
    }),
    async (c) => {
      const { status, note } = c.req.valid('json');
      const row = await writes.setStatus(writeContext(c), c.req.valid('param').id, status, note);
      return c.json(await service.get(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  return app;
}
