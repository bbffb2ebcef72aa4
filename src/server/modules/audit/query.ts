import { and, eq, gte, like, lt, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import { auditLog } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type Page, type SortKey, toPage } from '../../http/pagination.js';
import { isSignedIn, isStaff, type Viewer } from '../access/policy.js';

type Row = typeof auditLog.$inferSelect;

export type AuditFilters = {
  actor?: string;
  /** An action or an action prefix such as `auth.` */
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
};

export function presentAudit(row: Row) {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before,
    after: row.after,
    ip: row.ip,
    requestId: row.requestId,
  };
}
export type AuditEntryView = ReturnType<typeof presentAudit>;

const keys: SortKey<Row>[] = [{ expr: auditLog.id, cast: 'int', of: (row) => row.id }];

/** Reading the audit log: staff only, newest first, filtered and paged. */
export function createAuditService({ db }: { db: Db }) {
  return {
    async list(viewer: Viewer, filters: AuditFilters): Promise<Page<AuditEntryView>> {
      if (!isSignedIn(viewer)) throw new AppError('unauthorized', 'Sign in to read the audit log');
      if (!isStaff(viewer))
        throw new AppError('forbidden', 'Only the secretariat and admins read the audit log');
      const parts: (SQL | undefined)[] = [];
      if (filters.actor) parts.push(eq(auditLog.actor, filters.actor));
      if (filters.action)
        parts.push(
          filters.action.endsWith('.')
            ? like(auditLog.action, `${escapeLike(filters.action)}%`)
            : eq(auditLog.action, filters.action),
        );
      if (filters.entityType) parts.push(eq(auditLog.entityType, filters.entityType));
      if (filters.entityId) parts.push(eq(auditLog.entityId, filters.entityId));
      if (filters.from) parts.push(gte(auditLog.at, new Date(filters.from)));
      if (filters.to) parts.push(lt(auditLog.at, new Date(`${filters.to}T23:59:59.999Z`)));
      const where = and(...parts);
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where),
      ]);
      return toPage(rows, filters.limit, keys, count?.n ?? 0, presentAudit);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
