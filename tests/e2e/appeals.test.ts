import { readFileSync } from 'node:fs';
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
let smtp: Awaited<ReturnType<typeof startSmtpCatcher>>;
let staff: E2eAccount;
let browser: BrowserContext;

const TEST_TIMEOUT = 240_000;
const RATES = 'e2e-rates-2099-01';
const RATES_NAME = 'Rates stated for the appeal test';
/** Filled in by the set-up: the appeal, the fund and the projects the test creates. */
let appeal = { id: '', slug: '' };
let fund = { id: '', slug: '' };
const projects: Record<'border' | 'victims' | 'finance', { id: string; slug: string; title: string }> = {
  border: { id: '', slug: '', title: '' },
  victims: { id: '', slug: '', title: '' },
  finance: { id: '', slug: '', title: '' },
};

/** A JSON request to the API as the secretariat member. */
async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      origin: server.url,
      cookie: staff.cookie,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Creates through the API and fails loudly with the problem the API names. */
async function create(method: string, path: string, body: unknown) {
  const result = await api(method, path, body);
  expect([200, 201], `${method} ${path}: ${JSON.stringify(result.body)}`).toContain(result.status);
  return result.body;
}

const project = (title: string, overrides: Record<string, unknown>) => ({
  language: 'en',
  title,
  description: 'A project listed in the appeal the web test creates.',
  visibility: 'public',
  participants: [{ name: 'Implementing agency A', role: '4', southSouthRole: 'provider' }],
  countries: [{ iso3: 'NER', percentage: '100' }],
  regions: [],
  sectors: [{ code: '15210', percentage: '100' }],
  themes: [{ id: 'counter-terrorism', percentage: null }],
  sdgGoals: ['16'],
  sdgTargets: [],
  modalities: [],
  cooperationType: 'regional',
  status: '2',
  dates: { plannedStart: '2027-01-01', actualStart: null, plannedEnd: '2028-12-31', actualEnd: null },
  defaultCurrency: 'USD',
  budgets: [],
  transactions: [],
  results: [],
  publication: 'published',
  ...overrides,
});

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  const accounts = await e2eAccounts(server, smtp);
  staff = await accounts.create('secretariat');
  browser = await launchBrowser();

  await create('POST', '/api/v1/rate-tables', {
    id: RATES,
    name: RATES_NAME,
    effectiveOn: '2099-01-01',
    source: 'Rates stated for the web test',
    rates: { EUR: '1.10' },
  });
  appeal = await create('POST', '/api/v1/appeals', {
    name: 'Joint appeal for the Sahel and East Africa 2027–2028',
    description: 'Projects of the compact entities for two years, with their funding requirements.',
    language: 'en',
    periodStart: 2027,
    periodEnd: 2028,
  });
  fund = await create('POST', '/api/v1/funds', { name: 'Web test trust fund', language: 'en' });
  const specs = {
    border: project('Border security in the Sahel (web test)', {
      countries: [
        { iso3: 'NER', percentage: '60' },
        { iso3: 'MLI', percentage: '40' },
      ],
      themes: [
        { id: 'wg-border-law-enforcement', percentage: '70' },
        { id: 'counter-terrorism', percentage: '30' },
      ],
      participants: [
        { name: 'Implementing agency A', role: '4', southSouthRole: 'provider' },
        { name: 'Implementing agency B', role: '4', southSouthRole: 'provider' },
      ],
    }),
    victims: project('Support to victims of terrorism in Kenya (web test)', {
      countries: [{ iso3: 'KEN', percentage: '100' }],
      themes: [{ id: 'wg-human-rights-victims', percentage: null }],
      participants: [{ name: 'Implementing agency B', role: '4', southSouthRole: 'provider' }],
    }),
    finance: project('Countering the financing of terrorism in South-East Asia (web test)', {
      countries: [
        { iso3: 'IDN', percentage: '50' },
        { iso3: 'PHL', percentage: '50' },
      ],
      themes: [{ id: 'wg-criminal-justice-cft', percentage: null }],
      participants: [{ name: 'Implementing agency C', role: '4', southSouthRole: 'provider' }],
    }),
  };
  for (const key of ['border', 'victims', 'finance'] as const)
    projects[key] = await create('POST', '/api/v1/projects', specs[key]);

  const lines = [
    ['border', '1000000.00', 'Border programme'],
    ['victims', '250000.50', 'Victims programme'],
    ['finance', '500000.00', 'Financing programme'],
  ] as const;
  for (const [key, requirement, programme] of lines)
    await create('PUT', `/api/v1/appeals/${appeal.slug}/projects/${projects[key].slug}`, {
      requirement,
      currency: 'USD',
      programme,
    });
  const given = [
    { donorName: 'Donor One', project: 'border', amount: '300000.00', currency: 'USD', status: 'paid' },
    { donorName: 'Donor One', project: 'border', amount: '100000.00', currency: 'EUR', status: 'paid' },
    { donorName: 'Donor Two', project: 'victims', amount: '250000.50', currency: 'USD', status: 'paid' },
    { donorName: 'Donor Three', project: null, amount: '50000.00', currency: 'USD', status: 'pledged' },
    { donorName: 'Donor Four', project: 'finance', amount: '1000', currency: 'CHF', status: 'pledged' },
  ] as const;
  for (const g of given)
    await create('POST', '/api/v1/contributions', {
      donorName: g.donorName,
      appeal: appeal.slug,
      ...(g.project ? { project: projects[g.project].slug } : {}),
      amount: g.amount,
      currency: g.currency,
      status: g.status,
      madeOn: '2026-03-01',
      note: g.project ? undefined : 'For the appeal as a whole',
    });
  await create('POST', '/api/v1/contributions', {
    donorName: 'Donor Five',
    fund: fund.slug,
    amount: '200000',
    currency: 'USD',
    status: 'paid',
    madeOn: '2026-01-15',
  });
  await create('POST', `/api/v1/funds/${fund.slug}/allocations`, {
    project: projects.border.slug,
    appeal: appeal.slug,
    amount: '150000.00',
    currency: 'USD',
    allocatedOn: '2026-05-01',
  });
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

/** The text of one totals card. */
const card = (page: Page, figure: string) =>
  page.locator(`.figure-cards [data-figure="${figure}"] dd`).textContent();

/** The explorer's rows: label, projects, requirement, pledged, paid, gap and % funded, as shown. */
async function explorerRows(page: Page) {
  return page
    .locator('table.explorer-table tbody tr:not(.unearmarked-row)')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

const totalRow = (page: Page) =>
  page
    .locator('table.explorer-table tfoot tr')
    .evaluate((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''));

const usd = (amount: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(amount as `${number}`);

/** The explorer as the API answers it, for the same query. */
async function explorerOf(query: string) {
  const result = await api('GET', `/api/v1/appeals/${appeal.slug}?rates=${RATES}&${query}`);
  expect(result.status).toBe(200);
  return result.body.explorer as {
    rows: Array<{ key: string; label: string; requirement: string; pledged: string; projects: number }>;
    totals: { requirement: string; pledged: string; paid: string; gap: string; projects: number };
  };
}

describe.skipIf(!hasBrowser)('appeals and trust funds in the web UI', () => {
  it(
    'the appeal explorer shows the totals the API computes, rows linking to projects, and passes axe',
    async () => {
      const detail = (await api('GET', `/api/v1/appeals/${appeal.slug}?rates=${RATES}`)).body;
      expect(detail.totals).toMatchObject({
        requirement: '1750000.50',
        pledged: '860000.50',
        paid: '810000.50',
        gap: '890000.00',
      });
      const page = await browser.newPage();
      const response = await page.goto(`${server.url}/en/appeals/${appeal.slug}?rates=${RATES}`);
      expect(response!.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe(
        'Joint appeal for the Sahel and East Africa 2027–2028',
      );
      expect(await page.locator('dt:text-is("Period") + dd').textContent()).toBe('2027–2028');
      // The cards are the API's figures, formatted to the cent.
      expect(await card(page, 'requirement')).toBe(usd(detail.totals.requirement));
      expect(await card(page, 'requirement')).toBe('$1,750,000.50');
      expect(await card(page, 'pledged')).toBe(usd(detail.totals.pledged));
      expect(await card(page, 'paid')).toBe(usd(detail.totals.paid));
      expect(await card(page, 'gap')).toBe(usd(detail.totals.gap));
      // 860,000.50 of 1,750,000.50 is 49.1%: shown rounded down.
      expect(await card(page, 'funded')).toBe('49%');

      // Grouped by project: each row links to its project; the bar is decoration, the number is text.
      const rows = await explorerRows(page);
      expect(rows.map((row) => row[0])).toEqual(
        detail.explorer.rows.map((row: { label: string }) => row.label),
      );
      expect(rows[0]).toEqual([
        projects.border.title,
        '1',
        '$1,000,000.00',
        '$560,000.00',
        '$560,000.00',
        '$440,000.00',
        '56%',
      ]);
      expect(await page.locator('table.explorer-table tbody th a').first().getAttribute('href')).toBe(
        `/en/projects/${projects.border.slug}`,
      );
      expect(await page.locator('.funded-bar').first().getAttribute('aria-hidden')).toBe('true');
      expect(await page.locator('.unearmarked-row').textContent()).toContain('$50,000.00');
      expect(await totalRow(page)).toEqual([
        'Total',
        '3',
        '$1,750,000.50',
        '$860,000.50',
        '$810,000.50',
        '$890,000.00',
        '49%',
      ]);
      // CHF has no rate in the table: stated apart, with the currencies as given.
      const unconverted = await page.locator('.unconverted').textContent();
      expect(unconverted).toContain('CHF');
      expect(unconverted).toContain('1,000.00');
      const currencies = await page.locator('table.by-currency tbody th').allTextContents();
      expect(currencies).toEqual(['CHF', 'EUR', 'USD']);
      expect(await page.locator('table.by-currency tbody tr:has(th:text-is("EUR"))').textContent()).toContain(
        '€100,000.00',
      );
      // The rule and the rate table used.
      expect(await page.locator('.rule p').textContent()).toBe(detail.explorer.rule);
      const rates = await page.locator('.rate-table').textContent();
      expect(rates).toContain(RATES_NAME);
      expect(rates).toContain('January 1, 2099');
      expect(rates).toContain('Rates stated for the web test');
      // Contributions: five to the appeal, one unearmarked.
      const contributions = page.locator('table.contributions tbody tr');
      expect(await contributions.count()).toBe(5);
      const unearmarked = contributions.filter({ hasText: 'Donor Three' });
      expect(await unearmarked.textContent()).toContain('Unearmarked');
      expect(await unearmarked.textContent()).toContain('For the appeal as a whole');
      expect(await unearmarked.textContent()).toContain('Pledged');
      expect(await unearmarked.textContent()).toContain('March 1, 2026');
      await expectNoAxeViolations(page, `en/appeals/${appeal.slug}`);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'filters by country and by implementing partner and groups by theme with the form',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/appeals/${appeal.slug}?rates=${RATES}`);
      await page.locator('aside select[name="country"]').selectOption('KEN');
      await page.locator('aside button[type="submit"]').click();
      await page.waitForURL(/country=KEN/);
      await page.waitForSelector('#results-heading:text("1 project")');
      expect((await explorerRows(page)).map((row) => row[0])).toEqual([projects.victims.title]);
      const kenya = await explorerOf('country=KEN');
      expect(await totalRow(page)).toEqual([
        'Total',
        '1',
        usd(kenya.totals.requirement),
        usd(kenya.totals.pledged),
        usd(kenya.totals.paid),
        usd(kenya.totals.gap),
        '100%',
      ]);
      // Unearmarked money is left out while filtering.
      expect(await page.locator('.unearmarked-row').textContent()).toContain('$0.00');

      await page.locator('aside select[name="country"]').selectOption('');
      await page.locator('aside select[name="partner"]').selectOption('Implementing agency B');
      await page.locator('aside select[name="groupBy"]').selectOption('theme');
      await page.locator('aside button[type="submit"]').click();
      await page.waitForURL(/groupBy=theme/);
      await page.waitForSelector('#results-heading:text("By Theme · 2 projects")');
      const byTheme = await explorerOf('partner=Implementing%20agency%20B&groupBy=theme');
      const shown = await explorerRows(page);
      expect(shown.map((row) => [row[0], row[2], row[3]])).toEqual(
        byTheme.rows.map((row) => [row.label, usd(row.requirement), usd(row.pledged)]),
      );
      expect(shown).toHaveLength(3);
      // Themes do not link; the totals are those of the two projects agency B implements.
      expect(await page.locator('table.explorer-table tbody th a').count()).toBe(0);
      expect((await totalRow(page))[2]).toBe(usd(byTheme.totals.requirement));
      expect(byTheme.totals.requirement).toBe('1250000.50');
      // The download links carry the same filters.
      const csv = await page.locator('a[href*="/export?format=csv"]').getAttribute('href');
      expect(csv).toContain(`/api/v1/appeals/${appeal.slug}/export?format=csv&`);
      const query = new URLSearchParams(csv!.split('?')[1]);
      expect(Object.fromEntries(query)).toMatchObject({
        format: 'csv',
        partner: 'Implementing agency B',
        groupBy: 'theme',
        rates: RATES,
        lang: 'en',
      });
      expect(query.has('country')).toBe(false);
      expect(await page.locator('a[href*="/export?format=xlsx"]').count()).toBe(1);

      // The CSV link downloads the rows shown.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('a[href*="/export?format=csv"]').click(),
      ]);
      const lines = readFileSync((await download.path())!, 'utf8')
        .trim()
        .split(/\r?\n/);
      expect(lines[0]).toContain('requirement_USD');
      expect(lines).toHaveLength(byTheme.rows.length + 1);
      expect(lines.join('\n')).toContain('wg-human-rights-victims');
      await expectNoAxeViolations(page, `en/appeals/${appeal.slug}?groupBy=theme`);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'works without JavaScript: the GET form filters and groups, countries link, bad values are named beside their field',
    async () => {
      const context = await launchBrowser({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${server.url}/en/appeals/${appeal.slug}?rates=${RATES}`);
      await page.locator('aside select[name="partner"]').selectOption('Implementing agency B');
      await page.locator('aside select[name="groupBy"]').selectOption('country');
      await page.locator('aside button[type="submit"]').click();
      await page.waitForURL(/groupBy=country/);
      const byCountry = await explorerOf('partner=Implementing%20agency%20B&groupBy=country');
      const rows = await explorerRows(page);
      expect(rows.map((row) => row[0])).toEqual(byCountry.rows.map((row) => row.label));
      expect(await page.locator('table.explorer-table tbody th a[href="/en/countries/KEN"]').count()).toBe(1);
      expect(await page.locator('table.explorer-table tbody th a[href="/en/countries/NER"]').count()).toBe(1);

      // Bad values: the page still answers, with the problem beside the field and the filter dropped.
      const bad = await page.goto(
        `${server.url}/en/appeals/${appeal.slug}?country=Kenya&rates=no-such-table`,
      );
      expect(bad!.status()).toBe(200);
      expect(await page.locator('.field:has(select[name="country"]) .field-error').count()).toBe(1);
      expect(await page.locator('.field:has(select[name="rates"]) .field-error').textContent()).toContain(
        'no-such-table',
      );
      expect((await totalRow(page))[1]).toBe('3');
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'the list of appeals and trust funds names the rate table, and the Arabic pages are right to left and pass axe',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/appeals`);
      expect(await page.locator('nav.main-nav a[href="/en/appeals"]').count()).toBe(1);
      expect(await page.locator('.rates-note').textContent()).toContain(RATES_NAME);
      const row = page.locator(`table.appeals-table tr[data-slug="${appeal.slug}"]`);
      const cells = await row.locator('th, td').allTextContents();
      expect(cells).toEqual([
        'Joint appeal for the Sahel and East Africa 2027–2028',
        '2027–2028',
        '',
        '$1,750,000.50',
        '$860,000.50',
        '$810,000.50',
        '$890,000.00',
        '49%',
      ]);
      // The demo appeals and trust funds are listed too.
      expect(
        await page.locator('table.appeals-table tr[data-slug="ct-multi-year-appeal-2019-2020"]').count(),
      ).toBe(1);
      const fundRow = page.locator(`table.funds-table tr[data-slug="${fund.slug}"]`);
      expect(await fundRow.locator('td').allTextContents()).toEqual([
        '',
        '$200,000.00',
        '$200,000.00',
        '$150,000.00',
        '$50,000.00',
      ]);
      await expectNoAxeViolations(page, 'en/appeals');
      // The trust funds' own address leads to their section of the list.
      await page.goto(`${server.url}/en/funds`);
      expect(new URL(page.url()).pathname).toBe('/en/appeals');

      for (const path of ['/ar/appeals', `/ar/appeals/${appeal.slug}?groupBy=country`]) {
        const response = await page.goto(`${server.url}${path}`);
        expect(response!.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe('rtl');
        expect(await page.getAttribute('html', 'lang')).toBe('ar');
        await expectNoAxeViolations(page, path);
      }
      expect(await page.locator('h2#explorer-heading').textContent()).toBe('مستكشف التمويل');
      expect(await page.locator('table.explorer-table tbody th a[href="/ar/countries/KEN"]').count()).toBe(1);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a trust fund shows its totals, contributions and allocations, and passes axe',
    async () => {
      const detail = (await api('GET', `/api/v1/funds/${fund.slug}?rates=${RATES}`)).body;
      expect(detail.totals).toMatchObject({ paid: '200000.00', allocated: '150000.00', balance: '50000.00' });
      const page = await browser.newPage();
      const response = await page.goto(`${server.url}/en/funds/${fund.slug}`);
      expect(response!.status()).toBe(200);
      expect(await page.locator('h1').textContent()).toBe('Web test trust fund');
      expect(await card(page, 'pledged')).toBe(usd(detail.totals.pledged));
      expect(await card(page, 'paid')).toBe(usd(detail.totals.paid));
      expect(await card(page, 'allocated')).toBe('$150,000.00');
      expect(await card(page, 'balance')).toBe('$50,000.00');
      expect(await page.locator('table.contributions tbody tr').count()).toBe(1);
      const allocation = page.locator('table.allocations tbody tr');
      expect(await allocation.count()).toBe(1);
      expect(await allocation.locator('a').first().getAttribute('href')).toBe(
        `/en/projects/${projects.border.slug}`,
      );
      expect(await allocation.locator(`a[href="/en/appeals/${appeal.slug}"]`).count()).toBe(1);
      expect(await allocation.textContent()).toContain('$150,000.00');
      await expectNoAxeViolations(page, `en/funds/${fund.slug}`);

      // A demo fund, written in Chinese, with the figures its sources state.
      await page.goto(`${server.url}/en/funds/un-counter-terrorism-trust-fund`);
      expect(await page.locator('h1').textContent()).toBe('United Nations Trust Fund for Counter-Terrorism');
      const stated = page.locator('table.stated-figures tbody tr');
      expect(await stated.count()).toBeGreaterThanOrEqual(2);
      expect(await stated.first().textContent()).toContain('$340,200,000.00');
      await expectNoAxeViolations(page, 'en/funds/un-counter-terrorism-trust-fund');
      await page.goto(`${server.url}/ar/funds/un-counter-terrorism-trust-fund`);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await expectNoAxeViolations(page, 'ar/funds/un-counter-terrorism-trust-fund');
      expect((await page.goto(`${server.url}/en/funds/${appeal.slug}`))!.status()).toBe(404);
      await page.close();
    },
    TEST_TIMEOUT,
  );
});
