import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authPost,
  createAccount,
  signIn,
  TEST_PASSWORD,
  totpCode,
} from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('accounts', () => {
  it('invites a member who signs in and sees their account', async () => {
    const member = await createAccount(t, 'member');
    const me = await t.jsonAs(member, '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(member.email);
    expect(me.body.effectiveRole).toBe('member');
  });

  it('staff sign in with a second factor', async () => {
    const staff = await createAccount(t, 'secretariat');
    expect((await t.jsonAs(staff, '/api/v1/me')).body.effectiveRole).toBe('secretariat');
    const first = await signIn(t, staff.email, TEST_PASSWORD);
    expect(first.status).toBe(200);
    expect(first.body.twoFactorRedirect).toBe(true);
    expect((await t.jsonAs(first.cookie, '/api/v1/me')).status).toBe(401);
    const second = await authPost(
      t,
      '/two-factor/verify-totp',
      { code: totpCode(staff.totpSecret!) },
      first.cookie,
    );
    expect(second.status).toBe(200);
  });
});
