import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../errors.js';
import { atLeast, isSignedIn, type Role, type Viewer } from '../modules/access/policy.js';
import type { WriteContext } from '../modules/audit/service.js';

/** 401 for a visitor: the route needs a signed-in account. */
export function requireSignedIn(c: Context): Viewer {
  const viewer = c.get('viewer') as Viewer;
  if (!isSignedIn(viewer))
    throw new AppError(
      'unauthorized',
      'Sign in first: send the session cookie or "Authorization: Bearer <token>"',
    );
  return viewer;
}

/** 401 for a visitor, 403 for an account below `role` (staff without 2FA count as members). */
export function requireRole(c: Context, role: Role): Viewer {
  const viewer = requireSignedIn(c);
  if (atLeast(viewer, role)) return viewer;
  if (viewer.needsTwoFactor)
    throw new AppError(
      'forbidden',
      'Your role requires two-factor authentication: enable it on your account page',
    );
  throw new AppError('forbidden', `This needs the ${role} role`);
}

/** Stops a write unless the caller acts for the secretariat. */
export function requireStaff(c: Context): Viewer {
  return requireRole(c, 'secretariat');
}

/** The acting identity and request details every service write records in the audit log. */
export function writeContext(c: Context): WriteContext {
  return { viewer: c.get('viewer') as Viewer, requestId: c.get('requestId'), ip: c.get('clientIp') };
}

/**
 * Route middleware that stops callers below `role` before the body is even validated, so a
 * visitor always gets 401 and a weaker account 403, whatever it sent. Declared on each route
 * with `middleware: [guard('member')]`; the authorization matrix test checks every route.
 */
export function guard(role: Role): MiddlewareHandler {
  return async (c, next) => {
    requireRole(c, role);
    await next();
  };
}
