import { and, eq, isNull, sql } from 'drizzle-orm';
import { DEFAULT_LANGUAGE } from '../../../shared/languages.js';
import { getI18n } from '../../../web/i18n.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { notifications } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { Logger } from '../../logger.js';
import type { Email, Mailer } from '../../mail/mailer.js';
import type { Viewer } from '../access/policy.js';
import type { Accounts } from '../accounts/service.js';
import { recordAudit, type WriteContext } from '../audit/service.js';

type Row = typeof notifications.$inferSelect;

/** Longest title and body a notification keeps; longer text is cut with an ellipsis. */
export const NOTIFICATION_TITLE_MAX = 300;
export const NOTIFICATION_BODY_MAX = 1000;

export type NotifyInput = {
  /** Recipients; duplicates are dropped, as are disabled accounts and unknown ids. */
  userIds: string[];
  /** What happened, e.g. `group.mention`; pages label the kinds they know. */
  kind: string;
  title: string;
  body?: string | null;
  /** A site path without the language prefix, e.g. `/groups/<id>/threads/<id>`. */
  link?: string | null;
  /** Also send an email (after the transaction commits, see `deliver`). */
  email?: boolean;
};

/**
 * Emails prepared by `notify` inside a transaction. Send them with `deliver` once the
 * transaction has committed, so a rolled-back write never emails anyone.
 */
export type PendingEmails = Email[];

const keys: SortKey<Row>[] = [
  { expr: notifications.createdAt, cast: 'timestamptz', of: (row) => row.createdAt.toISOString() },
  { expr: notifications.id, cast: 'uuid', of: (row) => row.id },
];

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function presentNotification(row: Row) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    read: !!row.readAt,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type NotificationView = ReturnType<typeof presentNotification>;

type Deps = { db: Db; mailer: Mailer; accounts: Accounts; baseUrl: string; logger?: Logger };

/**
 * In-app notifications for every module, with optional email. A module calls `notify(tx, …)` in
 * the transaction of its write (the rows commit or roll back with it) and `deliver(pending)` after
 * the commit to send the emails through the mailer (SMTP, or held in the outbox).
 */
export function createNotificationsService({ db, mailer, accounts, baseUrl, logger }: Deps) {
  /** The subject and text of a notification email, in English: accounts keep no language yet. */
  function emailFor(input: NotifyInput): { subject: string; text: string } {
    const t = getI18n(DEFAULT_LANGUAGE).t;
    const known = `groups.notifications.kinds.${input.kind.replaceAll('.', '_')}`;
    const label = t(known) === known ? '' : `${t(known)}: `;
    const subject = cut(`${label}${input.title}`, 200);
    const link = input.link ? `${baseUrl}/${DEFAULT_LANGUAGE}${input.link}` : null;
    const text = [
      subject,
      input.body ?? '',
      link ?? '',
      t('groups.mail.footer', { url: `${baseUrl}/${DEFAULT_LANGUAGE}/notifications` }),
    ]
      .filter(Boolean)
      .join('\n\n');
    return { subject, text };
  }

  return {
    /** Inserts one notification per recipient in `tx`; returns the emails to send after commit. */
    async notify(tx: DbOrTx, input: NotifyInput): Promise<PendingEmails> {
      const ids = [...new Set(input.userIds)];
      if (ids.length === 0) return [];
      const people = [...(await accounts.people(ids, tx)).values()].filter((person) => !person.disabled);
      if (people.length === 0) return [];
      const title = cut(input.title, NOTIFICATION_TITLE_MAX);
      const body = input.body ? cut(input.body, NOTIFICATION_BODY_MAX) : null;
      await tx.insert(notifications).values(
        people.map((person) => ({
          userId: person.id,
          kind: input.kind,
          title,
          body,
          link: input.link ?? null,
        })),
      );
      if (!input.email) return [];
      const message = emailFor({ ...input, title, body });
      return people.map((person) => ({ to: person.email, kind: `notification.${input.kind}`, ...message }));
    },

    /** Sends the emails `notify` prepared; a failure is logged and never undoes the write. */
    async deliver(pending: PendingEmails): Promise<void> {
      for (const email of pending) {
        try {
          await mailer.send(email);
        } catch (error) {
          logger?.warn({ err: error, kind: email.kind }, 'notification email not queued');
        }
      }
    },

    /** The viewer's notifications, newest first. */
    async list(viewer: Viewer, filters: { limit: number; cursor?: string; unread?: boolean }) {
      if (!viewer.userId) throw new AppError('unauthorized', 'Sign in to see your notifications');
      const where = and(
        eq(notifications.userId, viewer.userId),
        filters.unread ? isNull(notifications.readAt) : undefined,
      );
      const [rows, [count], [unread]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(notifications).where(where),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt))),
      ]);
      return {
        ...toPage(rows, filters.limit, keys, count?.n ?? 0, presentNotification),
        unread: unread?.n ?? 0,
      };
    },

    /** How many unread notifications the viewer has. */
    async unreadCount(viewer: Viewer): Promise<number> {
      if (!viewer.userId) return 0;
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, viewer.userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },

    /** Marks one of the viewer's notifications read; 404 for anyone else's. */
    async markRead(ctx: WriteContext, id: string): Promise<NotificationView> {
      const userId = ctx.viewer.userId;
      if (!userId) throw new AppError('unauthorized', 'Sign in to see your notifications');
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(notifications)
          .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
          .for('update');
        if (!before) throw AppError.notFound('Notification', id);
        if (before.readAt) return presentNotification(before);
        const [after] = await tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(eq(notifications.id, id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'notification.read',
          entityType: 'notification',
          entityId: id,
          before: { readAt: null },
          after: { readAt: after!.readAt?.toISOString() },
        });
        return presentNotification(after!);
      });
    },

    /** Marks all the viewer's notifications read; returns how many changed. */
    async markAllRead(ctx: WriteContext): Promise<{ updated: number }> {
      const userId = ctx.viewer.userId;
      if (!userId) throw new AppError('unauthorized', 'Sign in to see your notifications');
      return db.transaction(async (tx) => {
        const rows = await tx
          .update(notifications)
          .set({ readAt: new Date() })
          .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
          .returning({ id: notifications.id });
        if (rows.length > 0)
          await recordAudit(tx, ctx, {
            action: 'notification.read_all',
            entityType: 'user',
            entityId: userId,
            after: { updated: rows.length },
          });
        return { updated: rows.length };
      });
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
