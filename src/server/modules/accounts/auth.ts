import { hash, verify } from '@node-rs/argon2';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { bearer } from 'better-auth/plugins/bearer';
import { twoFactor } from 'better-auth/plugins/two-factor';
import { eq, sql } from 'drizzle-orm';
import { MIN_PASSWORD_LENGTH } from '../../../shared/accounts.js';
import type { Db } from '../../db/client.js';
import {
  authAccounts,
  rateLimits,
  sessions,
  twoFactors,
  users,
  verifications,
} from '../../db/schema/index.js';
import type { Mailer } from '../../mail/mailer.js';
import { ANONYMOUS } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import { createLockout } from './lockout.js';
import { accountEmail } from './messages.js';

/** The header the server sets (replacing any client value) with the caller's address. */
export const CLIENT_IP_HEADER = 'x-southbridge-client-ip';

export { MIN_PASSWORD_LENGTH };

/** argon2id with the OWASP-recommended minimum cost (19 MiB, 2 passes, 1 lane). */
const ARGON2 = { algorithm: 2 /* Algorithm.Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export function verifyPassword({ hash: stored, password }: { hash: string; password: string }) {
  return verify(stored, password).catch(() => false);
}

export type AuthOptions = {
  db: Db;
  baseUrl: string;
  secret: string;
  mailer: Mailer;
  /** Per-IP request limits; on by default, tests of other features may relax them. */
  rateLimit?: boolean;
};

/**
 * Per-IP limits on the endpoints people could abuse: guessing passwords or codes, and sending
 * mail to others. Windows are in seconds. Lockout per account (lockout.ts) sits on top.
 */
const RATE_RULES = {
  '/sign-in/email': { window: 60, max: 10 },
  '/request-password-reset': { window: 300, max: 5 },
  '/reset-password': { window: 300, max: 10 },
  '/two-factor/verify-totp': { window: 60, max: 10 },
  '/two-factor/verify-backup-code': { window: 60, max: 10 },
} as const;

const SESSION_DAYS = 7;

/** better-auth configured for Southbridge: invitation-only email/password, argon2id, TOTP 2FA. */
export function createAuth({ db, baseUrl, secret, mailer, rateLimit = true }: AuthOptions) {
  const lockout = createLockout(db);
  const contextOf = (request: Request | undefined, userId: string | null): WriteContext => ({
    viewer: { ...ANONYMOUS, userId },
    ip: request?.headers.get(CLIENT_IP_HEADER) ?? undefined,
    requestId: request?.headers.get('x-request-id') ?? undefined,
  });
  const audit = (request: Request | undefined, userId: string | null, action: string, after?: unknown) =>
    recordAudit(db, contextOf(request, userId), {
      action,
      entityType: 'user',
      entityId: userId ?? 'unknown',
      after,
    });

  const auth = betterAuth({
    appName: 'Southbridge',
    baseURL: baseUrl,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: {
        user: users,
        session: sessions,
        account: authAccounts,
        verification: verifications,
        twoFactor: twoFactors,
        rateLimit: rateLimits,
      },
    }),
    user: {
      additionalFields: {
        role: { type: 'string', required: false, defaultValue: 'member', input: false },
        organisationId: { type: 'string', required: false, input: false },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 256,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      async sendResetPassword({ user, url }, request) {
        const language = new URL(request?.url ?? baseUrl).searchParams.get('lang');
        await mailer.send({
          to: user.email,
          kind: 'password-reset',
          ...accountEmail('reset', language, { url }),
        });
      },
    },
    session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    rateLimit: { enabled: rateLimit, storage: 'database', window: 60, max: 300, customRules: RATE_RULES },
    advanced: {
      cookiePrefix: 'sb',
      useSecureCookies: baseUrl.startsWith('https:'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure: secureCookies(baseUrl) },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
    plugins: [twoFactor({ issuer: 'Southbridge', backupCodeOptions: { amount: 10 } }), bearer()],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase();
        if (!email) return;
        const minutes = await lockout.lockedFor('sign-in', email);
        if (minutes > 0)
          throw new APIError('TOO_MANY_REQUESTS', {
            code: 'ACCOUNT_LOCKED',
            message: `Too many failed sign-ins for this account; try again in ${minutes} minute(s)`,
          });
        const [user] = await db
          .select({ disabledAt: users.disabledAt })
          .from(users)
          .where(eq(sql`lower(${users.email})`, email));
        if (user?.disabledAt)
          throw new APIError('FORBIDDEN', { code: 'ACCOUNT_DISABLED', message: 'This account is disabled' });
      }),
      after: createAuthMiddleware(async (ctx) => {
        const failed = ctx.context.returned instanceof Error;
        const request = ctx.request;
        const session = ctx.context.newSession ?? ctx.context.session;
        const userId = session?.user.id ?? null;
        switch (ctx.path) {
          case '/sign-in/email': {
            const email = String((ctx.body as { email?: unknown } | undefined)?.email ?? '');
            const returned = ctx.context.returned as { twoFactorRedirect?: boolean } | Error | undefined;
            const locked =
              failed && (returned as { body?: { code?: string } }).body?.code === 'ACCOUNT_LOCKED';
            if (!locked) await lockout.record('sign-in', email, !failed);
            if (failed) await audit(request, null, 'auth.sign_in_failed', { email });
            else if (!(returned as { twoFactorRedirect?: boolean })?.twoFactorRedirect)
              await audit(request, userId, 'auth.sign_in');
            else await audit(request, null, 'auth.sign_in_password_ok', { email });
            return;
          }
          case '/two-factor/verify-totp':
          case '/two-factor/verify-backup-code':
            await audit(request, userId, failed ? 'auth.two_factor_failed' : 'auth.sign_in', {
              method: ctx.path.endsWith('totp') ? 'totp' : 'backup-code',
            });
            return;
          case '/two-factor/enable':
          case '/two-factor/disable':
          case '/two-factor/generate-backup-codes':
            if (!failed) await audit(request, userId, `auth.${ctx.path.slice(1).replaceAll(/[/-]/g, '_')}`);
            return;
          case '/reset-password':
            await audit(request, null, failed ? 'auth.password_reset_failed' : 'auth.password_reset');
            return;
          case '/change-password':
            if (!failed) await audit(request, userId, 'auth.password_changed');
            return;
          case '/revoke-sessions':
          case '/revoke-other-sessions':
          case '/revoke-session':
          case '/sign-out':
            if (!failed) await audit(request, userId, `auth.${ctx.path.slice(1).replaceAll('-', '_')}`);
            return;
        }
      }),
    },
  });
  return auth;
}

/** Cookies are Secure on https; browsers also accept Secure cookies from http://localhost. */
function secureCookies(baseUrl: string): boolean {
  const url = new URL(baseUrl);
  return url.protocol === 'https:' || url.hostname === 'localhost';
}

export type Auth = ReturnType<typeof createAuth>;
