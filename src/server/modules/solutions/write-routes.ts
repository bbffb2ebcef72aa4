import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi';
import { guard, requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { jsonBody, problemResponse } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import type { SolutionLifecycle } from './lifecycle.js';
import {
  CommentInput,
  HistorySchema,
  ReviewInput,
  SolutionInput,
  SolutionParams,
  SolutionPatch,
  SolutionSchema,
  TranslationInput,
  TranslationParams,
} from './schema.js';
import type { SolutionsService } from './service.js';

const tags = ['Solutions'];
const security = [{ session: [] }];

const writeErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed: only your own drafts, and reviews are the secretariat’s'),
  404: problemResponse('No such solution'),
  409: problemResponse('Not allowed in the current status'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

const solutionContent = { 'application/json': { schema: SolutionSchema } };
const created = (description: string) => ({ 201: { description, content: solutionContent }, ...writeErrors });
const updated = (description: string) => ({ 200: { description, content: solutionContent }, ...writeErrors });

/** Write endpoints for solutions, behind the admin-token gate until accounts exist. */
export function solutionWriteRoutes(solutions: SolutionsService, lifecycle: SolutionLifecycle) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  const present = (viewer: Parameters<SolutionsService['get']>[0], id: string, lang: string) =>
    solutions.get(viewer, id, lang);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/solutions',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Create a draft solution (themes and SDG targets are inferred when left empty)',
      request: { body: jsonBody(SolutionInput) },
      responses: created('The new draft'),
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const row = await lifecycle.create(writeContext(c), c.req.valid('json'));
      return c.json(await present(viewer, row.id, row.language), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/solutions/{id}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Edit a solution; every saved edit becomes a version',
      request: { params: SolutionParams, body: jsonBody(SolutionPatch) },
      responses: updated('The edited solution'),
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const row = await lifecycle.update(writeContext(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await present(viewer, row.id, row.language), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/solutions/{id}/translations/{language}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Add or replace a translation, marked as author, editorial or community',
      request: { params: TranslationParams, body: jsonBody(TranslationInput) },
      responses: updated('The solution in the new language'),
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const { id, language } = c.req.valid('param');
      const row = await lifecycle.translate(writeContext(c), id, language, c.req.valid('json'));
      return c.json(await present(viewer, row.id, language), 200);
    },
  );

  for (const action of ['submit', 'archive', 'restore'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/solutions/{id}/${action}`,
        middleware: [guard(action === 'submit' ? 'member' : 'secretariat')] as const,
        tags,
        security,
        summary: {
          submit: 'Submit a draft for review',
          archive: 'Archive a solution',
          restore: 'Restore an archived solution as a draft',
        }[action],
        request: {
          params: SolutionParams,
          body: { required: false, content: { 'application/json': { schema: CommentInput } } },
        },
        responses: updated('The solution in its new status'),
      }),
      async (c) => {
        const viewer = requireSignedIn(c);
        const body = c.req.valid('json') as z.infer<typeof CommentInput> | undefined;
        const row = await lifecycle.transition(
          writeContext(c),
          c.req.valid('param').id,
          action,
          body?.comment,
        );
        return c.json(await present(viewer, row.id, row.language), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'post',
      path: '/solutions/{id}/review',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'Review a submitted solution: publish it, or send it back with a comment',
      request: { params: SolutionParams, body: jsonBody(ReviewInput) },
      responses: updated('The reviewed solution'),
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const { decision, comment } = c.req.valid('json');
      const row = await lifecycle.transition(writeContext(c), c.req.valid('param').id, decision, comment);
      return c.json(await present(viewer, row.id, row.language), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/solutions/{id}/history',
      middleware: [guard('member')] as const,
      tags,
      summary: 'Versions (what changed in each) and the review trail of a solution',
      request: { params: SolutionParams },
      responses: {
        200: { description: 'History', content: { 'application/json': { schema: HistorySchema } } },
        404: problemResponse('No such solution, or not visible to you'),
      },
    }),
    async (c) => {
      const solution = await solutions.get(c.get('viewer'), c.req.valid('param').id, 'en');
      return c.json(await lifecycle.history(solution.id), 200);
    },
  );

  return app;
}
