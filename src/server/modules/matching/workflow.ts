import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  type MatchSide,
  type MatchStatus,
  matchEvents,
  matches,
  matchMessages,
} from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { isSignedIn, type Viewer } from '../access/policy.js';
import type { Accounts } from '../accounts/service.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { NotificationsService } from '../notifications/service.js';
import type { MatchParties, MatchPartiesService, MatchRow } from './parties.js';
import type { MatchAction } from './schema.js';
import { allowedActions, type MatchingService, partiesOpen } from './service.js';

type Deps = {
  db: Db;
  parties: MatchPartiesService;
  service: Pick<MatchingService, 'present'>;
  notifications: Pick<NotificationsService, 'notify' | 'deliver'>;
  accounts: Pick<Accounts, 'people'>;
  /** Builds and stores the draft project of an agreed match (the projects module owns it). */
  toProject: (tx: DbOrTx, ctx: WriteContext, match: MatchRow, p: MatchParties) => Promise<{ id: string }>;
};

/** What each action does to the status. */
const NEXT: Record<Exclude<MatchAction, 'message' | 'project'>, MatchStatus> = {
  interest: 'interested',
  accept: 'accepted',
  decline: 'declined',
  agree: 'agreed',
};

/** How a refusal names each step. */
const STEP_NAMES: Record<MatchAction, string> = {
  interest: 'express interest',
  accept: 'accept it',
  decline: 'decline it',
  agree: 'record an agreement',
  project: 'turn it into a project',
  message: 'write',
};

const other = (side: MatchSide): MatchSide => (side === 'need' ? 'candidate' : 'need');

/**
 * Taking a match from suggestion to agreed cooperation: either side expresses interest, the other
 * accepts or declines (with a reason), once accepted either side records the agreement, and an
 * agreed match becomes a draft project. Each change is one transaction with its
 * history entry and audit entry, and notifies the other side in the app and by email.
 */
export function createMatchWorkflow({ db, parties, service, notifications, accounts, toProject }: Deps) {
  /** The match and its parties, if the viewer may see it (locked for a write); 404 otherwise. */
  async function visible(tx: DbOrTx, viewer: Viewer, id: string, lock = false) {
    const query = tx.select().from(matches).where(eq(matches.id, id));
    const [match] = lock ? await query.for('update') : await query;
    if (!match) throw AppError.notFound('Match', id);
    const p = await parties.of(tx, match);
    if (!parties.canSee(viewer, p)) throw AppError.notFound('Match', id);
    return { match, p };
  }

  /** The match, locked, its parties and the side the viewer acts for. */
  async function load(tx: DbOrTx, viewer: Viewer, id: string) {
    if (!isSignedIn(viewer)) throw new AppError('unauthorized', 'Sign in to act on a match');
    const { match, p } = await visible(tx, viewer, id, true);
    return { match, p, side: parties.sideOf(viewer, p) };
  }

  /** A message as its reader sees it. */
  function messageView(row: typeof matchMessages.$inferSelect, author: string | null, viewer: Viewer) {
    return {
      id: row.id,
      side: row.side,
      author,
      mine: row.authorId === viewer.userId,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
    };
  }

  function refuse(match: MatchRow, p: MatchParties, side: MatchSide | null, action: MatchAction): never {
    if (!side)
      throw new AppError('forbidden', 'Only the two sides of a match act on it', [
        { field: 'match', message: 'you act for neither side' },
      ]);
    if (!partiesOpen(p))
      throw new AppError('conflict', 'The need or offer of this match is closed', [
        { field: 'status', message: 'the need or offer is closed' },
      ]);
    if (action === 'accept' && match.status === 'interested' && match.interestSide === side)
      throw new AppError('forbidden', 'The other side accepts the interest you expressed', [
        { field: 'side', message: 'you expressed the interest; the other side accepts' },
      ]);
    throw new AppError('conflict', `This match is ${match.status}: you cannot ${STEP_NAMES[action]} now`, [
      { field: 'status', message: `is ${match.status}` },
    ]);
  }

  /** Notifies the other side (everyone on it but the actor) in the app and by email. */
  async function tell(
    tx: DbOrTx,
    ctx: WriteContext,
    match: MatchRow,
    p: MatchParties,
    side: MatchSide,
    kind: string,
    body: string | null,
  ) {
    const recipients = p.people[other(side)].filter((id) => id !== ctx.viewer.userId);
    const needTitle = p.need.texts[p.need.language]!.title;
    const candidateTitle = p.candidate.row.texts[p.candidate.row.language]!.title;
    return notifications.notify(tx, {
      userIds: recipients,
      kind,
      title: `${needTitle} ↔ ${candidateTitle}`,
      body,
      link: `/matches/${match.id}`,
      email: true,
    });
  }

  async function transition(
    ctx: WriteContext,
    id: string,
    action: Exclude<MatchAction, 'message' | 'project'>,
    note: string | null,
    lang: string,
  ) {
    const { result, pending } = await db.transaction(async (tx) => {
      const { match, p, side } = await load(tx, ctx.viewer, id);
      if (!side || !allowedActions(match, side, partiesOpen(p)).includes(action))
        refuse(match, p, side, action);
      const now = new Date();
      const to = NEXT[action];
      const [after] = await tx
        .update(matches)
        .set({
          status: to,
          updatedAt: now,
          ...(action === 'interest' ? { interestSide: side } : {}),
          ...(action === 'decline' ? { declineReason: note } : {}),
          ...(action === 'agree'
            ? { agreement: { summary: note!, agreedAt: now.toISOString(), agreedBy: ctx.viewer.userId! } }
            : {}),
        })
        .where(eq(matches.id, match.id))
        .returning();
      await tx.insert(matchEvents).values({
        matchId: match.id,
        fromStatus: match.status,
        toStatus: to,
        side,
        actorId: ctx.viewer.userId,
        note,
      });
      await recordAudit(tx, ctx, {
        action: `match.${action}`,
        entityType: 'match',
        entityId: match.id,
        before: { status: match.status },
        after: { status: to, side, ...(note ? { note } : {}) },
      });
      const pending = await tell(tx, ctx, after!, p, side, `match.${action}`, note);
      return { result: { row: after!, p }, pending };
    });
    await notifications.deliver(pending);
    return service.present(ctx.viewer, result.row, result.p, lang);
  }

  return {
    interest: (ctx: WriteContext, id: string, lang: string, note?: string) =>
      transition(ctx, id, 'interest', note ?? null, lang),
    accept: (ctx: WriteContext, id: string, lang: string) => transition(ctx, id, 'accept', null, lang),
    decline: (ctx: WriteContext, id: string, lang: string, reason: string) =>
      transition(ctx, id, 'decline', reason, lang),
    agree: (ctx: WriteContext, id: string, lang: string, summary: string) =>
      transition(ctx, id, 'agree', summary, lang),

    /** Turns an agreed match into a draft project, once; the other side is told. */
    async toProject(ctx: WriteContext, id: string, lang: string) {
      const { result, pending } = await db.transaction(async (tx) => {
        const { match, p, side } = await load(tx, ctx.viewer, id);
        if (!side || !allowedActions(match, side, partiesOpen(p)).includes('project'))
          refuse(match, p, side, 'project');
        const project = await toProject(tx, ctx, match, p);
        const [after] = await tx
          .update(matches)
          .set({ projectId: project.id, updatedAt: new Date() })
          .where(eq(matches.id, match.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'match.project',
          entityType: 'match',
          entityId: match.id,
          before: { projectId: null },
          after: { projectId: project.id, side },
        });
        const pending = await tell(tx, ctx, after!, p, side, 'match.project', null);
        return { result: { row: after!, p }, pending };
      });
      await notifications.deliver(pending);
      return service.present(ctx.viewer, result.row, result.p, lang);
    },

    /** The match with its history, for one of its sides or staff. */
    async detail(viewer: Viewer, id: string, lang: string) {
      const { match, p } = await visible(db, viewer, id);
      const events = await db
        .select()
        .from(matchEvents)
        .where(eq(matchEvents.matchId, id))
        .orderBy(asc(matchEvents.createdAt), asc(matchEvents.id));
      const people = await accounts.people(events.flatMap((e) => (e.actorId ? [e.actorId] : [])));
      const view = await service.present(viewer, match, p, lang);
      return {
        ...view,
        events: events.map((e) => ({
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          side: e.side,
          actor: (e.actorId && people.get(e.actorId)?.name) || null,
          note: e.note,
          at: e.createdAt.toISOString(),
        })),
      };
    },

    /** The thread between the two sides, oldest first. */
    async messages(viewer: Viewer, id: string) {
      await visible(db, viewer, id);
      const rows = await db
        .select()
        .from(matchMessages)
        .where(eq(matchMessages.matchId, id))
        .orderBy(asc(matchMessages.createdAt), asc(matchMessages.id));
      const people = await accounts.people(rows.map((row) => row.authorId));
      return {
        items: rows.map((row) => messageView(row, people.get(row.authorId)?.name ?? null, viewer)),
      };
    },

    /** Posts to the thread as the viewer's side and tells the other side. */
    async post(ctx: WriteContext, id: string, body: string) {
      const { message, pending } = await db.transaction(async (tx) => {
        const { match, p, side } = await load(tx, ctx.viewer, id);
        if (!side) refuse(match, p, side, 'message');
        const [message] = await tx
          .insert(matchMessages)
          .values({ matchId: match.id, authorId: ctx.viewer.userId!, side, body })
          .returning();
        await tx.update(matches).set({ updatedAt: new Date() }).where(eq(matches.id, match.id));
        await recordAudit(tx, ctx, {
          action: 'match.message',
          entityType: 'match',
          entityId: match.id,
          after: { messageId: message!.id, side },
        });
        const excerpt = body.length > 300 ? `${body.slice(0, 299)}…` : body;
        return { message: message!, pending: await tell(tx, ctx, match, p, side, 'match.message', excerpt) };
      });
      await notifications.deliver(pending);
      const author = (await accounts.people([message.authorId])).get(message.authorId)?.name ?? null;
      return messageView(message, author, ctx.viewer);
    },
  };
}

export type MatchWorkflow = ReturnType<typeof createMatchWorkflow>;
