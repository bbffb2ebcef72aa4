import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, type BrowserContext, findChromium, launchBrowser } from '../support/browser.js';
import { type RunningServer, removeDir, startServer } from '../support/server.js';

const hasBrowser = !!findChromium();
if (process.env.CI && !hasBrowser)
  throw new Error('CI=true but Chromium is missing: e2e tests must not be skipped');

let server: RunningServer;
let browser: BrowserContext;
let solutionSlug: string;
let organisationSlug: string;
let eventSlug: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const get = async (path: string) =>
    (await (await fetch(`${server.url}${path}`)).json()).items[0].slug as string;
  solutionSlug = await get('/api/v1/solutions?language=zh&limit=1');
  organisationSlug = await get('/api/v1/organisations?limit=1');
  eventSlug = await get('/api/v1/events?limit=1');
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

const pages = () => [
  ['home', '/'],
  ['solutions', '/solutions'],
  ['filtered solutions', '/solutions?theme=health&sdg=3'],
  ['solution', `/solutions/${solutionSlug}`],
  ['needs', '/needs'],
  ['closed needs', '/needs?status=closed'],
  ['offers', '/offers'],
  ['organisations', '/organisations'],
  ['organisation', `/organisations/${organisationSlug}`],
  ['events', '/events'],
  ['event', `/events/${eventSlug}`],
  ['about', '/about'],
  ['search', '/search?q=school'],
  ['search without results', '/search?q=zzzzqqqq'],
  ['not found', '/no-such-page'],
];

describe.skipIf(!hasBrowser)('web pages in Chromium', () => {
  for (const language of ['en', 'ar'] as const) {
    it(`every page renders in ${language} with correct lang/dir and no axe violations`, async () => {
      const page = await browser.newPage();
      const failures: string[] = [];
      for (const [name, path] of pages()) {
        const response = await page.goto(`${server.url}/${language}${path}`);
        expect(response!.status(), name).toBe(name === 'not found' ? 404 : 200);
        expect(await page.getAttribute('html', 'lang'), name).toBe(language);
        expect(await page.getAttribute('html', 'dir'), name).toBe(language === 'ar' ? 'rtl' : 'ltr');
        for (const violation of await axeViolations(page)) {
          failures.push(
            `${language}${path}: ${violation.id} (${violation.impact}) ${violation.help} at ${JSON.stringify(violation.nodes.slice(0, 3))}`,
          );
        }
      }
      await page.close();
      expect(failures).toEqual([]);
    });
  }

  it('the home page passes axe in every language', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const language of ['zh', 'fr', 'ru', 'es', 'vi']) {
      await page.goto(`${server.url}/${language}/`);
      expect(await page.getAttribute('html', 'lang')).toBe(language === 'zh' ? 'zh-Hans' : language);
      for (const v of await axeViolations(page)) failures.push(`${language}: ${v.id} ${v.help}`);
    }
    await page.close();
    expect(failures).toEqual([]);
  });

  it('lays Arabic out right to left', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/ar/solutions`);
    const direction = await page.evaluate(() => getComputedStyle(document.body).direction);
    expect(direction).toBe('rtl');
    const box = await page.locator('aside').boundingBox();
    const viewport = page.viewportSize()!;
    // The filter sidebar starts on the right-hand side in a right-to-left layout.
    expect(box!.x + box!.width).toBeGreaterThan(viewport.width / 2);
    await page.close();
  });

  it('switches language from the switcher and remembers it', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/solutions`);
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL(`${server.url}/vi/solutions`);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.goto(`${server.url}/events`);
    expect(new URL(page.url()).pathname).toBe('/vi/events');
    await page.close();
  });

  it('shows a solution in its original language beside the editorial translation', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/solutions/${solutionSlug}`);
    await expect(page.locator('section[lang="zh"]').count()).resolves.toBe(1);
    expect(await page.locator('.notice').first().textContent()).toContain('Chinese');
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('search page', () => {
  it('shows ranked results with highlighted snippets, facets and cross-lingual matches', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/search?q=${encodeURIComponent('学校供餐')}`);
    expect(await page.locator('.result').count()).toBeGreaterThan(0);
    expect(await page.locator('.result mark').count()).toBeGreaterThan(0);
    await page.locator('.facet a').first().click();
    await page.waitForURL(/type=|theme=|sdg=|region=|country=|language=/);
    expect(await page.locator('.facet a[aria-current="true"]').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('searches from the header with JavaScript, navigating in the page', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/fr/events`);
    await page.locator('header input[type="search"]').fill('alimentation scolaire');
    await page.locator('header button[type="submit"]').click();
    await page.waitForURL(/\/fr\/search\?q=/);
    await page.waitForSelector('.result');
    expect(await page.locator('h1').textContent()).toBe('Recherche');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('suggests completions as the user types', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/en/solutions`);
    await page.locator('header input[type="search"]').pressSequentially('school fe', { delay: 30 });
    await expect
      .poll(() => page.locator('header datalist option').count(), { timeout: 5000 })
      .toBeGreaterThan(0);
    await page.close();
  });

  it('suggests broader terms when nothing matches', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/ar/search?q=zzzzqqqq`);
    expect(await page.locator('.no-results a').count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe.skipIf(!hasBrowser)('without JavaScript', () => {
  it('searches and filters with plain forms', async () => {
    const context = await launchBrowser({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/en/`);
    await page.locator('header input[type="search"]').fill('school');
    await page.locator('header button[type="submit"]').click();
    await page.waitForURL(/\/en\/search\?q=school/);
    expect(await page.locator('h1').textContent()).toBe('Search');
    expect(await page.locator('[role="status"]').textContent()).toMatch(/\d+ results? for/);
    expect(await page.locator('.result').count()).toBeGreaterThan(0);

    await page.goto(`${server.url}/en/solutions`);
    await page.locator('aside select[name="theme"]').selectOption('health');
    await page.locator('aside button[type="submit"]').click();
    await page.waitForURL(/theme=health/);
    const cards = await page.locator('.card').count();
    expect(cards).toBeGreaterThan(0);
    await context.close();
  });

  it('shows a bad filter value beside its field', async () => {
    const context = await launchBrowser({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/en/events?from=2024-13-45`);
    expect(await page.locator('.field-error').count()).toBe(1);
    expect(await page.locator('[role="alert"]').textContent()).toContain('from');
    await context.close();
  });
});

describe('language negotiation at /', () => {
  it('redirects to the Accept-Language choice, then to the cookie', async () => {
    const first = await fetch(`${server.url}/`, {
      headers: { 'accept-language': 'fr-FR,fr;q=0.9' },
      redirect: 'manual',
    });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/fr/');
    const withCookie = await fetch(`${server.url}/solutions`, {
      headers: { 'accept-language': 'fr', cookie: 'sb_lang=ar' },
      redirect: 'manual',
    });
    expect(withCookie.headers.get('location')).toBe('/ar/solutions');
  });
});
