import { and, eq, or, type SQL } from 'drizzle-orm';
import { solutions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { canEdit, isSignedIn, isStaff, scopeOf, type Viewer, visibleWhere } from '../access/policy.js';

/**
 * Solutions a viewer may read: published ones visible to them, plus their own (and, for an org
 * admin, their organisation's) drafts; staff see everything.
 */
export function readableSolutions(viewer: Viewer): SQL {
  if (isStaff(viewer)) return visibleWhere(viewer, scopeOf(solutions));
  const published = and(visibleWhere(viewer, scopeOf(solutions)), eq(solutions.status, 'published')) as SQL;
  if (!isSignedIn(viewer) || !viewer.userId) return published;
  const own = [eq(solutions.ownerId, viewer.userId)];
  if (viewer.role === 'org_admin' && viewer.organisationId)
    own.push(eq(solutions.ownerOrganisationId, viewer.organisationId));
  return or(published, ...own) as SQL;
}

export type SolutionAction = 'create' | 'edit' | 'submit' | 'translate' | 'comment' | 'review';

/**
 * Who may do what: members create drafts, edit and submit their own (an org admin their
 * organisation's) while they are drafts, and translate published solutions; only the secretariat
 * reviews, publishes, archives and restores, and edits at any stage.
 */
export function authoriseSolution(
  viewer: Viewer,
  action: SolutionAction,
  row?: { ownerId: string | null; ownerOrganisationId: string | null; status: string },
): void {
  if (isStaff(viewer)) return;
  if (!isSignedIn(viewer)) throw new AppError('unauthorized', 'Sign in to change solutions');
  const mine = !!row && canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId });
  const allowed =
    action === 'create' ||
    action === 'translate' ||
    ((action === 'edit' || action === 'submit' || action === 'comment') && mine && row?.status === 'draft');
  if (!allowed)
    throw new AppError(
      'forbidden',
      action === 'review'
        ? 'Only the secretariat reviews, publishes and archives solutions'
        : 'You may change only your own drafts',
    );
}

/**
 * How a translation was made, as recorded: staff say so themselves; the author's own is an
 * author translation; anyone else's is a community translation.
 */
export function translationSource(
  viewer: Viewer,
  row: { ownerId: string | null },
  claimed: 'author' | 'editorial' | 'community',
): 'author' | 'editorial' | 'community' {
  if (isStaff(viewer)) return claimed;
  return row.ownerId && row.ownerId === viewer.userId ? 'author' : 'community';
}
