import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserContext,
  findChromium,
  launchBrowser,
  type Page,
} from '../support/browser.js';
import { type E2eAccount, type E2eAccounts, e2eAccounts } from '../support/e2e-accounts.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';
import { startSmtpCatcher } from '../support/smtp.js';

const hasBrowser = !!findChromium();
if (process.env.CI && !hasBrowser)
  throw new Error('CI=true but Chromium is missing: e2e tests must not be skipped');

let server: RunningServer;
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let accounts: E2eAccounts;
let staff: E2eAccount;
let member: E2eAccount;
let browser: BrowserContext;
/** A published demo project, listed in the new appeal. */
let project = { id: '', slug: '', title: '' };
/** Filled in as the secretariat creates them. */
let appealSlug = '';
let fundSlug = '';
let contributionId = '';

const TEST_TIMEOUT = 240_000;
const APPEAL = 'Sahel border security appeal 2027–2028';
const FUND = 'Trust fund for border management training';
/** Demo records, for the pages the axe check visits in every language. */
const DEMO_APPEAL = 'ct-multi-year-appeal-2021-2022';
const DEMO_FUND = 'ibsa-fund';

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  accounts = await e2eAccounts(server, smtp);
  const organisation = (await (await fetch(`${server.url}/api/v1/organisations?limit=1`)).json()).items[0];
  staff = await accounts.create('secretariat', { name: 'Amadou Sow' });
  member = await accounts.create('member', { organisationId: organisation.id, name: 'Aminata Diallo' });
  project = (await (await fetch(`${server.url}/api/v1/projects?limit=1`)).json()).items[0];
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

const submit = (page: Page) => page.locator('main form.editor button[type="submit"]').first().click();

/** A record through the public API, as JSON. */
async function api<T = Record<string, unknown>>(path: string): Promise<T> {
  const response = await fetch(`${server.url}/api/v1${path}`, { headers: { cookie: staff.cookie } });
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

type Detail = {
  name: string;
  periodStart: number | null;
  periodEnd: number | null;
  managers: Array<{ id: string }>;
  totals: { projects: number };
  contributions: Array<{
    id: string;
    donor: { name: string };
    amount: string;
    currency: string;
    status: string;
    madeOn: string;
    earmarked: boolean;
    project: { slug: string } | null;
    note: string | null;
  }>;
  allocations: Array<{ amount: string; currency: string; project: { slug: string } | null }>;
};

describe.skipIf(!hasBrowser)('funding forms in the web UI', () => {
  it(
    'the secretariat creates an appeal, lists a project in it and records a paid earmarked contribution',
    async () => {
      const page = await browser.newPage();
      expect((await page.goto(`${server.url}/en/appeals/new`))?.status()).toBe(200);
      await expectNoAxeViolations(page, 'new appeal');

      // Incomplete: each error beside its input, a summary on top linking to it, nothing saved.
      await page.locator('input[name="periodStart"]').fill('2027');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'name')).toBe('must not be empty');
      expect(await page.locator('.error-summary a[href="#field-name"]').count()).toBe(1);
      expect(await page.locator('input[name="periodStart"]').inputValue()).toBe('2027');
      await expectNoAxeViolations(page, 'new appeal with errors');

      await page.locator('input[name="name"]').fill(APPEAL);
      await page.locator('textarea[name="description"]').fill('Border management projects in the Sahel.');
      await page.locator('input[name="periodEnd"]').fill('2028');
      const manager = await page.locator('select[name="managers"] option').first().getAttribute('value');
      await page.locator('select[name="managers"]').selectOption([manager!]);
      await submit(page);
      await page.waitForURL(/\/en\/appeals\/sahel-border-security-appeal/);
      appealSlug = new URL(page.url()).pathname.split('/').pop()!;
      const appeal = await api<Detail>(`/appeals/${appealSlug}`);
      expect(appeal).toMatchObject({ name: APPEAL, periodStart: 2027, periodEnd: 2028 });
      expect(appeal.managers.map((m) => m.id)).toEqual([manager]);

      // List a demo project in it, chosen by slug.
      await page.goto(`${server.url}/en/appeals/${appealSlug}/lines/new`);
      await expectNoAxeViolations(page, 'new appeal line');
      await page.locator('input[name="project"]').fill(project.slug);
      await page.locator('input[name="programme"]').fill('Border security');
      await page.locator('input[name="requirement"]').fill('1200000');
      await submit(page);
      await page.waitForURL(`${server.url}/en/appeals/${appealSlug}`);
      expect((await api<Detail>(`/appeals/${appealSlug}`)).totals.projects).toBe(1);

      // Record a contribution from the appeal: a bad amount is refused beside it, the rest kept.
      const back = `/en/appeals/${appealSlug}`;
      await page.goto(
        `${server.url}/en/contributions/new?appeal=${appealSlug}&project=${project.slug}&returnTo=${encodeURIComponent(back)}`,
      );
      expect(await page.locator('select[name="appeal"]').inputValue()).toBe(appealSlug);
      expect(await page.locator('input[name="project"]').inputValue()).toBe(project.slug);
      await expectNoAxeViolations(page, 'new contribution');
      await page.locator('input[name="donorName"]').fill('Government of Qatar');
      await page.locator('input[name="amount"]').fill('25O,000');
      await page.locator('input[name="status"][value="paid"]').check();
      await page.locator('input[name="madeOn"]').fill('2024-03-15');
      await page.locator('textarea[name="note"]').fill('First tranche');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'amount')).toMatch(/positive amount with at most two decimals/);
      expect(await page.locator('input[name="amount"]').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.error-summary a[href="#field-amount"]').count()).toBe(1);
      expect(await page.locator('.field-error').count()).toBe(1);
      expect(await page.locator('input[name="donorName"]').inputValue()).toBe('Government of Qatar');
      expect(await page.locator('select[name="appeal"]').inputValue()).toBe(appealSlug);
      expect(await page.locator('input[name="project"]').inputValue()).toBe(project.slug);
      expect(await page.locator('input[name="status"][value="paid"]').isChecked()).toBe(true);
      expect(await page.locator('input[name="madeOn"]').inputValue()).toBe('2024-03-15');
      expect(await page.locator('textarea[name="note"]').inputValue()).toBe('First tranche');
      expect((await api<Detail>(`/appeals/${appealSlug}`)).contributions).toEqual([]);
      await expectNoAxeViolations(page, 'new contribution with an error');

      await page.locator('input[name="amount"]').fill('250000.00');
      await submit(page);
      await page.waitForURL(`${server.url}${back}`);
      const [given] = (await api<Detail>(`/appeals/${appealSlug}`)).contributions;
      expect(given).toMatchObject({
        donor: { name: 'Government of Qatar' },
        amount: '250000.00',
        currency: 'USD',
        status: 'paid',
        madeOn: '2024-03-15',
        earmarked: true,
        project: { slug: project.slug },
        note: 'First tranche',
      });
      contributionId = given!.id;
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'edits a contribution, and deletes one only once confirmed',
    async () => {
      expect(contributionId).not.toBe('');
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/contributions/${contributionId}/edit`);
      expect(await page.locator('input[name="amount"]').inputValue()).toBe('250000.00');
      await expectNoAxeViolations(page, 'edit contribution');
      await page.locator('input[name="amount"]').fill('260000.50');
      await page.locator('select[name="currency"]').selectOption('EUR');
      await submit(page);
      await page.waitForURL(`${server.url}/en/appeals/${appealSlug}`);
      const [edited] = (await api<Detail>(`/appeals/${appealSlug}`)).contributions;
      expect(edited).toMatchObject({ amount: '260000.50', currency: 'EUR', status: 'paid' });

      // A pledge recorded in error: refused without the confirmation, deleted with it.
      const pledged = await accounts.post(
        '/api/v1/contributions',
        {
          donorName: 'Recorded in error',
          appeal: appealSlug,
          amount: '10.00',
          currency: 'USD',
          status: 'pledged',
          madeOn: '2024-04-01',
        },
        staff.cookie,
      );
      expect(pledged.status, JSON.stringify(pledged.body)).toBe(201);
      await page.goto(`${server.url}/en/contributions/${pledged.body.id}/edit`);
      const remove = page.getByRole('button', { name: 'Delete', exact: true });
      await remove.click();
      await page.waitForSelector('.field-error');
      expect(await page.locator('#field-confirm-error').textContent()).toBe(
        'Tick the box to confirm the deletion.',
      );
      expect((await api<Detail>(`/appeals/${appealSlug}`)).contributions).toHaveLength(2);
      await expectNoAxeViolations(page, 'delete without confirmation');
      await page.locator('input[name="confirm"]').check();
      await remove.click();
      await page.waitForURL(`${server.url}/en/appeals/${appealSlug}`);
      expect((await api<Detail>(`/appeals/${appealSlug}`)).contributions.map((c) => c.id)).toEqual([
        contributionId,
      ]);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'creates a trust fund without a period and allocates from it to a project',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/funds/new`);
      await page.locator('input[name="name"]').fill(FUND);
      await page.locator('select[name="currency"]').selectOption('');
      await page.locator('input[name="otherCurrency"]').fill('chf');
      await submit(page);
      await page.waitForURL(/\/en\/funds\/trust-fund-for-border-management/);
      fundSlug = new URL(page.url()).pathname.split('/').pop()!;
      expect(await api<Detail>(`/funds/${fundSlug}`)).toMatchObject({
        name: FUND,
        currency: 'CHF',
        periodStart: null,
      });

      await page.goto(`${server.url}/en/funds/${fundSlug}/allocations/new`);
      expect(await page.locator('select[name="currency"]').inputValue()).toBe('CHF');
      await page.locator('input[name="project"]').fill('no-such-project');
      await page.locator('input[name="amount"]').fill('0');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'project')).toBe('unknown project "no-such-project"');
      expect(await errorBeside(page, 'amount')).toBe('must be more than 0');
      await page.locator('input[name="project"]').fill(project.slug);
      await page.locator('input[name="amount"]').fill('40000.00');
      await page.locator('select[name="appeal"]').selectOption(appealSlug);
      await submit(page);
      await page.waitForURL(`${server.url}/en/funds/${fundSlug}`);
      const fund = await api<Detail>(`/funds/${fundSlug}`);
      expect(fund.allocations).toMatchObject([
        { amount: '40000.00', currency: 'CHF', project: { slug: project.slug } },
      ]);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'works without JavaScript: the server keeps the values beside the error, then redirects',
    async () => {
      const noJs = await launchBrowser({ javaScriptEnabled: false });
      await accounts.signInBrowser(noJs, staff);
      const page = await noJs.newPage();
      await page.goto(`${server.url}/en/contributions/new?fund=${fundSlug}`);
      await page.locator('select[name="donor"]').selectOption({ index: 1 });
      const donor = await page.locator('select[name="donor"]').inputValue();
      await page.locator('input[name="amount"]').fill('1.234');
      await page.locator('input[name="madeOn"]').fill('2024-05-01');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'amount')).toMatch(/at most two decimals/);
      expect(await page.locator('input[name="amount"]').inputValue()).toBe('1.234');
      expect(await page.locator('select[name="donor"]').inputValue()).toBe(donor);
      expect(await page.locator('select[name="fund"]').inputValue()).toBe(fundSlug);
      expect(await page.locator('input[name="status"][value="pledged"]').isChecked()).toBe(true);
      await page.locator('input[name="amount"]').fill('1234.00');
      await submit(page);
      await page.waitForURL(`${server.url}/en/funds/${fundSlug}`);
      const fund = await api<Detail>(`/funds/${fundSlug}`);
      expect(fund.contributions).toMatchObject([{ amount: '1234.00', status: 'pledged', earmarked: false }]);
      await noJs.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'has no axe violations on any form, in English and in Arabic (right to left)',
    async () => {
      expect(contributionId).not.toBe('');
      const page = await browser.newPage();
      for (const lang of ['en', 'ar']) {
        for (const path of [
          'appeals/new',
          'funds/new',
          `appeals/${DEMO_APPEAL}/lines/new`,
          `contributions/new?fund=${DEMO_FUND}`,
          `contributions/${contributionId}/edit`,
          `funds/${DEMO_FUND}/allocations/new`,
        ]) {
          const response = await page.goto(`${server.url}/${lang}/${path}`);
          expect(response?.status(), `${lang}/${path}`).toBe(200);
          expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          await expectNoAxeViolations(page, `${lang}/${path}`);
        }
      }
      // Errors in Arabic: the summary and the message beside the field, right to left.
      await page.goto(`${server.url}/ar/contributions/new?appeal=${DEMO_APPEAL}`);
      expect(await page.locator('h1').textContent()).toBe('تسجيل تعهّد أو مساهمة');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await page.locator('.error-summary p').first().textContent()).toMatch(/يجب تصحيح/);
      await expectNoAxeViolations(page, 'ar contribution form with errors');
      expect((await page.goto(`${server.url}/en/appeals/no-such-appeal/lines/new`))?.status()).toBe(404);
      expect((await page.goto(`${server.url}/en/contributions/not-an-id/edit`))?.status()).toBe(404);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'refuses members with a 403 page and sends visitors to sign in',
    async () => {
      const memberBrowser = await launchBrowser();
      await accounts.signInBrowser(memberBrowser, member);
      const page = await memberBrowser.newPage();
      for (const path of [
        'appeals/new',
        'funds/new',
        `appeals/${DEMO_APPEAL}/lines/new`,
        'contributions/new',
        `contributions/${contributionId}/edit`,
        `funds/${DEMO_FUND}/allocations/new`,
      ])
        expect((await page.goto(`${server.url}/en/${path}`))?.status(), path).toBe(403);
      // A form post made by hand is refused too, and nothing is recorded.
      const posted = await fetch(`${server.url}/en/contributions/new`, {
        method: 'POST',
        headers: { cookie: member.cookie, origin: server.url },
        body: new URLSearchParams({
          donorName: 'Member',
          appeal: appealSlug,
          amount: '1',
          currency: 'USD',
          status: 'paid',
          madeOn: '2024-01-01',
        }),
        redirect: 'manual',
      });
      expect(posted.status).toBe(403);
      expect((await api<Detail>(`/appeals/${appealSlug}`)).contributions).toHaveLength(1);
      await memberBrowser.close();

      const visitor = await launchBrowser();
      const anonymous = await visitor.newPage();
      await anonymous.goto(`${server.url}/en/contributions/new?appeal=${DEMO_APPEAL}`);
      expect(new URL(anonymous.url()).pathname).toBe('/en/sign-in');
      expect(new URL(anonymous.url()).searchParams.get('next')).toBe(
        `/en/contributions/new?appeal=${DEMO_APPEAL}`,
      );
      await visitor.close();
    },
    TEST_TIMEOUT,
  );
});
