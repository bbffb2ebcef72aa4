import { and, eq, inArray, sql } from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import { type DbOrTx, rowsOf } from '../../db/client.js';
import {
  type ActionLinkType,
  type ActionStatus,
  groupActions,
  workingGroupMembers,
  workingGroups,
} from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import { SYSTEM, type Viewer } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { PendingEmails } from '../notifications/service.js';
import { type GroupCore, type GroupDeps, type GroupRow, leads } from './core.js';

type ActionRow = typeof groupActions.$inferSelect;

/** Owners are reminded of open and in-progress actions due within this many days. */
export const REMINDER_DAYS = 2;
/** Actions claimed per reminder transaction. */
const REMINDER_BATCH = 200;

const keys: SortKey<ActionRow>[] = [
  { expr: groupActions.dueOn, cast: 'date', of: (row) => row.dueOn },
  { expr: groupActions.id, cast: 'uuid', of: (row) => row.id },
];

export type ActionInputData = {
  title: string;
  description?: string | null;
  ownerId: string;
  dueOn: string;
  status: ActionStatus;
  linkType?: ActionLinkType | null;
  linkId?: string | null;
};
export type ActionPatchData = Partial<ActionInputData>;

const utcDate = (date: Date) => date.toISOString().slice(0, 10);
const actionsLink = (groupId: string) => `/groups/${groupId}/actions`;

/**
 * The action tracker: actions with an owner (a group member), a due date, a status and an
 * optional link to a need, offer or match. The link is stored as given (a type and a uuid):
 * needs, offers and matches belong to the projects and matching modules, which check the ids
 * when they exist. Owners are notified when given an action and reminded before the due date by
 * `sendDueReminders`, which a scheduler calls.
 */
export function createActions(deps: GroupDeps, core: GroupCore) {
  const { db, notifications } = deps;

  async function present(
    rows: ActionRow[],
    groups?: Map<string, { id: string; slug: string; name: string }>,
  ) {
    const people = await core.personRefs([...new Set(rows.map((row) => row.ownerId))]);
    const today = utcDate(new Date());
    return rows.map((row) => ({
      id: row.id,
      groupId: row.groupId,
      ...(groups?.has(row.groupId) ? { group: groups.get(row.groupId)! } : {}),
      title: row.title,
      description: row.description,
      owner: people.get(row.ownerId)!,
      dueOn: row.dueOn,
      status: row.status,
      link: row.linkType && row.linkId ? { type: row.linkType, id: row.linkId } : null,
      overdue: (row.status === 'open' || row.status === 'in_progress') && row.dueOn < today,
      remindedAt: row.remindedAt?.toISOString() ?? null,
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  async function checkOwner(tx: DbOrTx, group: GroupRow, ownerId: string) {
    const members = await core.membersAmong(tx, group.id, [ownerId]);
    if (!members.has(ownerId))
      throw new AppError('validation_failed', 'The owner must be a member of the group', [
        { field: 'body.ownerId', message: 'is not a member of this group' },
      ]);
  }

  async function notifyOwner(tx: DbOrTx, ctx: WriteContext, row: ActionRow): Promise<PendingEmails> {
    if (row.ownerId === ctx.viewer.userId) return [];
    return notifications.notify(tx, {
      userIds: [row.ownerId],
      kind: 'action.assigned',
      title: row.title,
      body: row.dueOn,
      link: actionsLink(row.groupId),
      email: true,
    });
  }

  return {
    async listActions(
      viewer: Viewer,
      key: string,
      filters: { limit: number; cursor?: string; status?: ActionStatus; ownerId?: string },
    ) {
      const { group } = await core.openSpace(db, viewer, key);
      const where = and(
        eq(groupActions.groupId, group.id),
        filters.status ? eq(groupActions.status, filters.status) : undefined,
        filters.ownerId ? eq(groupActions.ownerId, filters.ownerId) : undefined,
      );
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(groupActions)
          .where(and(where, afterCursor(keys, 'asc', filters.cursor)))
          .orderBy(orderBy(keys, 'asc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(groupActions).where(where),
      ]);
      const page = toPage(rows, filters.limit, keys, count?.n ?? 0, (row) => row);
      return { ...page, items: await present(page.items) };
    },

    async getAction(viewer: Viewer, key: string, actionId: string) {
      const { group } = await core.openSpace(db, viewer, key);
      const [row] = await db
        .select()
        .from(groupActions)
        .where(and(eq(groupActions.id, actionId), eq(groupActions.groupId, group.id)));
      if (!row) throw AppError.notFound('Action', actionId);
      return (await present([row]))[0]!;
    },

    /** The viewer's own actions, in the groups they are a member of, soonest due first. */
    async myActions(
      viewer: Viewer,
      filters: { lang: string; limit: number; cursor?: string; status?: ActionStatus },
    ) {
      const userId = core.requireViewer(viewer);
      const where = and(
        eq(groupActions.ownerId, userId),
        inArray(
          groupActions.groupId,
          db
            .select({ id: workingGroupMembers.groupId })
            .from(workingGroupMembers)
            .where(eq(workingGroupMembers.userId, userId)),
        ),
        filters.status ? eq(groupActions.status, filters.status) : undefined,
      );
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(groupActions)
          .where(and(where, afterCursor(keys, 'asc', filters.cursor)))
          .orderBy(orderBy(keys, 'asc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(groupActions).where(where),
      ]);
      const page = toPage(rows, filters.limit, keys, count?.n ?? 0, (row) => row);
      const groupIds = [...new Set(page.items.map((row) => row.groupId))];
      const groupRows = groupIds.length
        ? await db
            .select({
              id: workingGroups.id,
              slug: workingGroups.slug,
              texts: workingGroups.texts,
              language: workingGroups.language,
            })
            .from(workingGroups)
            .where(inArray(workingGroups.id, groupIds))
        : [];
      const groups = new Map(
        groupRows.map((g) => [
          g.id,
          { id: g.id, slug: g.slug, name: g.texts[pickLanguage(g.texts, filters.lang, g.language)]!.name },
        ]),
      );
      return { ...page, items: await present(page.items, groups) };
    },

    async createAction(ctx: WriteContext, key: string, input: ActionInputData) {
      const userId = core.requireViewer(ctx.viewer);
      const { row, pending } = await db.transaction(async (tx) => {
        const { group } = await core.openSpace(tx, ctx.viewer, key);
        await checkOwner(tx, group, input.ownerId);
        const [row] = await tx
          .insert(groupActions)
          .values({
            groupId: group.id,
            title: input.title,
            description: input.description ?? null,
            ownerId: input.ownerId,
            dueOn: input.dueOn,
            status: input.status,
            linkType: input.linkType ?? null,
            linkId: input.linkId ?? null,
            createdBy: userId,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group_action.create',
          entityType: 'group_action',
          entityId: row!.id,
          after: row,
        });
        return { row: row!, pending: await notifyOwner(tx, ctx, row!) };
      });
      await notifications.deliver(pending);
      return (await present([row]))[0]!;
    },

    /**
     * Edits an action: its owner, its creator, the group's chairs and vice-chairs, and staff may.
     * A new due date or owner clears the reminder, so the (new) owner is reminded again.
     */
    async updateAction(ctx: WriteContext, key: string, actionId: string, patch: ActionPatchData) {
      const userId = core.requireViewer(ctx.viewer);
      const { row, pending } = await db.transaction(async (tx) => {
        const { group, role, staff } = await core.openSpace(tx, ctx.viewer, key);
        const [before] = await tx
          .select()
          .from(groupActions)
          .where(and(eq(groupActions.id, actionId), eq(groupActions.groupId, group.id)))
          .for('update');
        if (!before) throw AppError.notFound('Action', actionId);
        if (!staff && !leads(role) && before.ownerId !== userId && before.createdBy !== userId)
          throw new AppError(
            'forbidden',
            'Only the owner, the creator, the group’s chairs and the secretariat edit an action',
          );
        if (patch.ownerId !== undefined && patch.ownerId !== before.ownerId)
          await checkOwner(tx, group, patch.ownerId);
        const ownerChanged = patch.ownerId !== undefined && patch.ownerId !== before.ownerId;
        const dueChanged = patch.dueOn !== undefined && patch.dueOn !== before.dueOn;
        const [after] = await tx
          .update(groupActions)
          .set({
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            ...(patch.ownerId !== undefined ? { ownerId: patch.ownerId } : {}),
            ...(patch.dueOn !== undefined ? { dueOn: patch.dueOn } : {}),
            ...(patch.status !== undefined ? { status: patch.status } : {}),
            ...(patch.linkType !== undefined
              ? { linkType: patch.linkType, linkId: patch.linkId ?? null }
              : {}),
            ...(ownerChanged || dueChanged ? { remindedAt: null } : {}),
            updatedAt: new Date(),
          })
          .where(eq(groupActions.id, before.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group_action.update',
          entityType: 'group_action',
          entityId: before.id,
          before,
          after,
        });
        return { row: after!, pending: ownerChanged ? await notifyOwner(tx, ctx, after!) : [] };
      });
      await notifications.deliver(pending);
      return (await present([row]))[0]!;
    },

    /**
     * Reminds owners of open and in-progress actions due between today and REMINDER_DAYS days
     * from `now` (UTC dates), once per action: each batch claims its actions by setting
     * `reminded_at` with `FOR UPDATE SKIP LOCKED`, so processes running this at the same time
     * never remind twice. Notifies in-app and by email (after the batch commits). Call it from a
     * scheduler; it returns the ids it reminded.
     */
    async sendDueReminders(now: Date = new Date()): Promise<{ reminded: string[] }> {
      const from = utcDate(now);
      const until = utcDate(new Date(now.getTime() + REMINDER_DAYS * 24 * 60 * 60 * 1000));
      const reminded: string[] = [];
      for (;;) {
        const { claimed, pending } = await db.transaction(async (tx) => {
          const claimed = rowsOf<{
            id: string;
            group_id: string;
            owner_id: string;
            title: string;
            due_on: string;
          }>(
            await tx.execute(sql`
              UPDATE group_actions SET reminded_at = ${now.toISOString()}::timestamptz
              WHERE id IN (
                SELECT id FROM group_actions
                WHERE reminded_at IS NULL
                  AND status IN ('open', 'in_progress')
                  AND due_on BETWEEN ${from}::date AND ${until}::date
                ORDER BY due_on, id
                LIMIT ${REMINDER_BATCH}
                FOR UPDATE SKIP LOCKED)
              RETURNING id, group_id, owner_id, title, due_on::text AS due_on`),
          );
          const pending: PendingEmails = [];
          for (const action of claimed) {
            await recordAudit(
              tx,
              { viewer: SYSTEM },
              {
                action: 'group_action.remind',
                entityType: 'group_action',
                entityId: action.id,
                after: { ownerId: action.owner_id, dueOn: action.due_on, remindedAt: now.toISOString() },
              },
            );
            pending.push(
              ...(await notifications.notify(tx, {
                userIds: [action.owner_id],
                kind: 'action.due',
                title: action.title,
                body: action.due_on,
                link: actionsLink(action.group_id),
                email: true,
              })),
            );
          }
          return { claimed, pending };
        });
        await notifications.deliver(pending);
        reminded.push(...claimed.map((action) => action.id));
        if (claimed.length < REMINDER_BATCH) return { reminded };
      }
    },
  };
}
