import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { authAccounts, invitations, users } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Mailer } from '../../mail/mailer.js';
import { type AccountRole, atLeast, isStaff } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import { hashPassword } from './auth.js';
import { createLockout } from './lockout.js';
import { accountEmail } from './messages.js';

/** An invitation link works for a week; the first-admin link for a day. */
export const INVITATION_DAYS = 7;
const FIRST_ADMIN_HOURS = 24;
/** Invitations one person may send in an hour, so an account cannot be used to spam. */
const INVITES_PER_HOUR = 50;

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export type InvitationInput = {
  email: string;
  role: AccountRole;
  organisationId?: string | null;
  language?: string;
};

type Deps = { db: Db; mailer: Mailer; baseUrl: string };

/** Invitation-only onboarding: invite, inspect, accept; and the one-time first-admin link. */
export function createInvitations({ db, mailer, baseUrl }: Deps) {
  const lockout = createLockout(db);
  const linkFor = (token: string, language = 'en') => `${baseUrl}/${language}/invitation/${token}`;

  /** Which roles the inviter may hand out, and for which organisation. */
  function authorise(ctx: WriteContext, input: InvitationInput) {
    const { viewer } = ctx;
    if (isStaff(viewer)) {
      if (input.role === 'admin' && viewer.role !== 'admin')
        throw new AppError('forbidden', 'Only an admin may invite another admin', [
          { field: 'role', message: 'Only an admin may invite another admin' },
        ]);
      return;
    }
    if (viewer.role !== 'org_admin')
      throw new AppError('forbidden', 'Only organisation admins and the secretariat invite people');
    if (input.role !== 'member' && input.role !== 'org_admin')
      throw new AppError('forbidden', 'An organisation admin invites members and organisation admins', [
        { field: 'role', message: 'Choose member or org_admin' },
      ]);
    if (input.organisationId && input.organisationId !== viewer.organisationId)
      throw new AppError('forbidden', 'You may invite people to your own organisation only', [
        { field: 'organisationId', message: 'Must be your own organisation' },
      ]);
  }

  async function emailTaken(tx: Db | Tx, email: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, email.toLowerCase()));
    return !!row;
  }

  return {
    linkFor,

    /** Invites a focal point by email; the link expires after INVITATION_DAYS. */
    async invite(ctx: WriteContext, input: InvitationInput) {
      authorise(ctx, input);
      const organisationId =
        ctx.viewer.role === 'org_admin' ? ctx.viewer.organisationId : (input.organisationId ?? null);
      if ((input.role === 'member' || input.role === 'org_admin') && !organisationId)
        throw new AppError('validation_failed', 'A focal point belongs to an organisation', [
          { field: 'organisationId', message: 'Choose the organisation this person represents' },
        ]);
      const inviter = ctx.viewer.userId ?? 'system';
      if ((await lockout.countSince('invite', inviter, 60)) >= INVITES_PER_HOUR)
        throw new AppError('rate_limited', 'Too many invitations sent; try again later');
      const email = input.email.trim().toLowerCase();
      if (await emailTaken(db, email))
        throw new AppError('conflict', 'Someone with this email already has an account', [
          { field: 'email', message: 'Already has an account' },
        ]);
      const token = newToken();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(invitations)
          .values({
            tokenHash: digest(token),
            email,
            role: input.role,
            organisationId,
            invitedBy: inviter,
            expiresAt,
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'invitation.create',
          entityType: 'invitation',
          entityId: created!.id,
          after: { email, role: input.role, organisationId, expiresAt },
        });
        return created!;
      });
      await lockout.record('invite', inviter, true);
      const url = linkFor(token, input.language);
      await mailer.send({
        to: email,
        kind: 'invitation',
        ...accountEmail('invitation', input.language, { url, days: INVITATION_DAYS }),
      });
      return { invitation: present(row), url };
    },

    /** The invitation a link carries, if it can still be used; 404/410 otherwise. */
    async inspect(token: string) {
      return present(await usable(db, token));
    },

    /**
     * Creates the account an invitation is for, with the chosen password, and marks the
     * invitation used. Wrong tokens count towards a lockout of the caller's address.
     */
    async accept(
      token: string,
      input: { name: string; password: string; email?: string },
      ctx: WriteContext,
    ) {
      const throttleKey = `ip:${ctx.ip ?? 'unknown'}`;
      const minutes = await lockout.lockedFor('invitation', throttleKey);
      if (minutes > 0)
        throw new AppError(
          'rate_limited',
          `Too many invalid invitation links; try again in ${minutes} minute(s)`,
        );
      try {
        return await db.transaction(async (tx) => {
          const invitation = await usable(tx, token, true);
          const email = (invitation.email ?? input.email ?? '').trim().toLowerCase();
          if (!email)
            throw new AppError('validation_failed', 'Enter your email address', [
              { field: 'email', message: 'Required' },
            ]);
          if (await emailTaken(tx, email))
            throw new AppError('conflict', 'Someone with this email already has an account', [
              { field: 'email', message: 'Already has an account' },
            ]);
          const userId = randomUUID();
          await tx.insert(users).values({
            id: userId,
            name: input.name.trim(),
            email,
            emailVerified: true,
            role: invitation.role,
            organisationId: invitation.organisationId,
          });
          await tx.insert(authAccounts).values({
            id: randomUUID(),
            accountId: userId,
            providerId: 'credential',
            userId,
            password: await hashPassword(input.password),
          });
          await tx
            .update(invitations)
            .set({ acceptedAt: new Date(), userId })
            .where(eq(invitations.id, invitation.id));
          const actor = { ...ctx, viewer: { ...ctx.viewer, userId } };
          await recordAudit(tx, actor, {
            action: 'user.create',
            entityType: 'user',
            entityId: userId,
            after: { email, role: invitation.role, organisationId: invitation.organisationId },
          });
          await recordAudit(tx, actor, {
            action: 'invitation.accept',
            entityType: 'invitation',
            entityId: invitation.id,
          });
          return { userId, email };
        });
      } catch (error) {
        if (AppError.is(error) && (error.code === 'not_found' || error.code === 'gone'))
          await lockout.record('invitation', throttleKey, false);
        throw error;
      }
    },

    /** Invitations the viewer may see: their organisation's, or all for staff. */
    async list(ctx: WriteContext) {
      const { viewer } = ctx;
      if (!atLeast(viewer, 'org_admin'))
        throw new AppError('forbidden', 'Only organisation admins see invitations');
      const rows = await db
        .select()
        .from(invitations)
        .where(
          isStaff(viewer)
            ? sql`${invitations.email} IS NOT NULL`
            : eq(invitations.organisationId, viewer.organisationId ?? '00000000-0000-0000-0000-000000000000'),
        )
        .orderBy(desc(invitations.createdAt))
        .limit(500);
      return rows.map(present);
    },

    /** Withdraws an unused invitation. */
    async revoke(ctx: WriteContext, id: string) {
      return db.transaction(async (tx) => {
        const [row] = await tx.select().from(invitations).where(eq(invitations.id, id));
        const { viewer } = ctx;
        const allowed =
          row &&
          (isStaff(viewer) || (viewer.role === 'org_admin' && row.organisationId === viewer.organisationId));
        if (!row || !allowed) throw new AppError('not_found', 'No such invitation');
        if (row.acceptedAt) throw new AppError('conflict', 'This invitation has already been used');
        const [updated] = await tx
          .update(invitations)
          .set({ revokedAt: new Date() })
          .where(eq(invitations.id, id))
          .returning();
        await recordAudit(tx, ctx, { action: 'invitation.revoke', entityType: 'invitation', entityId: id });
        return present(updated!);
      });
    },

    /**
     * On an installation without an admin: a fresh one-time link that creates the first admin
     * (earlier unused ones stop working). Returns null once an admin exists.
     */
    async firstAdminLink(): Promise<string | null> {
      const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
      if (admin) return null;
      const token = newToken();
      await db.transaction(async (tx) => {
        await tx
          .update(invitations)
          .set({ revokedAt: new Date() })
          .where(
            and(isNull(invitations.email), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
          );
        await tx.insert(invitations).values({
          tokenHash: digest(token),
          email: null,
          role: 'admin',
          invitedBy: 'system',
          expiresAt: new Date(Date.now() + FIRST_ADMIN_HOURS * 3_600_000),
        });
      });
      return linkFor(token);
    },
  };

  async function usable(tx: Db | Tx, token: string, forUpdate = false) {
    const query = tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, digest(token)));
    const [row] = forUpdate ? await query.for('update') : await query;
    if (!row) throw new AppError('not_found', 'This invitation link is not valid');
    if (row.acceptedAt) throw new AppError('gone', 'This invitation has already been used');
    if (row.revokedAt) throw new AppError('gone', 'This invitation has been withdrawn');
    if (row.expiresAt.getTime() < Date.now())
      throw new AppError('gone', 'This invitation has expired; ask for a new one');
    return row;
  }
}

function present(row: typeof invitations.$inferSelect) {
  const status: 'accepted' | 'revoked' | 'expired' | 'pending' = row.acceptedAt
    ? 'accepted'
    : row.revokedAt
      ? 'revoked'
      : row.expiresAt.getTime() < Date.now()
        ? 'expired'
        : 'pending';
  return {
    id: row.id,
    email: row.email,
    role: row.role as AccountRole,
    organisationId: row.organisationId,
    invitedBy: row.invitedBy,
    status,
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

export type Invitations = ReturnType<typeof createInvitations>;
export type InvitationView = ReturnType<typeof present>;
