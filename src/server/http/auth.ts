import type { Context } from 'hono';
import { AppError } from '../errors.js';
import { isStaff, type Viewer } from '../modules/access/policy.js';

/** Stops a write unless the caller acts for the secretariat: 401 without credentials, 403 with wrong ones. */
export function requireStaff(c: Context): Viewer {
  const viewer = c.get('viewer') as Viewer;
  if (isStaff(viewer)) return viewer;
  if (c.req.header('authorization'))
    throw new AppError('forbidden', 'These credentials may not change solutions');
  throw new AppError(
    'unauthorized',
    'Send the admin token as "Authorization: Bearer <token>" to change solutions',
  );
}
