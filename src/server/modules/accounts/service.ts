import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { escapeLike } from '../../db/like.js';
import {
  attempts,
  auditLog,
  invitations,
  sessions,
  settings,
  solutions,
  users,
  verifications,
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

/** A working group as forms and event pages name it. */
export type GroupSummary = { id: string; slug: string; name: string; language: string };
/** What other modules may know of a person: enough to name and email them. */
export type PersonView = {
  id: string;
  name: string;
  email: string;
  organisationId: string | null;
  disabled: boolean;
};

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
  /** The viewer an account acts as: its role, organisation and groups; null if gone or disabled. */
  async function viewerOf(row: UserRow | undefined): Promise<{ viewer: Viewer; user: UserView } | null> {
    if (!row || row.disabledAt) return null;
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

  async function viewerForUser(userId: string) {
    const [row] = await db.select().from(users).where(eq(users.id, userId));
    return viewerOf(row);
  }

  /**
   * The viewer a request acts as, from its session cookie or bearer token. The session already
   * carries the whole user row (role, organisation, 2FA and disabled state), so only the working
   * groups are read.
   */
  async function viewerFor(headers: Headers): Promise<{ viewer: Viewer; user: UserView | null }> {
    const session = await auth.api.getSession({ headers }).catch(() => null);
    if (!session) return { viewer: ANONYMOUS, user: null };
    return (await viewerOf(session.user as unknown as UserRow)) ?? { viewer: ANONYMOUS, user: null };
  }

  /** Accounts the viewer may manage: everyone for staff, their organisation's for an org admin. */
  function manageable(viewer: Viewer): SQL {
    if (isStaff(viewer)) return sql`true`;
    if (viewer.role === 'org_admin' && viewer.organisationId)
      return eq(users.organisationId, viewer.organisationId);
    throw new AppError('forbidden', 'Only organisation admins and the secretariat manage accounts');
  }

  /**
   * Names, emails and organisations of accounts, by id, for modules that show or notify people
   * (working groups, notifications). Disabled accounts are included and marked. Pass the
   * transaction when calling from inside one.
   */
  async function people(ids: string[], tx: DbOrTx = db): Promise<Map<string, PersonView>> {
    if (ids.length === 0) return new Map();
    const rows = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        organisationId: users.organisationId,
        disabledAt: users.disabledAt,
      })
      .from(users)
      .where(inArray(users.id, [...new Set(ids)]));
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          name: row.name,
          email: row.email,
          organisationId: row.organisationId,
          disabled: !!row.disabledAt,
        },
      ]),
    );
  }

  return {
    viewerFor,

    /**
     * The viewer of an account that is not making the request (a calendar feed reads with its
     * owner's rights); null when the account no longer exists or is disabled.
     */
    async viewerForUser(userId: string): Promise<Viewer | null> {
      return (await viewerForUser(userId))?.viewer ?? null;
    },

    /**
     * Working groups (those with the given ids, or all) as id, slug and name in one language, in
     * their numbered order; for membership checks, labels and group choices in forms. Ids that are
     * not uuids are left out. (A small read of the groups' table, shared by events and the library.)
     */
    async groupSummaries(
      ids: readonly string[] | undefined,
      lang: string,
      tx: DbOrTx = db,
    ): Promise<GroupSummary[]> {
      const wanted = ids?.filter((id) => UUID_PATTERN.test(id));
      if (wanted && wanted.length === 0) return [];
      const rows = await tx
        .select({
          id: workingGroups.id,
          slug: workingGroups.slug,
          language: workingGroups.language,
          texts: workingGroups.texts,
        })
        .from(workingGroups)
        .where(wanted ? inArray(workingGroups.id, wanted) : undefined)
        .orderBy(asc(workingGroups.number), asc(workingGroups.slug));
      return rows.map((row) => {
        const language = pickLanguage(row.texts, lang, row.language);
        return { id: row.id, slug: row.slug, name: row.texts[language]?.name ?? row.slug, language };
      });
    },

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

    people,

    /** The account with this email (any case), or null. */
    /**
     * Active accounts of the given organisations, plus those holding one of `roles`: the people a
     * module notifies or lets act for an organisation (matches, digests).
     */
    async userIdsOf(
      filter: { organisationIds?: string[]; roles?: AccountRole[] },
      tx: DbOrTx = db,
    ): Promise<string[]> {
      const parts: SQL[] = [];
      if (filter.organisationIds?.length) parts.push(inArray(users.organisationId, filter.organisationIds));
      if (filter.roles?.length) parts.push(inArray(users.role, filter.roles));
      if (parts.length === 0) return [];
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(isNull(users.disabledAt), or(...parts)));
      return rows.map((row) => row.id);
    },

    async personByEmail(email: string, tx: DbOrTx = db): Promise<PersonView | null> {
      const [row] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = lower(${email})`);
      return row ? ((await people([row.id], tx)).get(row.id) ?? null) : null;
    },

    /** Whether the installation has anyone yet (the first-admin link is printed until it does). */
    async hasAdmin(): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
      return !!row;
    },

    /** Drops what no longer matters: old sign-in attempts, expired sessions and one-time values. */
    async prune() {
      const attemptsGone = await db
        .delete(attempts)
        .where(sql`${attempts.at} < now() - interval '1 day'`)
        .returning({ id: attempts.id });
      const sessionsGone = await db
        .delete(sessions)
        .where(sql`${sessions.expiresAt} < now()`)
        .returning({ id: sessions.id });
      const valuesGone = await db
        .delete(verifications)
        .where(sql`${verifications.expiresAt} < now()`)
        .returning({ id: verifications.id });
      return {
        attempts: attemptsGone.length,
        sessions: sessionsGone.length,
        verifications: valuesGone.length,
      };
    },

    atLeast,
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
