import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import {
  groupPriorities,
  type PriorityStatus,
  priorityRankings,
  workingGroupMembers,
} from '../../db/schema/index.js';
import { AppError, type FieldError } from '../../errors.js';
import type { Viewer } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import { bordaRanking } from './borda.js';
import { type GroupCore, type GroupDeps, type GroupRow, leads } from './core.js';

type PriorityRow = typeof groupPriorities.$inferSelect;

/**
 * Joint planning: members propose priorities and each ranks the open ones; the group sees the
 * combined ranking by Borda count (see borda.ts). Only ballots of current members count.
 */
export function createPriorities(deps: GroupDeps, core: GroupCore) {
  const { db } = deps;

  async function presentRows(rows: PriorityRow[]) {
    const people = await core.personRefs([...new Set(rows.map((row) => row.createdBy))]);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          groupId: row.groupId,
          title: row.title,
          description: row.description,
          status: row.status,
          createdBy: people.get(row.createdBy)!,
          createdAt: row.createdAt.toISOString(),
        },
      ]),
    );
  }

  async function combined(viewer: Viewer, group: GroupRow) {
    const rows = await db
      .select()
      .from(groupPriorities)
      .where(eq(groupPriorities.groupId, group.id))
      .orderBy(asc(groupPriorities.createdAt), asc(groupPriorities.id));
    const open = rows.filter((row) => row.status === 'open');
    const rankings = open.length
      ? await db
          .select({
            priorityId: priorityRankings.priorityId,
            userId: priorityRankings.userId,
            rank: priorityRankings.rank,
          })
          .from(priorityRankings)
          .innerJoin(
            workingGroupMembers,
            and(
              eq(workingGroupMembers.userId, priorityRankings.userId),
              eq(workingGroupMembers.groupId, group.id),
            ),
          )
          .where(
            inArray(
              priorityRankings.priorityId,
              open.map((row) => row.id),
            ),
          )
          .orderBy(asc(priorityRankings.userId), asc(priorityRankings.rank))
      : [];
    const ballots = new Map<string, string[]>();
    for (const ranking of rankings) {
      const list = ballots.get(ranking.userId) ?? [];
      list.push(ranking.priorityId);
      ballots.set(ranking.userId, list);
    }
    const result = bordaRanking(
      open.map((row) => row.id),
      [...ballots].map(([userId, ranking]) => ({ userId, ranking })),
    );
    const presented = await presentRows(rows);
    return {
      method: 'borda' as const,
      ranking: result.map((entry) => ({ ...presented.get(entry.id)!, ...entry })),
      ballots: ballots.size,
      myRanking: (viewer.userId && ballots.get(viewer.userId)) || [],
      closed: rows.filter((row) => row.status !== 'open').map((row) => presented.get(row.id)!),
    };
  }

  async function priorityIn(tx: DbOrTx, group: GroupRow, priorityId: string) {
    const [row] = await tx
      .select()
      .from(groupPriorities)
      .where(and(eq(groupPriorities.id, priorityId), eq(groupPriorities.groupId, group.id)))
      .for('update');
    if (!row) throw AppError.notFound('Priority', priorityId);
    return row;
  }

  return {
    async listPriorities(viewer: Viewer, key: string) {
      const { group } = await core.openSpace(db, viewer, key);
      return combined(viewer, group);
    },

    async createPriority(
      ctx: WriteContext,
      key: string,
      input: { title: string; description?: string | null },
    ) {
      const userId = core.requireViewer(ctx.viewer);
      const row = await db.transaction(async (tx) => {
        const { group } = await core.openSpace(tx, ctx.viewer, key);
        const [row] = await tx
          .insert(groupPriorities)
          .values({
            groupId: group.id,
            title: input.title,
            description: input.description ?? null,
            createdBy: userId,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group_priority.create',
          entityType: 'group_priority',
          entityId: row!.id,
          after: row,
        });
        return row!;
      });
      return (await presentRows([row])).get(row.id)!;
    },

    /** Edits or closes a priority: its proposer, the group's chairs and vice-chairs, and staff. */
    async updatePriority(
      ctx: WriteContext,
      key: string,
      priorityId: string,
      patch: { title?: string; description?: string | null; status?: PriorityStatus },
    ) {
      const userId = core.requireViewer(ctx.viewer);
      const row = await db.transaction(async (tx) => {
        const { group, role, staff } = await core.openSpace(tx, ctx.viewer, key);
        const before = await priorityIn(tx, group, priorityId);
        if (!staff && !leads(role) && before.createdBy !== userId)
          throw new AppError(
            'forbidden',
            'Only the proposer, the group’s chairs and the secretariat edit a priority',
          );
        const [after] = await tx
          .update(groupPriorities)
          .set({
            ...(patch.title !== undefined ? { title: patch.title } : {}),
            ...(patch.description !== undefined ? { description: patch.description } : {}),
            ...(patch.status !== undefined ? { status: patch.status } : {}),
            updatedAt: new Date(),
          })
          .where(eq(groupPriorities.id, before.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group_priority.update',
          entityType: 'group_priority',
          entityId: before.id,
          before,
          after,
        });
        return after!;
      });
      return (await presentRows([row])).get(row.id)!;
    },

    /**
     * Replaces the viewer's ranking with `priorityIds` (best first): open priorities of this
     * group, each once; an empty list withdraws the ranking. Members only (staff who are not
     * members look, but do not vote).
     */
    async setRanking(ctx: WriteContext, key: string, priorityIds: string[]) {
      const userId = core.requireViewer(ctx.viewer);
      const group = await db.transaction(async (tx) => {
        const { group, role } = await core.openSpace(tx, ctx.viewer, key);
        if (!role) throw new AppError('forbidden', 'Only members of the group rank its priorities');
        const rows = await tx
          .select({ id: groupPriorities.id, status: groupPriorities.status })
          .from(groupPriorities)
          .where(eq(groupPriorities.groupId, group.id));
        const open = new Set(rows.filter((row) => row.status === 'open').map((row) => row.id));
        const errors: FieldError[] = [];
        const seen = new Set<string>();
        priorityIds.forEach((id, index) => {
          if (seen.has(id)) errors.push({ field: `body.priorityIds.${index}`, message: 'is listed twice' });
          else if (!open.has(id))
            errors.push({
              field: `body.priorityIds.${index}`,
              message: 'is not an open priority of this group',
            });
          seen.add(id);
        });
        if (errors.length) throw new AppError('validation_failed', 'The ranking is not valid', errors);
        const allIds = rows.map((row) => row.id);
        const before = allIds.length
          ? await tx
              .delete(priorityRankings)
              .where(and(eq(priorityRankings.userId, userId), inArray(priorityRankings.priorityId, allIds)))
              .returning()
          : [];
        if (priorityIds.length)
          await tx
            .insert(priorityRankings)
            .values(priorityIds.map((priorityId, index) => ({ priorityId, userId, rank: index + 1 })));
        await recordAudit(tx, ctx, {
          action: 'group_priority.rank',
          entityType: 'working_group',
          entityId: group.id,
          before: before.sort((a, b) => a.rank - b.rank).map((row) => row.priorityId),
          after: priorityIds,
        });
        return group;
      });
      return combined(ctx.viewer, group);
    },
  };
}
