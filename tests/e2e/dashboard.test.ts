import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeViolations,
  type BrowserContext,
  findChromium,
  launchBrowser,
  type Page,
} from '../support/browser.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

const hasBrowser = !!findChromium();
if (process.env.CI && !hasBrowser)
  throw new Error('CI=true but Chromium is missing: e2e tests must not be skipped');

let server: RunningServer;
let browser: BrowserContext;
let noScript: BrowserContext;

const TEST_TIMEOUT = 180_000;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  noScript = await launchBrowser({ javaScriptEnabled: false });
});

afterAll(async () => {
  await browser?.close();
  await noScript?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => `${where}: ${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`),
  ).toEqual([]);
}

describe.skipIf(!hasBrowser)('the dashboard in Chromium', () => {
  it(
    'renders in English and Arabic without axe violations, with charts drawn after hydration',
    async () => {
      const page = await browser.newPage();
      for (const language of ['en', 'ar'] as const) {
        const response = await page.goto(`${server.url}/${language}/dashboard`);
        expect(response!.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        expect(await page.locator(`.main-nav a[href="/${language}/dashboard"]`).count()).toBe(1);
        const figures = page.locator('figure.chart-figure');
        // Records by dimension, project money, funding of projects and the match funnel.
        expect(await figures.count()).toBe(4);
        await expect.poll(() => figures.first().locator('.chart-live svg').count()).toBe(1);
        expect(await figures.first().locator('details table tbody tr').count()).toBeGreaterThan(0);
        // Indicator progress: one accessible <progress> per indicator with a target and an actual value.
        const bars = page.locator('.indicator-table progress');
        expect(await bars.count()).toBeGreaterThan(0);
        expect(Number(await bars.first().getAttribute('max'))).toBe(100);
        await expectNoAxeViolations(page, `${language} dashboard`);
      }
      expect(await page.locator('h1').textContent()).toBe('لوحة الرصد والتقييم');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'chooses a dimension without JavaScript, and its downloads answer with the right types',
    async () => {
      const page = await noScript.newPage();
      await page.goto(`${server.url}/en/dashboard`);
      const figure = page.locator('figure.chart-figure').first();
      expect(await figure.locator('figcaption').textContent()).toBe(
        'Records by Sustainable Development Goal',
      );
      expect(await figure.locator('.chart-canvas svg').getAttribute('role')).toBe('img');
      await page.locator('select[name="dimension"]').selectOption('theme');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/dimension=theme/);
      expect(await figure.locator('figcaption').textContent()).toBe('Records by theme');
      expect(await figure.locator('details thead th').allTextContents()).toEqual([
        'Theme',
        'Solutions',
        'Open needs',
        'Agreed matches',
        'Projects',
      ]);
      const types = {
        CSV: 'text/csv; charset=utf-8',
        'Excel (XLSX)': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'Picture (SVG)': 'image/svg+xml; charset=utf-8',
      };
      for (const [name, type] of Object.entries(types)) {
        const href = await figure.getByRole('link', { name }).getAttribute('href');
        expect(href).toContain('dimension=theme');
        const response = await fetch(`${server.url}${href}`);
        expect(response.status, name).toBe(200);
        expect(response.headers.get('content-type'), name).toBe(type);
      }
      // The CSV holds the numbers of the table.
      const csv = await (
        await fetch(`${server.url}${await figure.getByRole('link', { name: 'CSV' }).getAttribute('href')}`)
      ).text();
      const rows = await figure.locator('details tbody tr').count();
      expect(
        csv
          .replace(/^\uFEFF/, '')
          .trim()
          .split(/\r?\n/).length,
      ).toBe(rows + 1);

      // The money chart follows the dimension, in the most common currency.
      const money = page.locator('figure.chart-figure').nth(1);
      expect(await money.locator('figcaption').textContent()).toBe(
        'Project budgets and disbursements by theme, in USD',
      );
      const moneyCsv = await money.getByRole('link', { name: 'CSV' }).getAttribute('href');
      expect(moneyCsv).toContain('currency=USD');
      const moneyResponse = await fetch(`${server.url}${moneyCsv}`);
      expect(moneyResponse.status).toBe(200);
      expect(moneyResponse.headers.get('content-type')).toBe('text/csv; charset=utf-8');

      await page.locator('select[name="dimension"]').selectOption('year');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/dimension=year/);
      expect(await figure.locator('figcaption').textContent()).toBe('Records over time');
      await page.close();
    },
    TEST_TIMEOUT,
  );
});
