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

/** The country pages the map links to, and those the table links to for countries drawn on the map. */
async function linkedCountries(page: Page) {
  const map = await page
    .locator('.world-map a[data-iso3]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!).sort());
  const table = await page.locator('.map-table tbody tr').evaluateAll((rows) =>
    rows
      .filter((row) => !row.querySelector('.meta'))
      .map((row) => row.querySelector('a')!.getAttribute('href')!)
      .sort(),
  );
  return { map, table };
}

describe.skipIf(!hasBrowser)('the world map in Chromium', () => {
  it(
    'renders in English and Arabic without axe violations, with a table of the same countries',
    async () => {
      const page = await browser.newPage();
      for (const language of ['en', 'ar'] as const) {
        const response = await page.goto(`${server.url}/${language}/map`);
        expect(response!.status()).toBe(200);
        expect(await page.getAttribute('html', 'dir')).toBe(language === 'ar' ? 'rtl' : 'ltr');
        // The picture keeps its orientation; the legend, form and tables follow the page.
        expect(await page.locator('.world-map').getAttribute('dir')).toBe('ltr');
        expect(await page.locator('figure figcaption').textContent()).toBeTruthy();
        await expectNoAxeViolations(page, `${language} map`);
        const { map, table } = await linkedCountries(page);
        expect(map.length).toBeGreaterThan(10);
        expect(table).toEqual(map);
        expect(await page.locator('.map-legend li').count()).toBeGreaterThan(1);
      }
      // Accessible names count in the page language, with plurals.
      await page.goto(`${server.url}/en/map`);
      expect(await page.locator('.world-map a[data-iso3="KEN"]').getAttribute('aria-label')).toMatch(
        /^Kenya: \d+ solutions?$/,
      );
      await page.goto(`${server.url}/ar/map`);
      expect(await page.locator('.world-map a[data-iso3="KEN"]').getAttribute('aria-label')).toMatch(
        /^كينيا: /,
      );
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'chooses another metric and sorts the table without JavaScript',
    async () => {
      const page = await noScript.newPage();
      await page.goto(`${server.url}/en/map`);
      expect(await page.locator('.world-map .map-flows path').count()).toBeGreaterThan(0);
      await page.locator('select[name="metric"]').selectOption('offers');
      await page.locator('input[name="flows"]').uncheck();
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/metric=offers/);
      expect(new URL(page.url()).searchParams.get('flows')).toBeNull();
      expect(await page.locator('figure figcaption').textContent()).toContain('Open offers by country');
      expect(await page.locator('.world-map .map-flows').count()).toBe(0);
      const first = page.locator('.world-map a[data-iso3]').first();
      expect(await first.getAttribute('aria-label')).toMatch(/: \d+ open offers?$/);
      const { map, table } = await linkedCountries(page);
      expect(table).toEqual(map);
      // The table sorts by name on the server.
      await page.getByRole('link', { name: 'Country or area' }).click();
      await page.waitForURL(/sort=name/);
      const names = await page.locator('.map-table tbody th a').allTextContents();
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
      expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('Country or area');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'is keyboard accessible: Tab reaches a country and Enter opens its page, which passes axe',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/map`);
      await page.waitForFunction(() => document.querySelector('.world-map') !== null);
      let focused: string | null = null;
      for (let i = 0; i < 80 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await page.evaluate(() => document.activeElement?.getAttribute('data-iso3') ?? null);
      }
      expect(focused).toMatch(/^[A-Z]{3}$/);
      // After hydration, focus shows the same text in a tooltip (each try focuses it afresh, since
      // a focus before hydration shows nothing).
      const label = await page.locator(`.world-map a[data-iso3="${focused}"]`).getAttribute('aria-label');
      await expect
        .poll(
          async () => {
            await page.evaluate((iso3) => {
              const link = document.querySelector<SVGAElement>(`.world-map a[data-iso3="${iso3}"]`)!;
              link.blur();
              link.focus();
            }, focused);
            const tooltip = page.locator('.map-tooltip');
            return (await tooltip.count()) ? tooltip.textContent() : null;
          },
          { timeout: 60_000 },
        )
        .toBe(label);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.url}/en/countries/${focused}`);
      await expect.poll(() => page.locator('h1').textContent()).toBeTruthy();
      expect(await page.locator('#solutionsDeveloped').count()).toBe(1);
      await expectNoAxeViolations(page, `country ${focused}`);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a country page with its records and charts, with downloads, in English and Arabic',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/map`);
      // Hovering a country highlights it and shows its value, once the page has hydrated: until
      // then a hover does nothing, so each try moves the pointer away and back.
      const tooltip = page.locator('.map-tooltip');
      await expect
        .poll(
          async () => {
            await page.mouse.move(0, 0);
            await page.locator('.world-map a[data-iso3="BRA"] path').hover();
            return (await tooltip.count()) ? tooltip.textContent() : null;
          },
          { timeout: 60_000 },
        )
        .toMatch(/^Brazil: \d+ solutions?$/);
      expect(await page.locator('.world-map a[data-iso3="BRA"]').getAttribute('class')).toBe('is-active');
      await page.locator('.map-table a[href="/en/countries/KEN"]').click();
      await page.waitForURL(`${server.url}/en/countries/KEN`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Kenya');
      expect(await page.locator('#solutionsReplicated').textContent()).toBe('Solutions adopted here (2)');
      const figure = page.locator('figure.chart-figure').first();
      expect(await figure.locator('figcaption').textContent()).toBe('Solutions linked to Kenya, by theme');
      // The browser draws the chart once hydrated; the table stays as the alternative.
      await expect.poll(() => figure.locator('.chart-live svg').count()).toBe(1);
      expect(await figure.locator('details table tbody tr').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page, 'country KEN');
      const csv = await figure.getByRole('link', { name: 'CSV' }).getAttribute('href');
      const response = await fetch(`${server.url}${csv}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(await figure.getByRole('link', { name: 'Excel (XLSX)' }).count()).toBe(1);
      expect(await figure.getByRole('link', { name: 'Picture (SVG)' }).count()).toBe(1);

      await page.goto(`${server.url}/ar/countries/KEN`);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await expect.poll(() => page.locator('h1').textContent()).toBe('كينيا');
      await expectNoAxeViolations(page, 'Arabic country KEN');
      expect((await page.goto(`${server.url}/en/countries/XXX`))!.status()).toBe(404);

      // Without JavaScript the server's SVG is the chart.
      const plain = await noScript.newPage();
      await plain.goto(`${server.url}/en/countries/KEN`);
      const svg = plain.locator('figure.chart-figure .chart-canvas svg').first();
      expect(await svg.getAttribute('role')).toBe('img');
      expect(await svg.locator('title').textContent()).toBe('Solutions linked to Kenya, by theme');
      await plain.close();
      await page.close();
    },
    TEST_TIMEOUT,
  );
});
