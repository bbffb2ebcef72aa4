import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { groupPosts, groupThreads } from '../../db/schema/index.js';
import { AppError, type FieldError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { Viewer } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { PendingEmails } from '../notifications/service.js';
import type { GroupCore, GroupDeps, GroupRow } from './core.js';
import { parseMentions } from './mentions.js';

type ThreadRow = typeof groupThreads.$inferSelect;
type PostRow = typeof groupPosts.$inferSelect;

/** Most replies a thread page returns, oldest first. */
export const MAX_POSTS = 1000;
const EXCERPT = 280;

const keys: SortKey<ThreadRow>[] = [
  { expr: groupThreads.lastActivityAt, cast: 'timestamptz', of: (row) => row.lastActivityAt.toISOString() },
  { expr: groupThreads.id, cast: 'uuid', of: (row) => row.id },
];

const excerpt = (body: string) => (body.length > EXCERPT ? `${body.slice(0, EXCERPT - 1)}…` : body);
const threadLink = (groupId: string, threadId: string) => `/groups/${groupId}/threads/${threadId}`;

/**
 * Discussion threads of a group, for its members and staff. Bodies are plain text kept exactly as
 * written (pages render them escaped). Mentions (`@{userId}` in the body, plus the `notify` list)
 * notify those members in-app and by email; a reply notifies the thread's earlier participants
 * in-app. Only current members of the group are ever notified.
 */
export function createThreads(deps: GroupDeps, core: GroupCore) {
  const { db, notifications } = deps;

  async function getThreadRow(tx: DbOrTx, group: GroupRow, threadId: string, forUpdate = false) {
    const query = tx
      .select()
      .from(groupThreads)
      .where(and(eq(groupThreads.id, threadId), eq(groupThreads.groupId, group.id)));
    // Locking the thread makes concurrent replies count up one by one.
    const [row] = forUpdate ? await query.for('update') : await query;
    if (!row) throw AppError.notFound('Thread', threadId);
    return row as ThreadRow;
  }

  /**
   * Who a new text mentions: `@{id}` tokens that name current members (other tokens stay text)
   * and the `notify` list, which must name members only. The writer is never notified.
   */
  async function mentionsOf(tx: DbOrTx, group: GroupRow, authorId: string, body: string, notify: string[]) {
    const members = await core.membersAmong(tx, group.id, [...parseMentions(body), ...notify]);
    const errors: FieldError[] = [];
    notify.forEach((id, index) => {
      if (!members.has(id))
        errors.push({ field: `body.notify.${index}`, message: 'is not a member of this group' });
    });
    if (errors.length)
      throw new AppError('validation_failed', 'Only members of the group can be notified', errors);
    return [...new Set([...parseMentions(body).filter((id) => members.has(id)), ...notify])].filter(
      (id) => id !== authorId,
    );
  }

  /** Names of the members a text mentions; tokens naming anyone else are left as text. */
  async function mentionNames(groupId: string, texts: string[], tx: DbOrTx = db) {
    const members = await core.membersAmong(tx, groupId, [...new Set(texts.flatMap(parseMentions))]);
    return (body: string, people: Map<string, { id: string; name: string }>) =>
      parseMentions(body)
        .filter((id) => members.has(id))
        .map((id) => people.get(id)!);
  }

  async function presentPosts(groupId: string, rows: PostRow[], tx: DbOrTx = db) {
    const ids = [...new Set(rows.flatMap((row) => [row.authorId, ...parseMentions(row.body)]))];
    const [people, mentions] = await Promise.all([
      core.personRefs(ids, tx),
      mentionNames(
        groupId,
        rows.map((row) => row.body),
        tx,
      ),
    ]);
    return rows.map((row) => ({
      id: row.id,
      threadId: row.threadId,
      author: people.get(row.authorId)!,
      body: row.body,
      mentions: mentions(row.body, people),
      createdAt: row.createdAt.toISOString(),
    }));
  }

  function presentSummary(row: ThreadRow, people: Map<string, { id: string; name: string }>) {
    return {
      id: row.id,
      groupId: row.groupId,
      title: row.title,
      author: people.get(row.authorId) ?? { id: row.authorId, name: row.authorId },
      replyCount: row.replyCount,
      createdAt: row.createdAt.toISOString(),
      lastActivityAt: row.lastActivityAt.toISOString(),
    };
  }

  async function getThread(viewer: Viewer, key: string, threadId: string) {
    const { group } = await core.openSpace(db, viewer, key);
    const row = await getThreadRow(db, group, threadId);
    const posts = await db
      .select()
      .from(groupPosts)
      .where(eq(groupPosts.threadId, row.id))
      .orderBy(asc(groupPosts.createdAt), asc(groupPosts.id))
      .limit(MAX_POSTS);
    const [people, mentions] = await Promise.all([
      core.personRefs([row.authorId, ...parseMentions(row.body)]),
      mentionNames(group.id, [row.body]),
    ]);
    return {
      ...presentSummary(row, people),
      body: row.body,
      mentions: mentions(row.body, people),
      updatedAt: row.updatedAt.toISOString(),
      posts: await presentPosts(group.id, posts),
    };
  }

  return {
    async listThreads(viewer: Viewer, key: string, filters: { limit: number; cursor?: string }) {
      const { group } = await core.openSpace(db, viewer, key);
      const where = eq(groupThreads.groupId, group.id);
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(groupThreads)
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(groupThreads).where(where),
      ]);
      const people = await core.personRefs([...new Set(rows.map((row) => row.authorId))]);
      return toPage(rows, filters.limit, keys, count?.n ?? 0, (row) => presentSummary(row, people));
    },

    getThread,

    async createThread(
      ctx: WriteContext,
      key: string,
      input: { title: string; body: string; notify: string[] },
    ) {
      const authorId = core.requireViewer(ctx.viewer);
      const { threadId, groupId, pending } = await db.transaction(async (tx) => {
        const { group } = await core.openSpace(tx, ctx.viewer, key);
        const mentioned = await mentionsOf(tx, group, authorId, input.body, input.notify);
        const [row] = await tx
          .insert(groupThreads)
          .values({ groupId: group.id, authorId, title: input.title, body: input.body })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group_thread.create',
          entityType: 'group_thread',
          entityId: row!.id,
          after: { ...row, mentioned },
        });
        const pending = await notifications.notify(tx, {
          userIds: mentioned,
          kind: 'group.mention',
          title: row!.title,
          body: excerpt(row!.body),
          link: threadLink(group.id, row!.id),
          email: true,
        });
        return { threadId: row!.id, groupId: group.id, pending };
      });
      await notifications.deliver(pending);
      return getThread(ctx.viewer, groupId, threadId);
    },

    async reply(ctx: WriteContext, key: string, threadId: string, input: { body: string; notify: string[] }) {
      const authorId = core.requireViewer(ctx.viewer);
      const { post, pending } = await db.transaction(async (tx) => {
        const { group } = await core.openSpace(tx, ctx.viewer, key);
        const thread = await getThreadRow(tx, group, threadId, true);
        const mentioned = await mentionsOf(tx, group, authorId, input.body, input.notify);
        const [post] = await tx
          .insert(groupPosts)
          .values({ threadId: thread.id, authorId, body: input.body })
          .returning();
        const now = new Date();
        await tx
          .update(groupThreads)
          .set({ replyCount: sql`${groupThreads.replyCount} + 1`, lastActivityAt: now, updatedAt: now })
          .where(eq(groupThreads.id, thread.id));
        await recordAudit(tx, ctx, {
          action: 'group_post.create',
          entityType: 'group_post',
          entityId: post!.id,
          after: { ...post, groupId: group.id, mentioned },
        });
        const earlier = await tx
          .selectDistinct({ authorId: groupPosts.authorId })
          .from(groupPosts)
          .where(eq(groupPosts.threadId, thread.id));
        const candidates = [thread.authorId, ...earlier.map((row) => row.authorId)].filter(
          (id) => id !== authorId && !mentioned.includes(id),
        );
        const members = await core.membersAmong(tx, group.id, [...new Set(candidates)]);
        const link = threadLink(group.id, thread.id);
        const pending = [
          ...(await notifications.notify(tx, {
            userIds: mentioned,
            kind: 'group.mention',
            title: thread.title,
            body: excerpt(post!.body),
            link,
            email: true,
          })),
          ...(await notifications.notify(tx, {
            userIds: [...members],
            kind: 'group.reply',
            title: thread.title,
            body: excerpt(post!.body),
            link,
          })),
        ] satisfies PendingEmails;
        return { post: { row: post!, groupId: group.id }, pending };
      });
      await notifications.deliver(pending);
      const [presented] = await presentPosts(post.groupId, [post.row]);
      return presented!;
    },
  };
}
