import { type AnyColumn, inArray, type SQL } from 'drizzle-orm';
import type { Visibility } from '../../db/schema/content.js';

export const ROLES = ['visitor', 'member', 'org_admin', 'secretariat', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is asking. Until accounts exist every request is an anonymous visitor. */
export type Viewer = {
  userId: string | null;
  role: Role;
  organisationId: string | null;
  workingGroupIds: string[];
};

export const ANONYMOUS: Viewer = { userId: null, role: 'visitor', organisationId: null, workingGroupIds: [] };

/** True for the staff roles that see every record. */
export function isStaff(viewer: Viewer): boolean {
  return viewer.role === 'secretariat' || viewer.role === 'admin';
}

/** The visibility levels a viewer can read without record-specific checks. */
export function readableVisibilities(viewer: Viewer): Visibility[] {
  if (isStaff(viewer)) return ['public', 'members', 'organization', 'working_group', 'private'];
  if (viewer.role === 'visitor') return ['public'];
  return ['public', 'members'];
}

/**
 * The SQL condition a list or detail query adds so it only returns what the viewer may read.
 * Organisation-, working-group- and author-scoped records join in with the accounts work.
 */
export function visibleWhere(viewer: Viewer, visibility: AnyColumn): SQL {
  return inArray(visibility, readableVisibilities(viewer));
}

/** Whether one record is readable, for callers holding a row rather than a query. */
export function canRead(viewer: Viewer, record: { visibility: Visibility }): boolean {
  return readableVisibilities(viewer).includes(record.visibility);
}
