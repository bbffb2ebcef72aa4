import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import type { Db } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import {
  auditLog,
  invitations,
  sessions,
  settings,
  solutions,
  users,
  workingGroupMembers,
  workingGroups,
} from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { type AccountRole, ANONYMOUS, atLeast, isStaff, type Viewer } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { Auth } from './auth.js';

type UserRow = typeof users.$inferSelect;

/** What the API and pages show of an account. */
export function presentUser(row: UserRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as AccountRole,
    organisationId: row.organisationId,
    twoFactorEnabled: row.twoFactorEnabled,
    disabled: !!row.disabledAt,
    createdAt: row.createdAt.toISOString(),
  };
}
export type UserView = ReturnType<typeof presentUser>;

/** The session-signing secret: AUTH_SECRET when set, else one generated once and kept in the database. */
export async function authSecret(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  const generated = randomBytes(32).toString('base64url');
  await db.insert(settings).values({ key: 'auth_secret', value: generated }).onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'auth_secret'));
  return row!.value;
}

/** Staff must use two-factor authentication; until they enrol they act with member rights. */
export function requiresTwoFactor(role: string): boolean {
  return role === 'secretariat' || role === 'admin';
}

type Deps = { db: Db; auth: Auth };

/** Accounts: who a request acts as, and managing people (roles, removal, own data). */
export function createAccounts({ db, auth }: Deps) {
  /** The viewer a request acts as, from its session cookie or bearer token. */
  async function viewerFor(headers: Headers): Promise<{ viewer: Viewer; user: UserView | null }> {
    const session = await auth.api.getSession({ headers }).catch(() => null);
    if (!session) return { viewer: ANONYMOUS, user: null };
    const [row] = await db.select().from(users).where(eq(users.id, session.user.id));
    if (!row || row.disabledAt) return { viewer: ANONYMOUS, user: null };
    const groups = await db
      .select({ id: workingGroupMembers.groupId })
      .from(workingGroupMembers)
      .where(eq(workingGroupMembers.userId, row.id));
    const needsTwoFactor = requiresTwoFactor(row.role) && !row.twoFactorEnabled;
    const viewer: Viewer = {
      userId: row.id,
      role: needsTwoFactor ? 'member' : (row.role as AccountRole),
      organisationId: row.organisationId,
      workingGroupIds: groups.map((g) => g.id),
      ...(needsTwoFactor ? { needsTwoFactor } : {}),
    };
    return { viewer, user: presentUser(row) };
  }

  /** Accounts the viewer may manage: everyone for staff, their organisation's for an org admin. */
  function manageable(viewer: Viewer): SQL {
    if (isStaff(viewer)) return sql`true`;
    if (viewer.role === 'org_admin' && viewer.organisationId)
      return eq(users.organisationId, viewer.organisationId);
    throw new AppError('forbidden', 'Only organisation admins and the secretariat manage accounts');
  }

  return {
    viewerFor,

    async list(viewer: Viewer, filters: { q?: string; role?: string; organisationId?: string } = {}) {
      const parts: (SQL | undefined)[] = [manageable(viewer)];
      if (filters.q) {
        const pattern = `%${escapeLike(filters.q)}%`;
        parts.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
      }
      if (filters.role) parts.push(eq(users.role, filters.role));
      if (filters.organisationId) parts.push(eq(users.organisationId, filters.organisationId));
      const rows = await db
        .select()
        .from(users)
        .where(and(...parts))
        .orderBy(asc(users.name))
        .limit(1000);
      return rows.map(presentUser);
    },

    /**
     * Changes a role, organisation or disabled state. Admins change anything; the secretariat
     * anything but admin rights; an org admin only disables or restores their own focal points.
     * Disabling signs the person out everywhere.
     */
    async update(
      ctx: WriteContext,
      id: string,
      patch: { role?: AccountRole; organisationId?: string | null; disabled?: boolean },
    ) {
      const { viewer } = ctx;
      return db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(users)
          .where(and(eq(users.id, id), manageable(viewer)));
        if (!before) throw new AppError('not_found', 'No such account');
        const touchesAdmin = patch.role === 'admin' || before.role === 'admin';
        if (patch.role !== undefined || patch.organisationId !== undefined) {
          if (!isStaff(viewer))
            throw new AppError('forbidden', 'Only the secretariat changes roles and organisations');
          if (touchesAdmin && viewer.role !== 'admin')
            throw new AppError('forbidden', 'Only an admin grants or removes admin rights', [
              { field: 'role', message: 'Only an admin grants or removes admin rights' },
            ]);
        }
        if (id === viewer.userId && (patch.disabled || (patch.role && patch.role !== before.role)))
          throw new AppError('conflict', 'You cannot change your own role or disable yourself');
        const [after] = await tx
          .update(users)
          .set({
            ...(patch.role !== undefined ? { role: patch.role } : {}),
            ...(patch.organisationId !== undefined ? { organisationId: patch.organisationId } : {}),
            ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? new Date() : null } : {}),
            updatedAt: new Date(),
          })
          .where(eq(users.id, id))
          .returning();
        if (patch.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
        const action =
          patch.role !== undefined && patch.role !== before.role
            ? 'user.role_change'
            : patch.disabled !== undefined
              ? patch.disabled
                ? 'user.disable'
                : 'user.enable'
              : 'user.update';
        await recordAudit(tx, ctx, {
          action,
          entityType: 'user',
          entityId: id,
          before: presentUser(before),
          after: presentUser(after!),
        });
        return presentUser(after!);
      });
    },

    /** Everything the platform holds about the viewer, for download as JSON. */
    async exportOwnData(viewer: Viewer) {
      if (!viewer.userId) throw new AppError('unauthorized', 'Sign in to download your data');
      const id = viewer.userId;
      const [user] = await db.select().from(users).where(eq(users.id, id));
      if (!user) throw new AppError('not_found', 'No such account');
      const [ownSessions, groups, activity, invited, authored] = await Promise.all([
        db
          .select({
            createdAt: sessions.createdAt,
            expiresAt: sessions.expiresAt,
            ipAddress: sessions.ipAddress,
            userAgent: sessions.userAgent,
          })
          .from(sessions)
          .where(eq(sessions.userId, id)),
        db.select().from(workingGroupMembers).where(eq(workingGroupMembers.userId, id)),
        db.select().from(auditLog).where(eq(auditLog.actor, id)).orderBy(desc(auditLog.at)).limit(10_000),
        db
          .select({ email: invitations.email, role: invitations.role, createdAt: invitations.createdAt })
          .from(invitations)
          .where(eq(invitations.invitedBy, id)),
        db
          .select({
            id: solutions.id,
            slug: solutions.slug,
            status: solutions.status,
            texts: solutions.texts,
          })
          .from(solutions)
          .where(eq(solutions.ownerId, id)),
      ]);
      return {
        exportedAt: new Date().toISOString(),
        account: presentUser(user),
        sessions: ownSessions,
        workingGroups: groups,
        invitationsSent: invited,
        solutions: authored,
        activity,
      };
    },

    /**
     * The working groups (all, or those with the given ids) as id and name in one language, by
     * number; for forms and labels elsewhere (membership itself is in `viewerFor`).
     */
    async workingGroupNames(lang: string, ids?: string[]): Promise<Array<{ id: string; name: string }>> {
      if (ids && ids.length === 0) return [];
      const rows = await db
        .select({ id: workingGroups.id, texts: workingGroups.texts, language: workingGroups.language })
        .from(workingGroups)
        .where(ids ? inArray(workingGroups.id, ids) : undefined)
        .orderBy(asc(workingGroups.number), asc(workingGroups.slug));
      return rows.map((row) => ({
        id: row.id,
        name: row.texts[pickLanguage(row.texts, lang, row.language)]?.name ?? row.id,
      }));
    },

    /** Whether the installation has anyone yet (the first-admin link is printed until it does). */
    async hasAdmin(): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
      return !!row;
    },

    atLeast,
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
