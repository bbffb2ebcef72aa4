import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { guard, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { formatParam, registerExport } from '../../http/export.js';
import { errorResponses, jsonBody, langQuery, ok, problemResponse } from '../../http/openapi.js';
import { collectPages } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import {
  type Project,
  ProjectInput,
  ProjectListQuery,
  ProjectPage,
  ProjectParams,
  ProjectPatch,
  ProjectSchema,
} from './schema.js';
import type { ProjectsService } from './service.js';
import type { ProjectWrites } from './write.js';

const tags = ['Projects'];
const security = [{ session: [] }];
const content = { 'application/json': { schema: ProjectSchema } };

const writeErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed: names the field (organisation, workingGroupId) when that is why'),
  404: problemResponse('No such project, or not visible to you'),
  409: problemResponse('The IATI identifier is taken, or the project is already in that state'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

/** `/projects`: the compendium's list, detail, CSV/XLSX export, create, edit and publish. */
export function projectRoutes(service: ProjectsService, writes: ProjectWrites) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects',
      tags,
      summary: 'List projects you may see, most recently changed first (published ones unless asked)',
      request: { query: ProjectListQuery },
      responses: ok(ProjectPage, 'Projects'),
    }),
    async (c) => c.json(await service.list(c.get('viewer'), c.req.valid('query')), 200),
  );

  registerExport(app, {
    path: '/projects/export',
    tag: 'Projects',
    name: 'projects',
    query: ProjectListQuery.omit({ limit: true, cursor: true }).extend(formatParam),
    columns: [
      { header: 'iati_identifier', value: (r: Project) => r.identifier },
      { header: 'title', value: (r: Project) => r.title },
      { header: 'reporting_org', value: (r: Project) => r.reportingOrg.name },
      { header: 'status', value: (r: Project) => r.status.label },
      { header: 'countries', value: (r: Project) => r.countries.map((c) => c.iso3).join('; ') },
      { header: 'sectors', value: (r: Project) => r.sectors.map((s) => s.code).join('; ') },
      { header: 'themes', value: (r: Project) => r.themes.map((t) => t.id).join('; ') },
      { header: 'sdg_goals', value: (r: Project) => r.sdgGoals.join('; ') },
      { header: 'cooperation_type', value: (r: Project) => r.cooperationType?.id },
      { header: 'planned_start', value: (r: Project) => r.dates.plannedStart },
      { header: 'planned_end', value: (r: Project) => r.dates.plannedEnd },
      {
        header: 'budget',
        value: (r: Project) => r.totals.map((t) => `${t.budget} ${t.currency}`).join('; '),
      },
      {
        header: 'disbursed',
        value: (r: Project) => r.totals.map((t) => `${t.disbursement} ${t.currency}`).join('; '),
      },
      { header: 'updated_at', value: (r: Project) => r.updatedAt },
    ],
    rows: (viewer, filters) =>
      collectPages((cursor) => service.list(viewer, { ...filters, limit: 100, cursor })),
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}',
      tags,
      summary: 'One project by id, slug or IATI identifier',
      request: { params: ProjectParams, query: z.object(langQuery) },
      responses: { 200: { description: 'The project', content }, ...errorResponses },
    }),
    async (c) =>
      c.json(await service.get(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Report a project for your organisation (staff may report for any), in any language',
      request: { body: jsonBody(ProjectInput), query: z.object(langQuery) },
      responses: { 201: { description: 'The new project', content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.create(writeContext(c), c.req.valid('json'));
      return c.json(await service.get(c.get('viewer'), row.id, c.req.valid('query').lang), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/projects/{id}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Edit a project (its author, their organisation admin, or the secretariat)',
      request: { params: ProjectParams, body: jsonBody(ProjectPatch), query: z.object(langQuery) },
      responses: { 200: { description: 'The edited project', content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.update(writeContext(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await service.get(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/publish',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Publish a draft project (e.g. one made from an agreed match)',
      request: { params: ProjectParams, query: z.object(langQuery) },
      responses: { 200: { description: 'The published project', content }, ...writeErrors },
    }),
    async (c) => {
      const row = await writes.publish(writeContext(c), c.req.valid('param').id);
      return c.json(await service.get(c.get('viewer'), row.id, c.req.valid('query').lang), 200);
    },
  );

  return app;
}
