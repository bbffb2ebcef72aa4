import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../../http/context.js';
import { formatParam, registerExport } from '../../http/export.js';
import { errorResponses, langQuery, ok } from '../../http/openapi.js';
import { collectPages } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import { ICAL_MEDIA_TYPE } from '../../interchange/ical.js';
import { parseQuery } from './calendar-routes.js';
import {
  EventListFields,
  EventListQuery,
  EventPage,
  EventParams,
  EventSchema,
  type EventSummary,
} from './schema.js';
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

  registerExport(app, {
    path: '/events/export',
    tag: 'Events',
    name: 'events',
    query: EventListFields.extend(formatParam),
    columns: [
      { header: 'id', value: (e: EventSummary) => e.id },
      { header: 'slug', value: (e) => e.slug },
      { header: 'title', value: (e) => e.title },
      { header: 'kind', value: (e) => e.kind },
      { header: 'starts_on', value: (e) => e.startsOn },
      { header: 'ends_on', value: (e) => e.endsOn },
      { header: 'date_precision', value: (e) => e.datePrecision },
      { header: 'city', value: (e) => e.city },
      { header: 'country', value: (e) => e.country?.iso3 },
      { header: 'themes', value: (e) => e.themes.map((t) => t.id).join('; ') },
      { header: 'language', value: (e) => e.language },
    ],
    rows: (viewer, filters) =>
      collectPages((cursor) => events.list(viewer, { ...filters, limit: 100, cursor })),
  });

  // One event as an iCalendar file. Registered before `/events/{id}`, which would take `x.ics` as an id.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/events/{id}.ics',
    tags,
    summary: 'Download one event as iCalendar (RFC 5545)',
    request: { params: EventParams, query: z.object(langQuery) },
    responses: {
      200: { description: 'The event', content: { 'text/calendar': { schema: z.string() } } },
      404: errorResponses[404],
    },
  });
  app.get('/events/:file{[^/]+\\.ics}', async (c) => {
    const id = c.req.param('file').slice(0, -'.ics'.length);
    const file = await events.ics(c.get('viewer'), id, parseQuery(z.object(langQuery), c.req.query()).lang);
    return c.body(file.body, 200, {
      'content-type': ICAL_MEDIA_TYPE,
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'private, no-cache',
    });
  });

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
