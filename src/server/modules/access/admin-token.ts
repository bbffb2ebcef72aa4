import { createHash, timingSafeEqual } from 'node:crypto';
import { readCookie } from '../../i18n/negotiate.js';
import { ANONYMOUS, type Viewer } from './policy.js';

/**
 * The temporary write gate until accounts exist: a request that carries the configured
 * ADMIN_TOKEN (as a Bearer header, or the sign-in cookie set by the web form) acts as the
 * secretariat. Everything else is an anonymous visitor. Swap this module out for sessions.
 */
export const ADMIN_COOKIE = 'sb_admin';

const TOKEN_VIEWER: Viewer = {
  userId: 'admin-token',
  role: 'admin',
  organisationId: null,
  workingGroupIds: [],
};

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The cookie value for a signed-in browser: a digest, so the token itself is never stored. */
export function adminCookieValue(token: string): string {
  return digest(`cookie:${token}`).toString('base64url');
}

function same(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** True when a token typed into the sign-in form is the configured one. */
export function isAdminToken(candidate: string, adminToken: string | undefined): boolean {
  return !!adminToken && same(digest(candidate), digest(adminToken));
}

/** Who a request acts as, from its Authorization header or sign-in cookie. */
export function viewerFromRequest(
  headers: { authorization?: string; cookie?: string },
  adminToken?: string,
): Viewer {
  if (!adminToken) return ANONYMOUS;
  const bearer = headers.authorization?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer && isAdminToken(bearer, adminToken)) return TOKEN_VIEWER;
  const cookie = readCookie(headers.cookie, ADMIN_COOKIE);
  if (cookie && same(Buffer.from(cookie), Buffer.from(adminCookieValue(adminToken)))) return TOKEN_VIEWER;
  return ANONYMOUS;
}
