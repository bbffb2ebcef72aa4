import * as OTPAuth from 'otpauth';
import { type AccountRole, SYSTEM } from '../../src/server/modules/access/policy.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export type TestAccount = {
  userId: string;
  email: string;
  password: string;
  role: AccountRole;
  /** The Cookie header of a signed-in session. */
  cookie: string;
  /** The TOTP secret, when two-factor authentication is on. */
  totpSecret?: string;
  backupCodes?: string[];
};

let counter = 0;

/** The current TOTP code for a secret, computed independently of the server's library. */
export function totpCode(secret: string, at = Date.now()): string {
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 }).generate({
    timestamp: at,
  });
}

/** The cookies a response sets, as a Cookie header value (merged over `previous`). */
export function cookiesFrom(response: Response, previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)] as const),
  );
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    const name = pair!.slice(0, pair!.indexOf('='));
    const value = pair!.slice(pair!.indexOf('=') + 1);
    if (/max-age=0/i.test(header) || value === '') jar.delete(name);
    else jar.set(name, value);
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

let address = 0;
/** A fresh client address, so tests that sign many people in stay under the per-address limits. */
export function nextAddress(): string {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
}

/** POSTs JSON to the auth API the way a browser on the site would, from `ip` (a fresh address by default). */
export async function authPost(t: TestApp, path: string, body: unknown, cookie = '', ip = nextAddress()) {
  const response = await t.request(`/api/auth${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      origin: 'http://localhost:3000',
      'x-forwarded-for': ip,
      ...(cookie ? { cookie } : {}),
    },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, response };
}

/** Signs in with email and password; returns the session cookie (or the 2FA challenge). */
export async function signIn(t: TestApp, email: string, password: string, ip?: string) {
  const result = await authPost(t, '/sign-in/email', { email, password }, '', ip);
  return { ...result, cookie: cookiesFrom(result.response) };
}

/** Turns on TOTP for a signed-in account: enable with the password, then confirm a code. */
export async function enrolTwoFactor(t: TestApp, cookie: string, password: string) {
  const enabled = await authPost(t, '/two-factor/enable', { password }, cookie);
  if (enabled.status !== 200) throw new Error(`2FA enable failed: ${JSON.stringify(enabled.body)}`);
  const secret = new URL(enabled.body.totpURI).searchParams.get('secret')!;
  const verified = await authPost(t, '/two-factor/verify-totp', { code: totpCode(secret) }, cookie);
  if (verified.status !== 200) throw new Error(`2FA verify failed: ${JSON.stringify(verified.body)}`);
  return {
    secret,
    backupCodes: enabled.body.backupCodes as string[],
    cookie: cookiesFrom(verified.response, cookie),
  };
}

/**
 * An account of the given role, invited, accepted and signed in. Staff get two-factor
 * authentication, as the platform requires it of them before their role takes effect.
 */
export async function createAccount(
  t: TestApp,
  role: AccountRole,
  options: { organisationId?: string | null; email?: string; name?: string; twoFactor?: boolean } = {},
): Promise<TestAccount> {
  counter += 1;
  const email = options.email ?? `${role}-${counter}-${Date.now()}@example.org`;
  const organisationId =
    options.organisationId !== undefined
      ? options.organisationId
      : role === 'member' || role === 'org_admin'
        ? await anyOrganisationId(t)
        : null;
  const { url } = await t.services.invitations.invite({ viewer: SYSTEM }, { email, role, organisationId });
  const token = url.split('/').pop()!;
  const { userId } = await t.services.invitations.accept(
    token,
    { name: options.name ?? `Test ${role} ${counter}`, password: TEST_PASSWORD },
    { viewer: SYSTEM },
  );
  const session = await signIn(t, email, TEST_PASSWORD);
  if (session.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(session.body)}`);
  const account: TestAccount = { userId, email, password: TEST_PASSWORD, role, cookie: session.cookie };
  const wantsTwoFactor = options.twoFactor ?? (role === 'secretariat' || role === 'admin');
  if (wantsTwoFactor) {
    const enrolled = await enrolTwoFactor(t, session.cookie, TEST_PASSWORD);
    account.cookie = enrolled.cookie;
    account.totpSecret = enrolled.secret;
    account.backupCodes = enrolled.backupCodes;
  }
  return account;
}

async function anyOrganisationId(t: TestApp): Promise<string> {
  const page = await t.services.organisations.list(SYSTEM, { limit: 1 } as never);
  const id = page.items[0]?.id;
  if (!id) throw new Error('no organisation to attach a focal point to');
  return id;
}
