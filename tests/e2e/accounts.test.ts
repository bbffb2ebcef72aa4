import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, totpCode } from '../support/accounts.js';
import {
  axeViolations,
  type BrowserContext,
  findChromium,
  launchBrowser,
  type Page,
} from '../support/browser.js';
import { type E2eAccounts, e2eAccounts } from '../support/e2e-accounts.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { startSmtpCatcher } from '../support/smtp.js';

const hasBrowser = !!findChromium();
if (process.env.CI && !hasBrowser)
  throw new Error('CI=true but Chromium is missing: e2e tests must not be skipped');

let server: RunningServer;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let accounts: E2eAccounts;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  accounts = await e2eAccounts(server, smtp);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.stop();
  await smtp?.close();
  if (server) removeDir(server.dataDir);
});

async function browser() {
  const context = await launchBrowser();
  contexts.push(context);
  return context;
}

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`)).toEqual([]);
}

describe.skipIf(!hasBrowser)('signing in', () => {
  it('signs the secretariat in with a password and a TOTP code', async () => {
    const staff = await accounts.create('secretariat');
    const page = await (await browser()).newPage();
    await page.goto(`${server.url}/en/admin/audit`);
    expect(new URL(page.url()).pathname).toBe('/en/sign-in');
    await expectNoAxeViolations(page);

    await page.getByLabel('Email address').fill(staff.email);
    await page.getByLabel('Password').fill('not the right password');
    await page.locator('main button[type="submit"]').click();
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('not right');
    await expectNoAxeViolations(page);

    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL(/\/en\/sign-in\/two-factor/);
    await expectNoAxeViolations(page);
    await page.getByLabel('Authentication code').fill('123456');
    await page.locator('main form button[type="submit"]').first().click();
    await expect.poll(() => page.locator('.field-error').first().textContent()).toContain('not right');
    await page.getByLabel('Authentication code').fill(totpCode(staff.totpSecret!));
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(`${server.url}/en/admin/audit`);
    await expectNoAxeViolations(page);
    expect(await page.locator('h1').textContent()).toBe('Audit log');
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
  });

  it('accepts an invitation, then turns on two-step verification in Arabic, right to left', async () => {
    const orgs = await (await fetch(`${server.url}/api/v1/organisations?limit=1`)).json();
    const email = `arabic-${Date.now()}@example.org`;
    const invited = await accounts.post(
      '/api/v1/invitations',
      { email, role: 'member', organisationId: orgs.items[0].id, language: 'ar' },
      accounts.admin.cookie,
    );
    expect(invited.status).toBe(201);
    const mail = await smtp.waitFor(email);
    const link = mail.text.match(/https?:\/\/\S+/)![0];
    expect(link).toContain('/ar/invitation/');

    const page = await (await browser()).newPage();
    await page.goto(link);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expectNoAxeViolations(page);
    await page.locator('input[name="name"]').fill('ليلى أحمد');
    await page.locator('input[name="password"]').fill('short');
    await page.locator('input[name="confirm"]').fill('short');
    await page.locator('main button[type="submit"]').click();
    await expect.poll(() => page.locator('.has-error input[name="password"]').count()).toBe(1);
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.locator('input[name="confirm"]').fill('a different passphrase');
    await page.locator('main button[type="submit"]').click();
    await page.waitForSelector('.field-error');
    await page.locator('input[name="password"]').fill(TEST_PASSWORD);
    await page.locator('input[name="confirm"]').fill(TEST_PASSWORD);
    await page.locator('main button[type="submit"]').click();
    await page.waitForURL(/\/ar\/account/);
    await expect.poll(() => page.locator('main').textContent()).toContain('ليلى أحمد');
    await expectNoAxeViolations(page);

    await page.locator('form:has(input[value="enable"]) input[name="password"]').fill(TEST_PASSWORD);
    await page.locator('form:has(input[value="enable"]) button[type="submit"]').click();
    await page.waitForSelector('img.qr');
    await expectNoAxeViolations(page);
    const secret = (await page.locator('main code').first().textContent())!.trim();
    await page.locator('input[name="code"]').fill(totpCode(secret));
    await page.locator('form:has(input[value="confirm"]) button[type="submit"]').click();
    await expect.poll(() => page.locator('section p[role="status"]').count()).toBeGreaterThan(0);
    await page.goto(`${server.url}/ar/account`);
    const twoFactorSection = page.locator('section:has(#two-factor)');
    expect(
      await twoFactorSection.locator('p[role="status"]').count(),
      await twoFactorSection.innerText(),
    ).toBe(1);

    // Signing out everywhere ends this browser's session too (once the sign-out has answered).
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/ar/sign-out')),
      page.locator('form:has(input[value="all"]) button[type="submit"]').click(),
    ]);
    await page.goto(`${server.url}/ar/account`);
    expect(new URL(page.url()).pathname).toBe('/ar/sign-in');
  });

  it('refuses a cross-site form post', async () => {
    const response = await fetch(`${server.url}/en/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: `email=${encodeURIComponent(accounts.admin.email)}&password=${encodeURIComponent(TEST_PASSWORD)}`,
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('shows the people page to an org admin and the forgotten-password page to anyone', async () => {
    const orgs = await (await fetch(`${server.url}/api/v1/organisations?limit=1`)).json();
    const orgAdmin = await accounts.create('org_admin', { organisationId: orgs.items[0].id });
    const context = await browser();
    await accounts.signInBrowser(context, orgAdmin);
    const page = await context.newPage();
    await page.goto(`${server.url}/fr/people`);
    await expectNoAxeViolations(page);
    await page.locator('input[name="email"]').fill('nouveau@example.org');
    await page.locator('form:has(input[value="invite"]) button[type="submit"]').click();
    await expect.poll(() => page.locator('p[role="status"]').textContent()).toContain('nouveau@example.org');
    await smtp.waitFor('nouveau@example.org');

    const visitor = await (await browser()).newPage();
    await visitor.goto(`${server.url}/en/forgot-password`);
    await expectNoAxeViolations(visitor);
    await visitor.getByLabel('Email address').fill(orgAdmin.email);
    await visitor.locator('main button[type="submit"]').click();
    await expect.poll(() => visitor.locator('p[role="status"]').textContent()).toContain('on its way');
    const mail = await smtp.waitFor(orgAdmin.email, /password/i);
    await visitor.goto(mail.text.match(/https?:\/\/\S+/)![0]);
    expect(new URL(visitor.url()).pathname).toBe('/en/reset-password');
    await expectNoAxeViolations(visitor);
  });
});
