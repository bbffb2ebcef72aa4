import type { DbOrTx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import type { Viewer } from '../access/policy.js';

/** Who acts in a write, and the request it came from; passed from the route to the service. */
export type WriteContext = { viewer: Viewer; requestId?: string; ip?: string };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** The actor recorded for a write: the user id, or `anonymous` for sign-in failures and the like. */
export function actorOf(ctx: WriteContext): string {
  return ctx.viewer.userId ?? 'anonymous';
}

/** Writes one audit entry inside the caller's transaction, so it commits with the change. */
export async function recordAudit(tx: DbOrTx, ctx: WriteContext, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, ctx, [entry]);
}

/** Writes several audit entries in one statement (bulk imports), inside the caller's transaction. */
export async function recordAudits(tx: DbOrTx, ctx: WriteContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(auditLog).values(
    entries.map((entry) => ({
      actor: actorOf(ctx),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      requestId: ctx.requestId ?? null,
      ip: ctx.ip ?? null,
    })),
  );
}
