import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { guard, requireStaff } from '../../http/auth.js';
import type { AppEnv } from '../../http/context.js';
import { formatParam, registerExport } from '../../http/export.js';
import { ok, pageOf } from '../../http/openapi.js';
import { collectPages, pageQuery } from '../../http/pagination.js';
import { validationHook } from '../../http/validation.js';
import type { AuditEntryView, AuditService } from './query.js';

const tags = ['Audit'];
const security = [{ session: [] }];
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

const AuditFields = z.object({
  actor: z.string().max(100).optional().openapi({ description: 'User id of the actor' }),
  action: z
    .string()
    .max(100)
    .regex(/^[a-z_.]+$/, 'Letters, dots and underscores only')
    .optional()
    .openapi({ description: 'An action, or a prefix ending in a dot such as `auth.`' }),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  from: day.optional().openapi({ description: 'First day (UTC), inclusive' }),
  to: day.optional().openapi({ description: 'Last day (UTC), inclusive' }),
});

const AuditEntrySchema = z
  .object({
    id: z.number(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    ip: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

/** The audit log for the secretariat and admins: filter, page and export. */
export function auditRoutes(audit: AuditService) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/audit',
      middleware: [guard('secretariat')] as const,
      tags,
      security,
      summary: 'The audit log, newest first (secretariat and admins)',
      request: { query: AuditFields.extend(pageQuery) },
      responses: ok(pageOf(AuditEntrySchema, 'AuditPage'), 'Audit entries'),
    }),
    async (c) => c.json(await audit.list(requireStaff(c), c.req.valid('query')), 200),
  );

  registerExport(app, {
    path: '/audit/export',
    tag: 'Audit',
    name: 'audit-log',
    role: 'secretariat',
    query: AuditFields.extend(formatParam),
    columns: [
      { header: 'id', value: (e: AuditEntryView) => e.id },
      { header: 'at', value: (e) => e.at },
      { header: 'actor', value: (e) => e.actor },
      { header: 'action', value: (e) => e.action },
      { header: 'entity_type', value: (e) => e.entityType },
      { header: 'entity_id', value: (e) => e.entityId },
      { header: 'ip', value: (e) => e.ip },
      { header: 'request_id', value: (e) => e.requestId },
      { header: 'before', value: (e) => (e.before == null ? '' : JSON.stringify(e.before)) },
      { header: 'after', value: (e) => (e.after == null ? '' : JSON.stringify(e.after)) },
    ],
    rows: (viewer, filters) =>
      collectPages((cursor) => audit.list(viewer, { ...filters, limit: 100, cursor })),
  });

  return app;
}
