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
/** Filled in when the staff member saves it. */
let slug = '';

const TEST_TIMEOUT = 240_000;
const TITLE = 'Detect fraudulent travel documents at land borders';

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  const accounts = await e2eAccounts(server, smtp);
  staff = await accounts.create('secretariat');
  browser = await launchBrowser();
  await accounts.signInBrowser(browser, staff);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (server) removeDir(server.dataDir);
});

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => `${where}: ${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`),
  ).toEqual([]);
}

/** The error shown beside the input named `name`. */
const errorBeside = (page: Page, name: string) =>
  page.locator(`.field:has([name="${name}"]) .field-error`).textContent();

/** The value of a detail page's fact, by its term. */
const fact = (page: Page, term: string) => page.locator(`dt:text-is("${term}") + dd`).textContent();

const submit = (page: Page) => page.locator('main form.editor button[type="submit"]').first().click();

async function count(): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/recommendations?limit=1`, {
    headers: { cookie: staff.cookie },
  });
  return ((await response.json()) as { total: number }).total;
}

describe.skipIf(!hasBrowser)('recommendations in the web UI', () => {
  it(
    'the secretariat records a recommendation through the form, with errors beside each field',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/recommendations/new`);
      expect(new URL(page.url()).pathname).toBe('/en/recommendations/new');
      const before = await count();

      // An incomplete form is refused, each error beside its input, and nothing is saved.
      await page.locator('input[name="title"]').fill(TITLE);
      await page.locator('input[name="issuedOn"]').fill('2024-06-01');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'text')).toBe('must not be empty');
      expect(await errorBeside(page, 'country')).toBeTruthy();
      expect(await errorBeside(page, 'mainTheme')).toBeTruthy();
      expect(await errorBeside(page, 'sourceAssessment')).toBe('must not be empty');
      expect(await page.locator('textarea[name="text"]').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('input[name="title"]').inputValue()).toBe(TITLE);
      expect(await count()).toBe(before);
      await expectNoAxeViolations(page, 'recommendation form with errors');

      await page
        .locator('textarea[name="text"]')
        .fill(
          'Train border police to detect fraudulent travel documents and connect land border posts to INTERPOL databases to stop the travel of foreign terrorist fighters.',
        );
      await page.locator('select[name="country"]').selectOption('BFA');
      await page.locator('select[name="mainTheme"]').selectOption('wg-border-law-enforcement');
      await page.locator('select[name="themes"]').selectOption(['counter-terrorism']);
      await page.locator('input[name="sdgTargets"]').fill('16.a');
      await page.locator('input[name="sourceAssessment"]').fill('CTED assessment visit, 2024');
      await page.locator('select[name="priority"]').selectOption('high');
      await submit(page);
      await page.waitForURL(/\/en\/recommendations\/detect-fraudulent/);
      slug = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
      expect(await fact(page, 'Assessed country')).toBe('Burkina Faso');
      expect(await fact(page, 'Source assessment')).toBe('CTED assessment visit, 2024');
      expect(await fact(page, 'Who can see it')).toBeTruthy();
      expect(await page.locator('p .badge').first().textContent()).toBe('Priority: High');
      expect(await count()).toBe(before + 1);
      await expectNoAxeViolations(page, 'recommendation page');

      // The staff member moves it on; the status shows on the page.
      await page.locator('select[name="status"]').selectOption('in-progress');
      await page.locator('textarea[name="note"]').fill('A training is being planned.');
      await page.getByRole('button', { name: 'Change the status' }).click();
      await expect.poll(() => page.locator('p .status').first().textContent()).toBe('In progress');

      // Edit: the form shows it as saved; an emptied text is refused beside it, then a change lands.
      await page.getByRole('link', { name: 'Edit recommendation' }).click();
      await page.waitForURL(`${server.url}/en/recommendations/${slug}/edit`);
      expect(await page.locator('select[name="mainTheme"]').inputValue()).toBe('wg-border-law-enforcement');
      expect(await page.locator('input[name="issuedOn"]').inputValue()).toBe('2024-06-01');
      await page.locator('textarea[name="text"]').fill('   ');
      await page.locator('select[name="priority"]').selectOption('low');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'text')).toBe('must not be empty');
      await expectNoAxeViolations(page, 'recommendation edit form with an error');
      await page
        .locator('textarea[name="text"]')
        .fill('Train border police to detect fraudulent travel documents at every land border post.');
      await submit(page);
      await page.waitForURL(`${server.url}/en/recommendations/${slug}`);
      await expect.poll(() => page.locator('p .badge').first().textContent()).toBe('Priority: Low');
      expect(await page.locator('.prose').first().textContent()).toContain('every land border post');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows it in the gap view with suggested offers and solutions and their reasons',
    async () => {
      expect(slug).not.toBe('');
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/recommendations/gaps?country=BFA`);
      await expect
        .poll(() => page.locator('h1').textContent())
        .toBe('Gaps: recommendations nothing addresses yet');
      const card = page.locator('article.card', {
        has: page.locator(`a[href="/en/recommendations/${slug}"]`),
      });
      expect(await card.count()).toBe(1);
      expect(await page.locator('h3').first().textContent()).toContain('Burkina Faso');
      const suggestions = card.locator('ol.matches > li');
      expect(await suggestions.count()).toBeGreaterThan(0);
      expect(await suggestions.first().locator('.reasons li').count()).toBeGreaterThan(0);
      expect(await page.locator('#rule-heading').textContent()).toBe(
        'When a recommendation counts as addressed',
      );
      await expectNoAxeViolations(page, 'gap view');

      // The filters work without JavaScript: a plain GET form.
      const form = page.locator('form.filters');
      expect(await form.getAttribute('method')).toBe('get');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'has no axe violations on the list, detail and gap pages in English and in Arabic (right to left)',
    async () => {
      const page = await browser.newPage();
      for (const lang of ['en', 'ar']) {
        for (const path of [
          'recommendations',
          'recommendations?theme=wg-criminal-justice-cft',
          `recommendations/${slug}`,
          'recommendations/tcd-financial-intelligence-unit-capacity',
          'recommendations/gaps',
          'recommendations/new',
        ]) {
          const response = await page.goto(`${server.url}/${lang}/${path}`);
          expect(response?.status(), `${lang}/${path}`).toBe(200);
          expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          await expectNoAxeViolations(page, `${lang}/${path}`);
        }
      }
      await page.goto(`${server.url}/ar/recommendations/gaps`);
      expect(await page.locator('h1').textContent()).toBe('الفجوات: توصيات لا يستجيب لها شيء بعد');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows visitors only public recommendations, and no editor',
    async () => {
      const visitor = await launchBrowser();
      const page = await visitor.newPage();
      expect((await page.goto(`${server.url}/en/recommendations/${slug}`))?.status()).toBe(404);
      await page.goto(`${server.url}/en/recommendations`);
      expect(await page.locator('a[href="/en/recommendations/new"]').count()).toBe(0);
      expect(
        await page.locator('a[href="/en/recommendations/jor-advance-passenger-information"]').count(),
      ).toBe(1);
      await page.goto(`${server.url}/en/recommendations/new`);
      expect(new URL(page.url()).pathname).toBe('/en/sign-in');
      await visitor.close();
    },
    TEST_TIMEOUT,
  );
});
