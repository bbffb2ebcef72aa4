import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { guard, requireSignedIn, writeContext } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { ok } from '../../http/openapi.js';
import { pageQuery } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import type { NotificationsService } from './service.js';

const tags = ['Notifications'];
const security = [{ session: [] }];

export const NotificationSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().openapi({ example: 'group.mention' }),
    title: z.string(),
    body: z.string().nullable(),
    link: z
      .string()
      .nullable()
      .openapi({ description: 'Site path without the language prefix', example: '/groups/…/threads/…' }),
    read: z.boolean(),
    readAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Notification');

const NotificationPage = z
  .object({
    items: z.array(NotificationSchema),
    nextCursor: z.string().nullable(),
    total: z.number().int(),
    unread: z.number().int().openapi({ description: 'Unread notifications in all' }),
  })
  .openapi('NotificationPage');

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((value) => value === 'true' || value === '1');

export function notificationRoutes(notifications: NotificationsService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/notifications',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Your notifications, newest first',
      request: { query: z.object({ ...pageQuery, unread: booleanFlag.openapi({ type: 'boolean' }) }) },
      responses: ok(NotificationPage, 'Notifications'),
    }),
    async (c) => c.json(await notifications.list(requireSignedIn(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/read-all',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Mark all your notifications read',
      responses: ok(z.object({ updated: z.number().int() }), 'How many were marked'),
    }),
    async (c) => {
      requireSignedIn(c);
      return c.json(await notifications.markAllRead(writeContext(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/notifications/{id}/read',
      middleware: [guard('member')] as const,
      tags,
      security,
      summary: 'Mark one of your notifications read',
      request: { params: z.object({ id: z.uuid() }) },
      responses: ok(NotificationSchema, 'The notification'),
    }),
    async (c) => {
      requireSignedIn(c);
      return c.json(await notifications.markRead(writeContext(c), c.req.valid('param').id), 200);
    },
  );

  return app;
}
