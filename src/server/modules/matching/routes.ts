import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { guard, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { errorResponses, jsonBody, langQuery, ok, problemResponse } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { PostingParams } from '../needs-offers/schema.js';
import {
  AgreeInput,
  DeclineInput,
  InterestInput,
  MatchDetailSchema,
  MatchListQuery,
  MatchListSchema,
  MatchParams,
  MatchSchema,
  MessageInput,
  MessageSchema,
  PreviewInput,
  PreviewResult,
} from './schema.js';
import type { MatchingService } from './service.js';
import type { MatchWorkflow } from './workflow.js';

const tags = ['Matching'];
const security = [{ session: [] }];
const lang = { query: z.object(langQuery) };
const actErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('You act for neither side, or it is the other side’s turn'),
  404: problemResponse('No such match, or you take no part in it'),
  409: problemResponse('The match is not in a state that allows this, or its need or offer is closed'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

/** Preview, suggestions of needs and offers, and the match workflow with its thread. */
export function matchingRoutes(service: MatchingService, workflow: MatchWorkflow) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/matches/preview',
      tags,
      summary: 'Rank solutions and offers for any text, with the reasons for each; saves nothing',
      request: { body: jsonBody(PreviewInput), ...lang },
      responses: { ...ok(PreviewResult, 'Ranked, best first'), 422: problemResponse('Invalid fields') },
    }),
    async (c) =>
      c.json(await service.preview(c.get('viewer'), c.req.valid('json'), c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/needs/{id}/matches',
      tags,
      summary: 'The solutions and offers suggested for a need, with their reasons and status',
      request: { params: PostingParams, ...lang },
      responses: { ...ok(MatchListSchema, 'Best first'), ...errorResponses },
    }),
    async (c) =>
      c.json(await service.ofNeed(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/offers/{id}/matches',
      tags,
      summary: 'The needs an offer was matched with',
      request: { params: PostingParams, ...lang },
      responses: { ...ok(MatchListSchema, 'Best first'), ...errorResponses },
    }),
    async (c) =>
      c.json(await service.ofOffer(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/matches',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Matches you take part in (staff: every match someone acted on), latest activity first',
      request: { query: MatchListQuery },
      responses: { ...ok(MatchListSchema, 'Your matches'), ...errorResponses },
    }),
    async (c) => c.json(await service.mine(c.get('viewer'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/matches/{id}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'One match with its history',
      request: { params: MatchParams, ...lang },
      responses: { ...ok(MatchDetailSchema, 'The match'), ...errorResponses },
    }),
    async (c) =>
      c.json(await workflow.detail(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  /** A workflow step: POST /matches/{id}/<path>, answering the match as it now stands. */
  const step = <B extends z.ZodType>(path: string, summary: string, body: B, required = true) =>
    createRoute({
      method: 'post',
      path: `/matches/{id}/${path}`,
      middleware: [guard('member')] as const,
      tags,
      security,
      summary,
      request: { params: MatchParams, ...lang, body: jsonBody(body, required) },
      responses: { ...ok(MatchSchema, 'The match after the change'), ...actErrors },
    });

  app.openapi(
    step('interest', 'Express interest for your side; the other side is told', InterestInput, false),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(
        await workflow.interest(writeContext(c), id, c.req.valid('query').lang, c.req.valid('json')?.note),
        200,
      );
    },
  );
  app.openapi(
    step('accept', 'Accept the interest the other side expressed', z.object({}), false),
    async (c) =>
      c.json(await workflow.accept(writeContext(c), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );
  app.openapi(step('decline', 'Decline, saying why', DeclineInput), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await workflow.decline(writeContext(c), id, c.req.valid('query').lang, c.req.valid('json').reason),
      200,
    );
  });
  app.openapi(
    step('agree', 'Record the cooperation both sides agreed; it can then become a draft project', AgreeInput),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(
        await workflow.agree(writeContext(c), id, c.req.valid('query').lang, c.req.valid('json').summary),
        200,
      );
    },
  );

  app.openapi(
    step(
      'project',
      'Turn an agreed match into a draft project linked to its need and match (either side)',
      z.object({}),
      false,
    ),
    async (c) =>
      c.json(
        await workflow.toProject(writeContext(c), c.req.valid('param').id, c.req.valid('query').lang),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/matches/{id}/messages',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'The message thread between the two sides',
      request: { params: MatchParams },
      responses: { ...ok(z.object({ items: z.array(MessageSchema) }), 'Oldest first'), ...errorResponses },
    }),
    async (c) => c.json(await workflow.messages(c.get('viewer'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/matches/{id}/messages',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Write to the other side; they are told in the app and by email',
      request: { params: MatchParams, body: jsonBody(MessageInput) },
      responses: {
        201: { description: 'The message', content: { 'application/json': { schema: MessageSchema } } },
        ...actErrors,
      },
    }),
    async (c) =>
      c.json(await workflow.post(writeContext(c), c.req.valid('param').id, c.req.valid('json').body), 201),
  );

  return app;
}
