import { and, eq, type SQL } from 'drizzle-orm';
import { solutions } from '../../db/schema/index.js';
import { isStaff, type Viewer, visibleWhere } from '../access/policy.js';

/** Solutions a viewer may read: published and visible to them; staff also see drafts and reviews. */
export function readableSolutions(viewer: Viewer): SQL {
  const visible = visibleWhere(viewer, solutions.visibility);
  return isStaff(viewer) ? visible : (and(visible, eq(solutions.status, 'published')) as SQL);
}
