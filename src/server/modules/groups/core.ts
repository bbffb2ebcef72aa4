import { and, eq, inArray } from 'drizzle-orm';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { type GroupRole, workingGroupMembers, workingGroups } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { isSignedIn, isStaff, type Viewer, visibleWhere } from '../access/policy.js';
import type { Accounts } from '../accounts/service.js';
import type { NotificationsService } from '../notifications/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';

export type GroupRow = typeof workingGroups.$inferSelect;

export type GroupDeps = {
  db: Db;
  accounts: Accounts;
  organisations: OrganisationsService;
  reference: ReferenceService;
  notifications: NotificationsService;
};

/** Who reads a group: its own visibility, with the group itself as the `working_group` scope. */
export const groupScope = {
  visibility: workingGroups.visibility,
  owner: workingGroups.ownerId,
  organisation: workingGroups.ownerOrganisationId,
  workingGroup: workingGroups.id,
};

/** The viewer's place in a group's space. */
export type Space = { group: GroupRow; role: GroupRole | null; staff: boolean };

/** Roles that lead a group: they manage members and edit any action or priority. */
export function leads(role: GroupRole | null): boolean {
  return role === 'chair' || role === 'vice_chair';
}

/**
 * Membership checks shared by the group, thread, action and priority services. The space of a
 * group (threads, actions, priorities) is for its members and staff only; everyone else gets the
 * same 404 as for a group that does not exist, so ids reveal nothing.
 */
export function createGroupCore(deps: GroupDeps) {
  const { db } = deps;

  function requireViewer(viewer: Viewer): string {
    if (!isSignedIn(viewer) || !viewer.userId)
      throw new AppError('unauthorized', 'Sign in first: working groups are for members');
    return viewer.userId;
  }

  /** A group the viewer may see, by id or slug; 404 otherwise. Locks it with `forUpdate`. */
  async function findGroup(tx: DbOrTx, viewer: Viewer, key: string, forUpdate = false): Promise<GroupRow> {
    requireViewer(viewer);
    const query = tx
      .select()
      .from(workingGroups)
      .where(
        and(
          visibleWhere(viewer, groupScope),
          UUID_PATTERN.test(key) ? eq(workingGroups.id, key) : eq(workingGroups.slug, key),
        ),
      );
    const [row] = forUpdate ? await query.for('update') : await query;
    if (!row) throw AppError.notFound('Working group', key);
    return row;
  }

  async function roleOf(tx: DbOrTx, groupId: string, userId: string): Promise<GroupRole | null> {
    const [row] = await tx
      .select({ role: workingGroupMembers.role })
      .from(workingGroupMembers)
      .where(and(eq(workingGroupMembers.groupId, groupId), eq(workingGroupMembers.userId, userId)));
    return row?.role ?? null;
  }

  /** The group's space for a member or staff; 404 for anyone else. */
  async function openSpace(tx: DbOrTx, viewer: Viewer, key: string): Promise<Space> {
    const userId = requireViewer(viewer);
    const group = await findGroup(tx, viewer, key).catch((error) => {
      throw AppError.is(error) && error.code === 'not_found' ? spaceNotFound(key) : error;
    });
    const role = await roleOf(tx, group.id, userId);
    const staff = isStaff(viewer);
    if (!role && !staff) throw spaceNotFound(key);
    return { group, role, staff };
  }

  /** Which of these users are members of the group now. */
  async function membersAmong(tx: DbOrTx, groupId: string, userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await tx
      .select({ userId: workingGroupMembers.userId })
      .from(workingGroupMembers)
      .where(and(eq(workingGroupMembers.groupId, groupId), inArray(workingGroupMembers.userId, userIds)));
    return new Set(rows.map((row) => row.userId));
  }

  /** `{id, name}` of people, in the given order; unknown ids are shown by id. */
  async function personRefs(
    ids: string[],
    tx: DbOrTx = db,
  ): Promise<Map<string, { id: string; name: string }>> {
    const people = await deps.accounts.people(ids, tx);
    return new Map(ids.map((id) => [id, { id, name: people.get(id)?.name ?? id }]));
  }

  return { requireViewer, findGroup, roleOf, openSpace, membersAmong, personRefs };
}

export type GroupCore = ReturnType<typeof createGroupCore>;

/** The 404 for a group space the viewer is not part of (or that does not exist). */
export function spaceNotFound(key: string): AppError {
  return new AppError('not_found', `Working group "${key}" does not exist or you are not a member of it`);
}
