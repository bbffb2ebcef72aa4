import type { BrowserContext } from 'playwright-core';
import type { AccountRole } from '../../src/server/modules/access/policy.js';
import { cookiesFrom, TEST_PASSWORD, totpCode } from './accounts.js';
import type { RunningServer } from './server.js';
import type { startSmtpCatcher } from './smtp.js';

export type E2eAccount = {
  userId: string;
  email: string;
  name: string;
  password: string;
  role: AccountRole;
  cookie: string;
  totpSecret?: string;
};

type Smtp = Awaited<ReturnType<typeof startSmtpCatcher>>;

let counter = 0;

/**
 * Accounts in a running server, made the way people make them: the first admin from the
 * one-time link the server prints, everyone else invited by that admin, with the invitation
 * read from the email the test SMTP server received.
 */
export async function e2eAccounts(server: RunningServer, smtp: Smtp) {
  const origin = server.url;
  const post = async (path: string, body: unknown, cookie = '') => {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, response };
  };

  async function signIn(email: string, password: string): Promise<string> {
    const result = await post('/api/auth/sign-in/email', { email, password });
    if (result.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(result.body)}`);
    return cookiesFrom(result.response);
  }

  async function enrol(cookie: string, password: string) {
    const enabled = await post('/api/auth/two-factor/enable', { password }, cookie);
    if (enabled.status !== 200) throw new Error(`2FA enable failed: ${JSON.stringify(enabled.body)}`);
    const secret = new URL(enabled.body.totpURI).searchParams.get('secret')!;
    const verified = await post('/api/auth/two-factor/verify-totp', { code: totpCode(secret) }, cookie);
    if (verified.status !== 200) throw new Error(`2FA verify failed: ${JSON.stringify(verified.body)}`);
    return { secret, cookie: cookiesFrom(verified.response, cookie) };
  }

  async function accept(token: string, name: string, email?: string) {
    const accepted = await post(`/api/v1/invitations/by-token/${token}/accept`, {
      name,
      password: TEST_PASSWORD,
      ...(email ? { email } : {}),
    });
    if (accepted.status !== 201) throw new Error(`accept failed: ${JSON.stringify(accepted.body)}`);
    return accepted.body as { userId: string; email: string };
  }

  // The first admin, from the link printed on first start.
  const deadline = Date.now() + 10_000;
  const printedLink = () => server.output().match(/https?:\/\/\S+\/invitation\/(\S+)/)?.[1];
  while (!printedLink()) {
    if (Date.now() > deadline) throw new Error(`no first-admin link printed:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const link = printedLink()!;
  const adminEmail = 'first-admin@example.org';
  const adminCreated = await accept(link, 'First Admin', adminEmail);
  const adminEnrolled = await enrol(await signIn(adminEmail, TEST_PASSWORD), TEST_PASSWORD);
  const admin: E2eAccount = {
    userId: adminCreated.userId,
    email: adminEmail,
    name: 'First Admin',
    password: TEST_PASSWORD,
    role: 'admin',
    cookie: adminEnrolled.cookie,
    totpSecret: adminEnrolled.secret,
  };

  return {
    admin,
    post,
    signIn,
    /** Invites an account as the admin, reads the email, accepts it and signs in (staff also enrol 2FA). */
    async create(
      role: AccountRole,
      options: { organisationId?: string; name?: string; twoFactor?: boolean } = {},
    ): Promise<E2eAccount> {
      counter += 1;
      const email = `${role}-${counter}-${Date.now()}@example.org`;
      const name = options.name ?? `Test ${role.replace('_', ' ')} ${counter}`;
      const invited = await post(
        '/api/v1/invitations',
        { email, role, ...(options.organisationId ? { organisationId: options.organisationId } : {}) },
        admin.cookie,
      );
      if (invited.status !== 201) throw new Error(`invite failed: ${JSON.stringify(invited.body)}`);
      const mail = await smtp.waitFor(email);
      const token = mail.text.match(/\/invitation\/(\S+)/)![1]!;
      const { userId } = await accept(token, name);
      let cookie = await signIn(email, TEST_PASSWORD);
      let totpSecret: string | undefined;
      if (options.twoFactor ?? (role === 'secretariat' || role === 'admin')) {
        const enrolled = await enrol(cookie, TEST_PASSWORD);
        cookie = enrolled.cookie;
        totpSecret = enrolled.secret;
      }
      return {
        userId,
        email,
        name,
        password: TEST_PASSWORD,
        role,
        cookie,
        ...(totpSecret ? { totpSecret } : {}),
      };
    },
    /** Puts an account's session cookies into a browser, as if it had signed in there. */
    async signInBrowser(context: BrowserContext, account: E2eAccount) {
      await context.addCookies(
        account.cookie.split('; ').map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: origin };
        }),
      );
    },
  };
}

export type E2eAccounts = Awaited<ReturnType<typeof e2eAccounts>>;
