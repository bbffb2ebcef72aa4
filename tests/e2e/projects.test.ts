import { join } from 'node:path';
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
let member: E2eAccount;
let browser: BrowserContext;
/** Filled in when the member reports a project. */
let projectSlug = '';

/** Each test walks through several pages on a busy two-core machine. */
const fixtures = join(process.cwd(), 'tests/fixtures/iati');
const TEST_TIMEOUT = 240_000;
const TITLE = 'Cantines scolaires approvisionnées par les producteurs locaux';
/** A demo project (data/demo/projects.json) with an indicator: 26 of 30 projects. */
const DEMO_WITH_RESULTS = 'perez-guerrero-trust-fund';

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  accounts = await e2eAccounts(server, smtp);
  const organisation = (await (await fetch(`${server.url}/api/v1/organisations?limit=1`)).json()).items[0];
  member = await accounts.create('member', { organisationId: organisation.id, name: 'Aminata Diallo' });
  browser = await launchBrowser();
  await accounts.signInBrowser(browser, member);
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

/** The member's projects, through the API. */
async function reported() {
  const response = await fetch(`${server.url}/api/v1/projects?q=${encodeURIComponent(TITLE)}`, {
    headers: { cookie: member.cookie },
  });
  return (await response.json()) as { total: number };
}

describe.skipIf(!hasBrowser)('projects in the web UI', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(
      `the list and a demo project render in ${lang} with no axe violations`,
      async () => {
        const page = await browser.newPage();
        const list = await page.goto(`${server.url}/${lang}/projects`);
        expect(list!.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await page.locator('.card').count()).toBeGreaterThanOrEqual(10);
        expect(await page.locator('a[href^="/api/v1/projects/export?format=csv"]').count()).toBe(1);
        expect(await page.locator('a[href^="/api/v1/projects/export?format=xlsx"]').count()).toBe(1);
        expect(await page.locator(`nav.main-nav a[href="/${lang}/projects"]`).count()).toBe(1);
        await expectNoAxeViolations(page, `${lang}/projects`);

        const detail = await page.goto(`${server.url}/${lang}/projects/${DEMO_WITH_RESULTS}`);
        expect(detail!.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await expectNoAxeViolations(page, `${lang}/projects/${DEMO_WITH_RESULTS}`);

        const form = await page.goto(`${server.url}/${lang}/projects/new`);
        expect(form!.status()).toBe(200);
        await expectNoAxeViolations(page, `${lang}/projects/new`);
        await page.close();
      },
      TEST_TIMEOUT,
    );
  }

  it(
    'shows a demo project in full, with its money, its note and an indicator progress bar',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/projects/${DEMO_WITH_RESULTS}`);
      // Written in Spanish, read in English: the editorial translation, with a note.
      expect(await page.locator('h1').textContent()).toBe(
        'Pérez-Guerrero Trust Fund for South-South Cooperation',
      );
      expect(await page.locator('.notice').first().textContent()).toContain('Spanish');
      expect(await page.locator('dt:text-is("IATI identifier") + dd').textContent()).toBe(
        'XM-SOUTHBRIDGE-UNOSSC-PGTF',
      );
      const totals = page.locator('table.totals tbody tr');
      expect(await totals.count()).toBe(1);
      expect(await totals.textContent()).toContain('$420,000.00');
      const progress = page.locator('.indicator-progress progress');
      expect(await progress.count()).toBe(1);
      expect(await progress.getAttribute('value')).toBe('87');
      expect(await page.locator('.progress-text').textContent()).toBe('26 of 30 (87%)');
      expect(await progress.getAttribute('aria-label')).toContain('26 of 30 (87%)');
      const iati = page.locator('a', { hasText: 'Download IATI XML' });
      expect(await iati.getAttribute('href')).toBe(
        '/api/v1/projects/iati.xml?identifier=XM-SOUTHBRIDGE-UNOSSC-PGTF',
      );
      // Not the member's project: no edit link.
      expect(await page.locator('a', { hasText: 'Edit the project' }).count()).toBe(0);

      // A project linked to a need links to it; a country links to its page.
      await page.goto(`${server.url}/en/projects/pan-african-school-feeding-network`);
      expect(await page.locator('dt:text-is("Needs it answers") + dd a').getAttribute('href')).toMatch(
        /^\/en\/needs\/[0-9a-f-]{36}$/,
      );
      expect(await page.locator('a[href="/en/countries/MRT"]').count()).toBe(1);
      expect(await page.locator('.progress-text').textContent()).toBe('6 of 10 (60%)');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'filters the list with a plain GET form, without JavaScript',
    async () => {
      const context = await launchBrowser({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/en/projects`);
      await page.locator('aside select[name="country"]').selectOption('MRT');
      await page.locator('aside button[type="submit"]').click();
      await page.waitForURL(/country=MRT/);
      expect(await page.locator('#results-heading').textContent()).toBe('1 project');
      const card = page.locator('.card');
      expect(await card.count()).toBe(1);
      expect(await card.textContent()).toContain('Pan-African School Feeding Network');
      expect(await card.textContent()).toContain('Mauritania');
      expect(
        await page.locator('a[href^="/api/v1/projects/export?format=csv"]').getAttribute('href'),
      ).toContain('country=MRT');

      await page.goto(`${server.url}/en/projects?cooperationType=regional&sdg=17`);
      const regional = await page.locator('.card h3').allTextContents();
      expect(regional).toContain('Pérez-Guerrero Trust Fund for South-South Cooperation');
      expect(regional).not.toContain('Support to the Pan-African School Feeding Network');
      await page.goto(`${server.url}/en/projects?country=nowhere`);
      expect(await page.locator('.field:has(select[name="country"]) .field-error').count()).toBe(1);
      // Demo projects are in the search index, and search links to their pages.
      await page.goto(`${server.url}/en/search?q=${encodeURIComponent('Pérez-Guerrero')}&type=project`);
      const hit = page.locator('.result', { hasText: 'Pérez-Guerrero Trust Fund' });
      expect(await hit.count()).toBe(1);
      expect(await hit.locator('a').first().getAttribute('href')).toBe(`/en/projects/${DEMO_WITH_RESULTS}`);
      // Visitors see no drafts filter and no "report" link.
      expect(await page.locator('select[name="publication"]').count()).toBe(0);
      expect(await page.locator('a[href="/en/projects/new"]').count()).toBe(0);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a member reports a project: shares that do not add up are refused beside the countries, then it is saved',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/projects/new`);
      expect(new URL(page.url()).pathname).toBe('/en/projects/new');
      await page.locator('select[name="language"]').selectOption('fr');
      await page.locator('input[name="title"]').fill(TITLE);
      await page
        .locator('textarea[name="description"]')
        .fill('Des cantines scolaires approvisionnées par des coopératives de petits producteurs.');
      await page.locator('select[name="status"]').selectOption('2');
      await page.locator('select[name="cooperationType"]').selectOption('triangular');
      await page.locator('input[name="dates.plannedStart"]').fill('2026-01-01');
      await page.locator('input[name="dates.plannedEnd"]').fill('2027-12-31');
      await page.locator('select[name="countries.0.iso3"]').selectOption('NER');
      await page.locator('input[name="countries.0.percentage"]').fill('60');
      // The second country goes in the third row: a blank row between is ignored.
      await page.locator('select[name="countries.2.iso3"]').selectOption('MLI');
      await page.locator('input[name="countries.2.percentage"]').fill('30');
      await page.locator('select[name="sectors.0.code"]').selectOption('11250');
      await page.locator('select[name="themes.0.id"]').selectOption('school-feeding');
      await page.locator('select[name="sdgGoals"]').selectOption(['2', '4']);
      await page.locator('input[name="participants.0.name"]').fill('Ministère de l’Éducation du Niger');
      await page.locator('select[name="participants.0.role"]').selectOption('4');
      await page.locator('select[name="participants.0.southSouthRole"]').selectOption('recipient');
      await page.locator('input[name="budgets.0.periodStart"]').fill('2026-01-01');
      await page.locator('input[name="budgets.0.periodEnd"]').fill('2026-12-31');
      await page.locator('input[name="budgets.0.amount"]').fill('500000');
      await page.locator('select[name="budgets.0.currency"]').selectOption('USD');
      await page.locator('select[name="transactions.0.type"]').selectOption('3');
      await page.locator('input[name="transactions.0.date"]').fill('2026-03-01');
      await page.locator('input[name="transactions.0.amount"]').fill('250000.05');
      await page.locator('select[name="transactions.0.currency"]').selectOption('USD');
      await page.locator('input[name="transactions.0.provider"]').fill('PNUD');
      await page.locator('select[name="indicators.0.resultType"]').selectOption('2');
      await page.locator('input[name="indicators.0.result"]').fill('Élèves nourris à l’école');
      await page.locator('input[name="indicators.0.indicator"]').fill('Nombre d’élèves');
      await page.locator('input[name="indicators.0.baseline"]').fill('12000');
      await page.locator('input[name="indicators.0.baselineYear"]').fill('2025');
      await page.locator('input[name="indicators.0.periodStart"]').fill('2026-01-01');
      await page.locator('input[name="indicators.0.periodEnd"]').fill('2026-12-31');
      await page.locator('input[name="indicators.0.target"]').fill('20000');
      await page.locator('input[name="indicators.0.actual"]').fill('17500');

      await submit(page);
      await page.waitForSelector('.field-error');
      const countries = page.locator('fieldset[data-list="countries"] > .list-error');
      expect(await countries.textContent()).toContain('add up to 90');
      expect(await page.locator('.field-error').count()).toBe(1);
      expect(await page.locator('[role="alert"]').first().textContent()).toContain(
        'One field needs correcting',
      );
      expect(new URL(page.url()).pathname).toBe('/en/projects/new');
      // Everything typed is still there, in the rows it was typed in.
      expect(await page.locator('input[name="title"]').inputValue()).toBe(TITLE);
      expect(await page.locator('select[name="countries.2.iso3"]').inputValue()).toBe('MLI');
      expect(await page.locator('input[name="transactions.0.amount"]').inputValue()).toBe('250000.05');
      expect((await reported()).total).toBe(0);
      await expectNoAxeViolations(page, 'project form with an error');

      await page.locator('input[name="countries.2.percentage"]').fill('40');
      await submit(page);
      await page.waitForURL(/\/en\/projects\/cantines-scolaires/);
      projectSlug = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.locator('h1').textContent()).toBe(TITLE);
      expect(await page.locator('h1').getAttribute('lang')).toBe('fr');
      const totals = page.locator('table.totals tbody tr');
      expect(await totals.count()).toBe(1);
      const row = await totals.textContent();
      expect(row).toContain('USD');
      expect(row).toContain('$500,000.00');
      expect(row).toContain('$250,000.05');
      expect(await page.locator('dt:text-is("Recipient countries") + dd').textContent()).toMatch(
        /Niger \(60%\).*Mali \(40%\)/,
      );
      expect(
        await page.locator('dt:text-is("Type of cooperation (South-South marker)") + dd').textContent(),
      ).toBe('Triangular cooperation');
      expect(await page.locator('td', { hasText: 'Recipient' }).count()).toBe(1);
      expect(await page.locator('.progress-text').textContent()).toBe('17,500 of 20,000 (88%)');
      expect(await page.locator('.indicator h4').getAttribute('lang')).toBe('fr');
      expect((await reported()).total).toBe(1);
      await expectNoAxeViolations(page, 'the new project');

      // Its author edits it: the form shows it as saved.
      await page.locator('a', { hasText: 'Edit the project' }).click();
      await page.waitForURL(`${server.url}/en/projects/${projectSlug}/edit`);
      expect(await page.locator('input[name="countries.1.percentage"]').inputValue()).toBe('40');
      expect(await page.locator('input[name="budgets.0.amount"]').inputValue()).toBe('500000');
      expect(await page.locator('input[name="indicators.0.actual"]').inputValue()).toBe('17500');
      await expectNoAxeViolations(page, 'the edit form');
      // A row's own error lands beside that row's input.
      await page.locator('input[name="budgets.0.amount"]').fill('12.345');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'budgets.0.amount')).toMatch(/at most two decimals/);
      expect(await page.locator('input[name="budgets.0.amount"]').getAttribute('aria-invalid')).toBe('true');
      await page.locator('input[name="budgets.0.amount"]').fill('600000');
      await submit(page);
      await page.waitForURL(`${server.url}/en/projects/${projectSlug}`);
      await expect.poll(() => page.locator('table.totals tbody tr').textContent()).toContain('$600,000.00');
      // The indicator was not touched, so it is unchanged.
      expect(await page.locator('.progress-text').textContent()).toBe('17,500 of 20,000 (88%)');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'reports a project without JavaScript',
    async () => {
      const context = await launchBrowser({ javaScriptEnabled: false });
      await accounts.signInBrowser(context, member);
      const page = await context.newPage();
      await page.goto(`${server.url}/es/projects/new`);
      await page.locator('input[name="title"]').fill('Registro civil digital en zonas rurales');
      await page.locator('select[name="countries.0.iso3"]').selectOption('BOL');
      await page.locator('input[name="countries.0.percentage"]').fill('50');
      await submit(page);
      await page.waitForSelector('.field-error');
      // Every problem at once: the missing description and start date, then a single country that is not 100%.
      expect(await errorBeside(page, 'description')).toBeTruthy();
      expect(await errorBeside(page, 'dates.plannedStart')).toBeTruthy();
      await page
        .locator('textarea[name="description"]')
        .fill('Digitalizar el registro civil en municipios rurales.');
      await page.locator('input[name="dates.plannedStart"]').fill('2027-01-01');
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'countries.0.percentage')).toBe('must be 100 when it is the only one');
      await page.locator('input[name="countries.0.percentage"]').fill('');
      await submit(page);
      await page.waitForURL(/\/es\/projects\/registro-civil-digital/);
      expect(await page.locator('h1').textContent()).toBe('Registro civil digital en zonas rurales');
      expect(await page.locator('dt:text-is("Países receptores") + dd').textContent()).toBe(
        'Bolivia (Estado Plurinacional de)',
      );
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'staff see the drafts filter and may edit any project; saving it unchanged changes nothing',
    async () => {
      const staff = await accounts.create('secretariat');
      const context = await launchBrowser();
      await accounts.signInBrowser(context, staff);
      const page = await context.newPage();
      await page.goto(`${server.url}/en/projects?publication=all`);
      expect(await page.locator('select[name="publication"]').inputValue()).toBe('all');
      expect(await page.locator('.card').count()).toBeGreaterThanOrEqual(10);
      await page.goto(`${server.url}/en/projects?publication=draft`);
      expect(await page.locator('#results-heading').textContent()).toBe('No projects');

      await page.goto(`${server.url}/en/projects/pan-african-school-feeding-network`);
      await page.locator('a', { hasText: 'Edit the project' }).click();
      await page.waitForURL(`${server.url}/en/projects/pan-african-school-feeding-network/edit`);
      expect(await page.locator('input[name="indicators.0.actual"]').inputValue()).toBe('6');
      expect(await page.locator('input[name="indicators.0.baselineYear"]').inputValue()).toBe('2017');
      expect(await page.locator('select[name="participants.0.southSouthRole"]').inputValue()).toBe(
        'first-provider',
      );
      await submit(page);
      await page.waitForURL(`${server.url}/en/projects/pan-african-school-feeding-network`);
      expect(await page.locator('.progress-text').textContent()).toBe('6 of 10 (60%)');
      // Nothing was written: the demo project has no audit entry.
      const { id } = await (
        await fetch(`${server.url}/api/v1/projects/pan-african-school-feeding-network`)
      ).json();
      const audit = await fetch(`${server.url}/api/v1/audit?entityType=project&entityId=${id}`, {
        headers: { cookie: staff.cookie },
      });
      expect(audit.status).toBe(200);
      expect(((await audit.json()) as { items: unknown[] }).items).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the secretariat uploads an IATI file, follows its import and reads the report; an unsafe file is refused whole',
    async () => {
      const staff = await accounts.create('secretariat');
      const context = await launchBrowser();
      await accounts.signInBrowser(context, staff);
      const page = await context.newPage();
      await page.goto(`${server.url}/en/projects`);
      await page.locator('a', { hasText: 'Import an IATI file' }).click();
      await page.waitForURL(`${server.url}/en/projects/import`);
      await expectNoAxeViolations(page, 'IATI import page');
      await page.locator('form.editor button[type="submit"]').click();
      await page.waitForSelector('.field-error');
      expect(await page.locator('.field-error').textContent()).toBe('Choose a file to import.');
      await page
        .locator('input[name="file"]')
        .setInputFiles(join(fixtures, 'examples/activity-standard-example-annotated.xml'));
      await page.locator('form.editor button[type="submit"]').click();
      // The import runs in the job queue; its page follows it until the report shows.
      await page.waitForURL(/\/en\/projects\/import\/[0-9a-f-]{36}$/);
      await page.waitForSelector('[role="status"]', { timeout: 30_000 });
      expect(await page.locator('[role="status"]').textContent()).toBe(
        'IATI 2.03: 1 activity in the file; 1 created, 0 updated, 0 refused.',
      );
      await expectNoAxeViolations(page, 'IATI import report');
      const found = await fetch(`${server.url}/api/v1/projects/AA-AAA-123456789-ABC123`);
      expect(found.status).toBe(200);

      await page.locator('a', { hasText: 'Import another file' }).click();
      await page.waitForURL(`${server.url}/en/projects/import`);
      await page.locator('input[name="file"]').setInputFiles({
        name: 'unsafe.xml',
        mimeType: 'application/xml',
        buffer: Buffer.from(
          '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><iati-activities version="2.03"/>',
        ),
      });
      await page.locator('form.editor button[type="submit"]').click();
      await page.waitForSelector('[role="alert"]', { timeout: 30_000 });
      expect(await page.locator('[role="alert"]').textContent()).toContain('DOCTYPE');
      await context.close();
    },
    TEST_TIMEOUT,
  );
});
