import { createRoute, OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { AppError, fieldErrorsFromZod } from '../../errors.js';
import { guard, requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { errorResponses, langQuery, ok, problemResponse } from '../../http/openapi.js';
import { validationHook } from '../../http/validation.js';
import { ICAL_MEDIA_TYPE } from '../../interchange/ical.js';
import type { CalendarFeeds } from './feeds.js';
import { CalendarPage, CalendarQuery, FeedInput, FeedSchema, NewFeedSchema } from './schema.js';
import type { EventsService } from './service.js';

const tags = ['Calendar'];
const security = [{ session: [] }];

/** Validates the query of a route Hono matched by pattern (outside the OpenAPI helpers). */
export function parseQuery<S extends z.ZodType>(schema: S, query: Record<string, string>): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success)
    throw new AppError(
      'bad_request',
      'The request has invalid fields',
      fieldErrorsFromZod(parsed.error.issues, 'query'),
    );
  return parsed.data;
}

/** The joint calendar: a range of days for the month and list views, and secret iCalendar feeds. */
export function calendarRoutes(events: EventsService, feeds: CalendarFeeds) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar',
      tags,
      summary: 'Events overlapping a range of days in a time zone, in start order (the month view)',
      request: { query: CalendarQuery },
      responses: ok(CalendarPage, 'The events the caller may read in that range'),
    }),
    async (c) => {
      const { from, to, tz, lang } = c.req.valid('query');
      return c.json(await events.calendar(c.get('viewer'), { from, to, tz, lang }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/calendar/feeds',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Create (or rotate) your secret iCalendar feed, or a working group’s',
      description:
        'The answer holds the only copy of the address. Asking again for the same feed revokes the old address.',
      request: { body: { required: true, content: { 'application/json': { schema: FeedInput } } } },
      responses: {
        201: { description: 'The new feed', content: { 'application/json': { schema: NewFeedSchema } } },
        401: problemResponse('Not signed in'),
        403: problemResponse('Not a member of the working group'),
        422: problemResponse('Invalid fields; `errors` names each one'),
      } satisfies RouteConfig['responses'],
    }),
    async (c) => {
      requireSignedIn(c);
      const input = c.req.valid('json');
      return c.json(
        await feeds.create(writeContext(c), { kind: input.kind, groupId: input.groupId, lang: input.lang }),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/calendar/feeds',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Your live calendar feeds (their addresses are not stored and cannot be shown again)',
      responses: {
        200: {
          description: 'Feeds',
          content: { 'application/json': { schema: z.object({ items: z.array(FeedSchema) }) } },
        },
        401: problemResponse('Not signed in'),
      },
    }),
    async (c) => {
      const viewer = requireSignedIn(c);
      return c.json({ items: await feeds.list(viewer) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/calendar/feeds/{id}',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Stop one of your calendar feeds',
      request: { params: z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: {
        204: { description: 'Revoked' },
        401: problemResponse('Not signed in'),
        ...errorResponses,
      },
    }),
    async (c) => {
      requireSignedIn(c);
      await feeds.revoke(writeContext(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  // The feed itself: calendar apps fetch it without a session; the token is the credential.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/calendar/feeds/{token}.ics',
    tags,
    summary: 'A secret iCalendar feed (RFC 5545), as calendar apps subscribe to it',
    request: {
      params: z.object({ token: z.string().openapi({ param: { name: 'token', in: 'path' } }) }),
      query: z.object({ lang: langQuery.lang.optional() }),
    },
    responses: {
      200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
      404: problemResponse('Unknown, revoked or rotated feed'),
    },
  });
  app.get('/calendar/feeds/:file{[^/]+\\.ics}', async (c) => {
    const token = c.req.param('file').slice(0, -'.ics'.length);
    const { lang } = parseQuery(z.object({ lang: langQuery.lang.optional() }), c.req.query());
    const body = await feeds.render(token, lang);
    return c.body(body, 200, {
      'content-type': ICAL_MEDIA_TYPE,
      'cache-control': 'private, max-age=300',
      'x-robots-tag': 'noindex',
      'referrer-policy': 'no-referrer',
    });
  });

  return app;
}
