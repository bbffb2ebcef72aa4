import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserContext,
  findChromium,
  launchBrowser,
  type Page,
} from '../support/browser.js';
import { type E2eAccount, e2eAccounts } from '../support/e2e-accounts.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { startSmtpCatcher } from '../support/smtp.js';

const hasBrowser = !!findChromium();
if (process.env.CI && !hasBrowser)
  throw new Error('CI=true but Chromium is missing: e2e tests must not be skipped');

let server: RunningServer;
let browser: BrowserContext;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let staff: E2eAccount;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  const accounts = await e2eAccounts(server, smtp);
  staff = await accounts.create('secretariat');
  browser = await launchBrowser();
  signIn = async (context) => accounts.signInBrowser(context, staff);
});

let signIn: (context: BrowserContext) => Promise<void>;

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (server) removeDir(server.dataDir);
});

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`)).toEqual([]);
}

describe.skipIf(!hasBrowser)('the secretariat in the web UI', () => {
  it('signs in, creates, submits, publishes and archives a solution', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/solutions/new`);
    expect(new URL(page.url()).pathname).toBe('/en/sign-in');
    await signIn(browser);
    await page.goto(`${server.url}/en/solutions/new`);
    expect(new URL(page.url()).pathname).toBe('/en/solutions/new');
    await expectNoAxeViolations(page);

    // An empty form is refused with a message beside each missing field.
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForSelector('.field-error');
    const errors = await page.locator('.has-error label').allTextContents();
    expect(errors).toEqual(
      expect.arrayContaining(['Title', 'Summary', 'Countries of origin', 'Provider organisations']),
    );
    await expectNoAxeViolations(page);

    await page.locator('select[name="language"]').selectOption('fr');
    await page.locator('input[name="title"]').fill('Cantines scolaires approvisionnées localement');
    await page
      .locator('textarea[name="summary"]')
      .fill("Les écoles achètent le riz des coopératives agricoles pour l'alimentation scolaire.");
    await page.locator('select[name="countries"]').selectOption(['SEN']);
    await page.locator('select[name="providers"]').selectOption({ index: 0 });
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(/\/en\/solutions\/cantines-scolaires/);
    expect(await page.locator('.workflow').textContent()).toContain('Draft');
    await expectNoAxeViolations(page);

    await page.locator('button[value="submit"]').click();
    await expect.poll(() => page.locator('.workflow').textContent()).toContain('Submitted for review');
    await page.locator('button[value="publish"]').click();
    await expect.poll(() => page.locator('.workflow').textContent()).toContain('Published');
    const slug = new URL(page.url()).pathname.split('/').pop();

    // Visitors now see it.
    const visitor = await launchBrowser();
    const visitorPage = await visitor.newPage();
    expect((await visitorPage.goto(`${server.url}/en/solutions/${slug}`))!.status()).toBe(200);
    await visitor.close();

    await page.locator('button[value="archive"]').click();
    await expect.poll(() => page.locator('.workflow').textContent()).toContain('Archived');
    await page.close();
  });

  it('edits and translates in Arabic, right to left, with history', async () => {
    const context = await launchBrowser();
    const page = await context.newPage();
    await signIn(context);
    const slug = (await (await fetch(`${server.url}/api/v1/solutions?limit=1`)).json()).items[0].slug;
    const response = await page.goto(`${server.url}/ar/solutions/${slug}/edit`);
    expect(response!.status()).toBe(200);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expectNoAxeViolations(page);
    await page.locator('textarea[name="summary"]').fill('A shorter summary written during the test.');
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(`${server.url}/ar/solutions/${slug}`);
    await expect.poll(() => page.locator('.history li').count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/ar/solutions/${slug}/translate`);
    await expectNoAxeViolations(page);
    await page.locator('select[name="language"]').selectOption('ar');
    await page.locator('input[name="title"]').fill('عنوان مترجم');
    await page.locator('textarea[name="summary"]').fill('ملخص مترجم للحل.');
    await page.locator('main form button[type="submit"]').first().click();
    await page.waitForURL(`${server.url}/ar/solutions/${slug}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('عنوان مترجم');
    await context.close();
  });
});
