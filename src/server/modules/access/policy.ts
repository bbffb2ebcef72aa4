import { and, eq, inArray, or, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Visibility } from '../../db/schema/content.js';

export const ROLES = ['visitor', 'member', 'org_admin', 'secretariat', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export { ACCOUNT_ROLES, type AccountRole } from '../../../shared/accounts.js';

/** Who is asking: the signed-in person, their organisation and working groups, or a visitor. */
export type Viewer = {
  userId: string | null;
  role: Role;
  organisationId: string | null;
  workingGroupIds: string[];
  /** Staff who have not enrolled two-factor authentication act as members until they do. */
  needsTwoFactor?: boolean;
};

export const ANONYMOUS: Viewer = { userId: null, role: 'visitor', organisationId: null, workingGroupIds: [] };

/** The acting identity of work done by operators from the command line or at start-up. */
export const SYSTEM: Viewer = { userId: 'system', role: 'admin', organisationId: null, workingGroupIds: [] };

const RANK: Record<Role, number> = { visitor: 0, member: 1, org_admin: 2, secretariat: 3, admin: 4 };

/** True when the viewer holds `role` or a stronger one. */
export function atLeast(viewer: Viewer, role: Role): boolean {
  return RANK[viewer.role] >= RANK[role];
}

/** True for the staff roles that see and manage every record. */
export function isStaff(viewer: Viewer): boolean {
  return viewer.role === 'secretariat' || viewer.role === 'admin';
}

export function isSignedIn(viewer: Viewer): boolean {
  return viewer.userId !== null && viewer.role !== 'visitor';
}

/**
 * The columns that decide who may read a record. `organisation` is the organisation an
 * `organization` record is shared with, `workingGroup` the group of a `working_group` record and
 * `owner` the author of a `private` one. A table without a column never matches that level.
 */
export type ScopeColumns = {
  visibility: SQLWrapper;
  owner?: SQLWrapper;
  organisation?: SQLWrapper;
  workingGroup?: SQLWrapper;
};

/** The same, for one record already in hand. */
export type RecordScope = {
  visibility: Visibility;
  ownerId?: string | null;
  organisationId?: string | null;
  workingGroupId?: string | null;
};

/**
 * The SQL condition every list, detail, search, export and feed query adds, so a query only
 * returns what the viewer may read. This and `canRead` are the one place the rule lives.
 */
export function visibleWhere(viewer: Viewer, columns: ScopeColumns | SQLWrapper): SQL {
  const scope: ScopeColumns = 'visibility' in columns ? columns : { visibility: columns };
  if (isStaff(viewer)) return sql`true`;
  if (!isSignedIn(viewer)) return eq(scope.visibility as never, 'public');
  const parts: (SQL | undefined)[] = [inArray(scope.visibility as never, ['public', 'members'])];
  if (scope.organisation && viewer.organisationId)
    parts.push(
      and(
        eq(scope.visibility as never, 'organization'),
        eq(scope.organisation as never, viewer.organisationId),
      ),
    );
  if (scope.workingGroup && viewer.workingGroupIds.length)
    parts.push(
      and(
        eq(scope.visibility as never, 'working_group'),
        inArray(scope.workingGroup as never, viewer.workingGroupIds),
      ),
    );
  if (scope.owner && viewer.userId)
    parts.push(and(eq(scope.visibility as never, 'private'), eq(scope.owner as never, viewer.userId)));
  return or(...parts) as SQL;
}

/** Whether one record is readable; the same rule as `visibleWhere`. */
export function canRead(viewer: Viewer, record: RecordScope): boolean {
  if (isStaff(viewer)) return true;
  if (record.visibility === 'public') return true;
  if (!isSignedIn(viewer)) return false;
  switch (record.visibility) {
    case 'members':
      return true;
    case 'organization':
      return !!viewer.organisationId && record.organisationId === viewer.organisationId;
    case 'working_group':
      return !!record.workingGroupId && viewer.workingGroupIds.includes(record.workingGroupId);
    case 'private':
      return !!viewer.userId && record.ownerId === viewer.userId;
  }
}

/**
 * Whether the viewer may change a record: staff always; its author; and the admin of the
 * organisation that owns it.
 */
export function canEdit(
  viewer: Viewer,
  record: { ownerId?: string | null; organisationId?: string | null },
): boolean {
  if (isStaff(viewer)) return true;
  if (!isSignedIn(viewer)) return false;
  if (record.ownerId && record.ownerId === viewer.userId) return true;
  return (
    viewer.role === 'org_admin' && !!record.organisationId && record.organisationId === viewer.organisationId
  );
}

/** The scope columns of a table built with `contentColumns()`. */
export function scopeOf(table: {
  visibility: SQLWrapper;
  ownerId: SQLWrapper;
  ownerOrganisationId: SQLWrapper;
  workingGroupId: SQLWrapper;
}): ScopeColumns {
  return {
    visibility: table.visibility,
    owner: table.ownerId,
    organisation: table.ownerOrganisationId,
    workingGroup: table.workingGroupId,
  };
}
