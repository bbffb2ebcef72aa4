import { redirect } from 'react-router';
import { atLeast, isSignedIn, type Role, type Viewer } from '../server/modules/access/policy';
import { CLIENT_IP_HEADER } from '../server/modules/accounts/auth';
import type { WebContext } from './context';

export type AuthResult = { status: number; body: Record<string, unknown> | null; setCookies: string[] };

/**
 * Calls a better-auth endpoint on behalf of a page's form post, through the same HTTP handler
 * the API uses, so its rate limits, lockout and audit hooks apply to the web pages too.
 */
export async function callAuth(
  context: WebContext,
  request: Request,
  path: string,
  body?: Record<string, unknown>,
  method: 'GET' | 'POST' = 'POST',
): Promise<AuthResult> {
  const url = new URL(`/api/auth${path}`, request.url);
  const headers = new Headers({ origin: url.origin, [CLIENT_IP_HEADER]: context.clientIp });
  const cookie = request.headers.get('cookie');
  if (cookie) headers.set('cookie', cookie);
  const userAgent = request.headers.get('user-agent');
  if (userAgent) headers.set('user-agent', userAgent);
  if (body) headers.set('content-type', 'application/json');
  const response = await context.services.auth.handler(
    new Request(url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) }),
  );
  const text = await response.text();
  let parsed: Record<string, unknown> | null = null;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  } catch {
    parsed = null;
  }
  return { status: response.status, body: parsed, setCookies: response.headers.getSetCookie() };
}

/** Response headers that pass the auth cookies on to the browser. */
export function cookieHeaders(result: AuthResult): Headers {
  const headers = new Headers();
  for (const cookie of result.setCookies) headers.append('set-cookie', cookie);
  return headers;
}

/** Only same-site paths are followed after signing in. */
export function nextPath(request: Request, fallback: string): string {
  const next = new URL(request.url).searchParams.get('next') ?? '';
  return next.startsWith('/') && !next.startsWith('//') ? next : fallback;
}

/** Sends a visitor to the sign-in page (coming back here afterwards); 403 for a weaker role. */
export function requirePageRole(viewer: Viewer, role: Role, lang: string, request: Request): void {
  if (!isSignedIn(viewer)) {
    const back = new URL(request.url);
    throw redirect(`/${lang}/sign-in?next=${encodeURIComponent(back.pathname + back.search)}`);
  }
  if (viewer.needsTwoFactor && !atLeast(viewer, role)) throw redirect(`/${lang}/account?enrol=1`);
  if (!atLeast(viewer, role)) throw new Response('Forbidden', { status: 403 });
}
