import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { langQuery, ok } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { EventListQuery, EventPage, EventParams, EventSchema } from './schema.js';
import type { EventsService } from './service.js';

const tags = ['Events'];

export function eventRoutes(events: EventsService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/events',
      tags,
      summary: 'List events, newest first',
      request: { query: EventListQuery },
      responses: ok(EventPage, 'Events'),
    }),
    async (c) => c.json(await events.list(c.get('viewer'), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/events/{id}',
      tags,
      summary: 'Get an event by id or slug',
      request: { params: EventParams, query: z.object(langQuery) },
      responses: ok(EventSchema, 'The event'),
    }),
    async (c) =>
      c.json(await events.get(c.get('viewer'), c.req.valid('param').id, c.req.valid('query').lang), 200),
  );

  return app;
}
