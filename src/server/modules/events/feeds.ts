import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { calendarFeeds, type FeedKind } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { isSignedIn, type Viewer } from '../access/policy.js';
import type { Accounts } from '../accounts/service.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { EventsService } from './service.js';

type FeedRow = typeof calendarFeeds.$inferSelect;

/** What a feed token looks like: 32 random bytes, base64url. Anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The digest stored for a feed token; the token itself is never kept. */
export function feedTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function presentFeed(row: FeedRow) {
  return {
    id: row.id,
    kind: row.kind,
    groupId: row.kind === 'group' ? row.subjectId : null,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
  };
}
export type FeedView = ReturnType<typeof presentFeed>;

type Deps = {
  db: Db;
  accounts: Pick<Accounts, 'viewerForUser' | 'groupSummaries'>;
  events: Pick<EventsService, 'feedCalendar'>;
  baseUrl?: string;
};

/**
 * Secret iCalendar feed addresses. A person has at most one live feed of their own and one per
 * working group they belong to; asking again rotates it (the old address stops working). A feed
 * reads with its owner's current rights, so it follows role and group changes, and answers 404
 * once the owner is disabled or has left the group.
 */
export function createCalendarFeeds({ db, accounts, events, baseUrl = 'http://localhost:3000' }: Deps) {
  const urlOf = (token: string) => `${baseUrl}/api/v1/calendar/feeds/${token}.ics`;

  return {
    /** Creates or rotates the caller's feed; returns its address, which is shown only now. */
    async create(
      ctx: WriteContext,
      input: { kind: FeedKind; groupId?: string; lang: string },
    ): Promise<FeedView & { url: string }> {
      const { viewer } = ctx;
      if (!isSignedIn(viewer) || !viewer.userId)
        throw new AppError('unauthorized', 'Sign in to get a calendar feed');
      const userId = viewer.userId;
      let subjectId = userId;
      if (input.kind === 'group') {
        const groupId = input.groupId ?? '';
        const [group] = await accounts.groupSummaries([groupId], input.lang);
        if (!group)
          throw new AppError('validation_failed', 'Unknown working group', [
            { field: 'body.groupId', message: `unknown working group "${groupId}"` },
          ]);
        if (!viewer.workingGroupIds.includes(group.id))
          throw new AppError('forbidden', 'Only members of a working group get its feed', [
            { field: 'body.groupId', message: 'you are not a member of this working group' },
          ]);
        subjectId = group.id;
      }
      const token = randomBytes(32).toString('base64url');
      return db.transaction(async (tx) => {
        const revoked = await tx
          .update(calendarFeeds)
          .set({ revokedAt: new Date() })
          .where(
            and(
              eq(calendarFeeds.userId, userId),
              eq(calendarFeeds.kind, input.kind),
              eq(calendarFeeds.subjectId, subjectId),
              isNull(calendarFeeds.revokedAt),
            ),
          )
          .returning({ id: calendarFeeds.id });
        const [row] = await tx
          .insert(calendarFeeds)
          .values({
            kind: input.kind,
            subjectId,
            userId,
            language: input.lang,
            tokenHash: feedTokenHash(token),
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: revoked.length ? 'calendar_feed.rotate' : 'calendar_feed.create',
          entityType: 'calendar_feed',
          entityId: row!.id,
          before: revoked.length ? { revoked: revoked.map((r) => r.id) } : null,
          after: presentFeed(row!),
        });
        return { ...presentFeed(row!), url: urlOf(token) };
      });
    },

    /** The caller's live feeds (without their addresses, which are not stored). */
    async list(viewer: Viewer): Promise<FeedView[]> {
      if (!viewer.userId || !isSignedIn(viewer)) return [];
      const rows = await db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.userId, viewer.userId), isNull(calendarFeeds.revokedAt)))
        .orderBy(desc(calendarFeeds.createdAt));
      return rows.map(presentFeed);
    },

    /** Stops one of the caller's feeds. */
    async revoke(ctx: WriteContext, id: string): Promise<void> {
      const userId = ctx.viewer.userId;
      if (!userId || !isSignedIn(ctx.viewer)) throw new AppError('unauthorized', 'Sign in first');
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(calendarFeeds)
          .set({ revokedAt: new Date() })
          .where(
            and(eq(calendarFeeds.id, id), eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)),
          )
          .returning();
        if (!row) throw AppError.notFound('Calendar feed', id);
        await recordAudit(tx, ctx, {
          action: 'calendar_feed.revoke',
          entityType: 'calendar_feed',
          entityId: row.id,
          before: presentFeed({ ...row, revokedAt: null }),
        });
      });
    },

    /**
     * The iCalendar a feed address serves. Unknown, revoked and rotated tokens, disabled owners and
     * owners who left the group all get the same 404, so a token reveals nothing.
     */
    async render(token: string, lang?: string): Promise<string> {
      const notFound = () => new AppError('not_found', 'No such calendar feed');
      if (!TOKEN_PATTERN.test(token)) throw notFound();
      const [feed] = await db
        .select()
        .from(calendarFeeds)
        .where(and(eq(calendarFeeds.tokenHash, feedTokenHash(token)), isNull(calendarFeeds.revokedAt)));
      if (!feed) throw notFound();
      const owner = await accounts.viewerForUser(feed.userId);
      if (!owner) throw notFound();
      const language = lang ?? feed.language;
      if (feed.kind === 'user') return events.feedCalendar(owner, { name: 'Southbridge', lang: language });
      if (!owner.workingGroupIds.includes(feed.subjectId)) throw notFound();
      const [group] = await accounts.groupSummaries([feed.subjectId], language);
      return events.feedCalendar(owner, {
        name: `Southbridge: ${group?.name ?? feed.subjectId}`,
        lang: language,
        workingGroupId: feed.subjectId,
      });
    },
  };
}

export type CalendarFeeds = ReturnType<typeof createCalendarFeeds>;
