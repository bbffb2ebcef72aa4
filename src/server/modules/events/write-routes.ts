import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { guard, requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { jsonBody, langQuery, problemResponse } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { EventInput, EventParams, EventPatch, EventSchema, RegistrationSchema } from './schema.js';
import type { EventsService } from './service.js';
import type { EventWrites } from './write.js';

const tags = ['Events'];
const security = [{ session: [] }];

const writeErrors = {
  400: problemResponse('Malformed request'),
  401: problemResponse('Not signed in'),
  403: problemResponse('Not allowed: names the field (visibility, workingGroupId) when that is why'),
  404: problemResponse('No such event, or not visible to you'),
  409: problemResponse('Not possible in the event’s current state'),
  422: problemResponse('Invalid fields; `errors` names each one'),
} satisfies RouteConfig['responses'];

const eventContent = { 'application/json': { schema: EventSchema } };
const registrationContent = { 'application/json': { schema: RegistrationSchema } };

/** Creating, editing and cancelling events, and registering for them (signed-in members). */
export function eventWriteRoutes(events: EventsService, writes: EventWrites) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'post',
      path: '/events',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary:
        'Create an event (members: members, organization, their working group or private; public: secretariat)',
      request: { body: jsonBody(EventInput), query: z.object(langQuery) },
      responses: { 201: { description: 'The new event', content: eventContent }, ...writeErrors },
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const row = await writes.create(writeContext(c), c.req.valid('json'));
      return c.json(await events.get(viewer, row.id, c.req.valid('query').lang), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/events/{id}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Edit an event (its author, their organisation admin, or the secretariat)',
      request: { params: EventParams, body: jsonBody(EventPatch), query: z.object(langQuery) },
      responses: { 200: { description: 'The edited event', content: eventContent }, ...writeErrors },
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const row = await writes.update(writeContext(c), c.req.valid('param').id, c.req.valid('json'));
      return c.json(await events.get(viewer, row.id, c.req.valid('query').lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/events/{id}/cancel',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Cancel an event: it stays listed as cancelled, and feeds say so',
      request: { params: EventParams, query: z.object(langQuery) },
      responses: { 200: { description: 'The cancelled event', content: eventContent }, ...writeErrors },
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      const row = await writes.cancel(writeContext(c), c.req.valid('param').id);
      return c.json(await events.get(viewer, row.id, c.req.valid('query').lang), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/events/{id}/registration',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Register for an event (409 when registration is closed or the event is full)',
      request: { params: EventParams },
      responses: {
        201: { description: 'Registered', content: registrationContent },
        200: { description: 'Already registered', content: registrationContent },
        ...writeErrors,
      },
    }),
    async (c) => {
      requireSignedIn(c);
      const { created, ...state } = await writes.register(writeContext(c), c.req.valid('param').id);
      return c.json(state, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/events/{id}/registration',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Cancel your registration',
      request: { params: EventParams },
      responses: { 200: { description: 'Not registered', content: registrationContent }, ...writeErrors },
    }),
    async (c) => {
      requireSignedIn(c);
      return c.json(await writes.unregister(writeContext(c), c.req.valid('param').id), 200);
    },
  );

  return app;
}
