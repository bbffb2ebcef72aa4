import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authPost,
  cookiesFrom,
  createAccount,
  enrolTwoFactor,
  nextAddress,
  signIn,
  TEST_PASSWORD,
  totpCode,
} from '../../../../tests/support/accounts.js';
import { startSmtpCatcher } from '../../../../tests/support/smtp.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { rowsOf } from '../../db/client.js';
import { invitations } from '../../db/schema/index.js';
import { SYSTEM } from '../access/policy.js';

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let orgA: string;
let orgB: string;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  t = await createTestApp({ smtpUrl: smtp.url });
  const orgs = await t.services.organisations.list(SYSTEM, { limit: 2 } as never);
  [orgA, orgB] = orgs.items.map((o) => o.id) as [string, string];
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const linkIn = (text: string) => text.match(/https?:\/\/\S+/)![0];
const tokenOf = (url: string) => url.split('/').pop()!;

async function count(table: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)),
  );
  return row!.n;
}

async function auditActions(entityId?: string): Promise<string[]> {
  const rows = rowsOf<{ action: string }>(
    await t.database.db.execute(
      entityId
        ? sql`SELECT action FROM audit_log WHERE entity_id = ${entityId} OR actor = ${entityId} ORDER BY id`
        : sql`SELECT action FROM audit_log ORDER BY id`,
    ),
  );
  return rows.map((r) => r.action);
}

describe(`invitations (${engineName})`, () => {
  it('an org admin invites a focal point, who gets the link by email and creates the account', async () => {
    const orgAdmin = await createAccount(t, 'org_admin', { organisationId: orgA });
    const email = `focal-${Date.now()}@example.org`;
    const sent = await t.send(
      'POST',
      '/api/v1/invitations',
      { email, role: 'member', language: 'fr' },
      orgAdmin,
    );
    expect(sent.status).toBe(201);
    expect(sent.body.organisationId).toBe(orgA);
    expect(sent.body.status).toBe('pending');

    const mail = await smtp.waitFor(email);
    expect(mail.subject).toMatch(/Southbridge/);
    const url = linkIn(mail.text);
    expect(url).toContain('/fr/invitation/');
    const token = tokenOf(url);

    const seen = await t.json(`/api/v1/invitations/by-token/${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body.email).toBe(email);

    const accepted = await t.send(
      'POST',
      `/api/v1/invitations/by-token/${token}/accept`,
      { name: 'Nguyễn Thị Lan', password: TEST_PASSWORD },
      null,
    );
    expect(accepted.status).toBe(201);
    const session = await signIn(t, email, TEST_PASSWORD);
    expect(session.status).toBe(200);
    const me = await t.jsonAs(session.cookie, '/api/v1/me');
    expect(me.body.user).toMatchObject({ email, role: 'member', organisationId: orgA });
    expect(await auditActions(accepted.body.userId)).toEqual(
      expect.arrayContaining(['user.create', 'invitation.accept', 'auth.sign_in']),
    );
  });

  it('keeps an org admin to members of their own organisation', async () => {
    const orgAdmin = await createAccount(t, 'org_admin', { organisationId: orgA });
    const other = await t.send(
      'POST',
      '/api/v1/invitations',
      { email: 'x@example.org', role: 'member', organisationId: orgB },
      orgAdmin,
    );
    expect(other.status).toBe(403);
    expect(other.body.errors[0].field).toBe('organisationId');
    const staffRole = await t.send(
      'POST',
      '/api/v1/invitations',
      { email: 'y@example.org', role: 'secretariat' },
      orgAdmin,
    );
    expect(staffRole.status).toBe(403);
    const member = await createAccount(t, 'member', { organisationId: orgA });
    expect((await t.send('POST', '/api/v1/invitations', { email: 'z@example.org' }, member)).status).toBe(
      403,
    );
  });

  it('refuses an expired, a used and an unknown link, creating nothing', async () => {
    const email = `late-${Date.now()}@example.org`;
    const { url } = await t.services.invitations.invite(
      { viewer: SYSTEM },
      { email, role: 'member', organisationId: orgA },
    );
    await t.database.db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(sql`${invitations.email} = ${email}`);
    const users = await count('users');
    const expired = await t.send(
      'POST',
      `/api/v1/invitations/by-token/${tokenOf(url)}/accept`,
      { name: 'Late', password: TEST_PASSWORD },
      null,
    );
    expect(expired.status).toBe(410);
    expect(expired.body.detail).toMatch(/expired/);
    expect(await count('users')).toBe(users);

    const fresh = await t.services.invitations.invite(
      { viewer: SYSTEM },
      { email: `twice-${Date.now()}@example.org`, role: 'member', organisationId: orgA },
    );
    const accept = () =>
      t.send(
        'POST',
        `/api/v1/invitations/by-token/${tokenOf(fresh.url)}/accept`,
        { name: 'Twice', password: TEST_PASSWORD },
        null,
      );
    expect((await accept()).status).toBe(201);
    const replay = await accept();
    expect(replay.status).toBe(410);
    expect(replay.body.detail).toMatch(/already been used/);

    const unknown = await t.json(`/api/v1/invitations/by-token/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
  });

  it('names the fields of a bad acceptance and of a bad invitation', async () => {
    const { url } = await t.services.invitations.invite(
      { viewer: SYSTEM },
      { email: `short-${Date.now()}@example.org`, role: 'member', organisationId: orgA },
    );
    const bad = await t.send(
      'POST',
      `/api/v1/invitations/by-token/${tokenOf(url)}/accept`,
      { name: '', password: 'short' },
      null,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.name',
      'body.password',
    ]);
    const invite = await t.send('POST', '/api/v1/invitations', { email: 'not-an-email', role: 'emperor' });
    expect(invite.status).toBe(422);
    expect(invite.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.email',
      'body.role',
    ]);
  });

  it('locks out an address that keeps trying invalid links', async () => {
    const ip = nextAddress();
    const tryToken = () =>
      t.request(`/api/v1/invitations/by-token/${'y'.repeat(43)}/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ name: 'Guess', password: TEST_PASSWORD }),
      });
    for (let i = 0; i < 5; i++) expect((await tryToken()).status).toBe(404);
    expect((await tryToken()).status).toBe(429);
  });

  it('creates the first admin from a one-time link while no admin exists', async () => {
    const fresh = await createTestApp({ demo: false });
    try {
      const link = await fresh.services.invitations.firstAdminLink();
      expect(link).toMatch(/\/en\/invitation\//);
      const newer = await fresh.services.invitations.firstAdminLink();
      const stale = await fresh.json(`/api/v1/invitations/by-token/${tokenOf(link!)}`);
      expect(stale.status).toBe(410); // a newer link replaces it
      const created = await fresh.send(
        'POST',
        `/api/v1/invitations/by-token/${tokenOf(newer!)}/accept`,
        { name: 'First Admin', password: TEST_PASSWORD, email: 'root@example.org' },
        null,
      );
      expect(created.status).toBe(201);
      expect(await fresh.services.invitations.firstAdminLink()).toBeNull();
    } finally {
      await fresh.close();
    }
  });
});

describe(`two-factor authentication (${engineName})`, () => {
  it('enrols with a real TOTP code, then asks for a code at every sign-in', async () => {
    const member = await createAccount(t, 'member', { twoFactor: false });
    const enrolled = await enrolTwoFactor(t, member.cookie, TEST_PASSWORD);
    expect(enrolled.backupCodes).toHaveLength(10);

    const first = await signIn(t, member.email, TEST_PASSWORD);
    expect(first.body.twoFactorRedirect).toBe(true);
    expect((await t.jsonAs(first.cookie, '/api/v1/me')).status).toBe(401);

    const wrong = await authPost(t, '/two-factor/verify-totp', { code: '000000' }, first.cookie);
    expect(wrong.status).toBe(401);
    const right = await authPost(
      t,
      '/two-factor/verify-totp',
      { code: totpCode(enrolled.secret) },
      first.cookie,
    );
    expect(right.status).toBe(200);
    const cookie = cookiesFrom(right.response, first.cookie);
    expect((await t.jsonAs(cookie, '/api/v1/me')).body.user.twoFactorEnabled).toBe(true);
    expect(await auditActions(member.userId)).toEqual(
      expect.arrayContaining(['auth.two_factor_enable', 'auth.sign_in']),
    );
    expect(await auditActions()).toContain('auth.two_factor_failed');
  });

  it('accepts each backup code once', async () => {
    const member = await createAccount(t, 'member', { twoFactor: true });
    const code = member.backupCodes![0]!;
    const first = await signIn(t, member.email, TEST_PASSWORD);
    const used = await authPost(t, '/two-factor/verify-backup-code', { code }, first.cookie);
    expect(used.status).toBe(200);
    const again = await signIn(t, member.email, TEST_PASSWORD);
    const replay = await authPost(t, '/two-factor/verify-backup-code', { code }, again.cookie);
    expect(replay.status).toBe(401);
  });

  it('gives staff their role only once two-factor is on', async () => {
    const staff = await createAccount(t, 'secretariat', { twoFactor: false });
    const me = await t.jsonAs(staff, '/api/v1/me');
    expect(me.body).toMatchObject({ effectiveRole: 'member', needsTwoFactor: true });
    const audit = await t.jsonAs(staff, '/api/v1/audit');
    expect(audit.status).toBe(403);
    expect(audit.body.detail).toMatch(/two-factor/);
    const enrolled = await enrolTwoFactor(t, staff.cookie, TEST_PASSWORD);
    expect((await t.jsonAs(enrolled.cookie, '/api/v1/audit')).status).toBe(200);
  });
});

describe(`password reset over email (${engineName})`, () => {
  it('sends a link by SMTP that resets the password once and signs out every session', async () => {
    const member = await createAccount(t, 'member');
    const requested = await authPost(t, '/request-password-reset?lang=es', {
      email: member.email,
      redirectTo: '/es/reset-password',
    });
    expect(requested.status).toBe(200);
    const mail = await smtp.waitFor(member.email, /contraseña|password/i);
    const link = new URL(linkIn(mail.text));
    const landing = await t.request(link.pathname + link.search);
    expect(landing.status).toBe(302);
    const token = new URL(landing.headers.get('location')!, 'http://localhost').searchParams.get('token')!;
    expect(token).toBeTruthy();

    const newPassword = 'a brand new passphrase 2026';
    expect((await authPost(t, '/reset-password', { token, newPassword })).status).toBe(200);
    expect((await t.jsonAs(member, '/api/v1/me')).status).toBe(401);
    expect((await signIn(t, member.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(t, member.email, newPassword)).status).toBe(200);

    const replay = await authPost(t, '/reset-password', { token, newPassword: 'yet another passphrase' });
    expect(replay.status).toBe(400);
    expect((await signIn(t, member.email, newPassword)).status).toBe(200);
    expect(await auditActions()).toContain('auth.password_reset');
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = smtp.received.length;
    const requested = await authPost(t, '/request-password-reset', { email: 'nobody@example.org' });
    expect(requested.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.received.length).toBe(before);
  });
});

describe(`lockout and rate limits (${engineName})`, () => {
  it('locks an account after five failed sign-ins, even for the right password', async () => {
    const member = await createAccount(t, 'member');
    for (let i = 0; i < 5; i++)
      expect((await signIn(t, member.email, 'wrong password 123')).status).toBe(401);
    const locked = await signIn(t, member.email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    const failures = (await auditActions()).filter((a) => a === 'auth.sign_in_failed');
    expect(failures.length).toBeGreaterThanOrEqual(5);
  });

  it('limits sign-in attempts from one address', async () => {
    const ip = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await signIn(t, `someone-${i}@example.org`, 'not the password', ip)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('limits password-reset requests from one address', async () => {
    const ip = nextAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push(
        (await authPost(t, '/request-password-reset', { email: `r${i}@example.org` }, '', ip)).status,
      );
    expect(statuses.slice(0, 5).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe(`sessions (${engineName})`, () => {
  it('lists active sessions and signs out of all of them', async () => {
    const member = await createAccount(t, 'member');
    const second = await signIn(t, member.email, TEST_PASSWORD);
    const list = await t.jsonAs(member, '/api/auth/list-sessions');
    expect(list.status).toBe(200);
    expect(list.body.length).toBe(2);
    expect((await authPost(t, '/revoke-sessions', {}, second.cookie)).status).toBe(200);
    expect((await t.jsonAs(member, '/api/v1/me')).status).toBe(401);
    expect((await t.jsonAs(second.cookie, '/api/v1/me')).status).toBe(401);
  });

  it('works with a bearer token for API clients', async () => {
    const member = await createAccount(t, 'member');
    const session = await signIn(t, member.email, TEST_PASSWORD);
    const token = session.response.headers.get('set-auth-token');
    expect(token).toBeTruthy();
    const me = await t.request('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });

  it('sets HttpOnly SameSite cookies', async () => {
    const member = await createAccount(t, 'member');
    const session = await signIn(t, member.email, TEST_PASSWORD);
    const cookie = session.response.headers.getSetCookie().find((c) => c.startsWith('sb.session_token'));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Secure/i);
  });
});

describe(`roles and removal (${engineName})`, () => {
  it('lets an admin change a role, records it, and keeps the secretariat from granting admin', async () => {
    const admin = await createAccount(t, 'admin');
    const staff = await t.staff();
    const member = await createAccount(t, 'member');
    const promoted = await t.send('PATCH', `/api/v1/users/${member.userId}`, { role: 'org_admin' }, admin);
    expect(promoted.status).toBe(200);
    expect(promoted.body.role).toBe('org_admin');
    expect(await auditActions(member.userId)).toContain('user.role_change');
    const refused = await t.send('PATCH', `/api/v1/users/${member.userId}`, { role: 'admin' }, staff);
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].field).toBe('role');
  });

  it('lets an org admin disable their own focal point, which ends their sessions', async () => {
    const orgAdmin = await createAccount(t, 'org_admin', { organisationId: orgA });
    const mine = await createAccount(t, 'member', { organisationId: orgA });
    const theirs = await createAccount(t, 'member', { organisationId: orgB });
    expect(
      (await t.send('PATCH', `/api/v1/users/${theirs.userId}`, { disabled: true }, orgAdmin)).status,
    ).toBe(404);
    expect((await t.send('PATCH', `/api/v1/users/${mine.userId}`, { role: 'admin' }, orgAdmin)).status).toBe(
      403,
    );
    const disabled = await t.send('PATCH', `/api/v1/users/${mine.userId}`, { disabled: true }, orgAdmin);
    expect(disabled.status).toBe(200);
    expect((await t.jsonAs(mine, '/api/v1/me')).status).toBe(401);
    const again = await signIn(t, mine.email, TEST_PASSWORD);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('ACCOUNT_DISABLED');
  });
});

describe(`audit log and own data (${engineName})`, () => {
  it('lets staff filter and export the log; members and visitors may not', async () => {
    const member = await createAccount(t, 'member');
    const page = await t.jsonAs(await t.staff(), '/api/v1/audit?action=auth.&limit=5');
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBe(5);
    expect(page.body.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    expect(page.body.nextCursor).toBeTruthy();
    const csv = await t.request('/api/v1/audit/export?format=csv&action=user.create', {
      headers: { cookie: (await t.staff()).cookie },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\n')[0]).toContain('action');
    expect(text).toContain('user.create');
    expect((await t.jsonAs(member, '/api/v1/audit')).status).toBe(403);
    expect((await t.jsonAs(null, '/api/v1/audit')).status).toBe(401);
    expect((await t.jsonAs(await t.staff(), '/api/v1/audit?from=yesterday')).status).toBe(400);
  });

  it('records the IP address and request id of each entry', async () => {
    const signIns = await t.jsonAs(await t.staff(), '/api/v1/audit?action=auth.sign_in&limit=1');
    expect(signIns.body.items[0].ip).toMatch(/^10\./);
    expect(signIns.body.items[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives every user their own data as JSON', async () => {
    const member = await createAccount(t, 'member');
    const group = (await t.jsonAs(member, '/api/v1/groups?limit=1')).body.items[0];
    expect((await t.send('POST', `/api/v1/groups/${group.id}/members`, {}, member)).status).toBeLessThan(300);
    const thread = await t.send(
      'POST',
      `/api/v1/groups/${group.id}/threads`,
      { title: 'My own thread', body: 'Written by me' },
      member,
    );
    expect(thread.status).toBe(201);
    const response = await t.request('/api/v1/me/export', { headers: { cookie: member.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const data = await response.json();
    expect(data.account.email).toBe(member.email);
    for (const part of ['profile', 'groups', 'notifications', 'library', 'sessions', 'workingGroups'])
      expect(data).toHaveProperty(part);
    expect(data.groups.threads.map((t: { title: string }) => t.title)).toEqual(['My own thread']);
    expect(data.workingGroups.map((g: { groupId: string }) => g.groupId)).toContain(group.id);
    expect(data.activity.map((a: { action: string }) => a.action)).toContain('auth.sign_in');
    expect(JSON.stringify(data)).not.toContain('password');
    expect((await t.jsonAs(null, '/api/v1/me/export')).status).toBe(401);
  });
});
