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
/** Posts the need, on the need's side of the match. */
let member: E2eAccount;
/** Wrote the French solution, so acts for its side of the match. */
let staff: E2eAccount;
/** An organisation with no part in the match. */
let strangerOrganisation = '';
const contexts: BrowserContext[] = [];
/** Filled in as the tests go. */
let solutionId = '';
let needSlug = '';
let matchId = '';

/** Each test walks through many pages on a busy two-core machine. */
const TEST_TIMEOUT = 240_000;
const SOLUTION_TITLE = 'Cantines scolaires approvisionnées par les petits producteurs';
const NEED_TITLE = 'Alimentación escolar con compras locales';
const MESSAGE = '¿Podrían compartir los pliegos de compra que usan con los productores?';

/** Calls the API with a browser's Origin header, as someone or as nobody. */
async function api(method: string, path: string, body?: unknown, cookie = '') {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      origin: server.url,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(cookie ? { cookie } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
}

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  accounts = await e2eAccounts(server, smtp);
  const organisations = (await api('GET', '/api/v1/organisations?limit=3')).body.items as Array<{
    id: string;
    slug: string;
  }>;
  member = await accounts.create('member', { organisationId: organisations[0]!.id, name: 'Lucía Fernández' });
  strangerOrganisation = organisations[2]!.id;
  staff = await accounts.create('secretariat', { name: 'Amadou Sow' });

  // (a) A French solution about school feeding, written and published by the secretariat.
  const created = await api(
    'POST',
    '/api/v1/solutions',
    {
      language: 'fr',
      title: SOLUTION_TITLE,
      summary:
        'Un programme national d’alimentation scolaire achète les repas des écoles rurales auprès des petits producteurs locaux.',
      description:
        'Les cantines scolaires sont approvisionnées par des coopératives de petits exploitants, avec des achats locaux planifiés sur l’année scolaire.',
      countries: ['SEN'],
      providers: [organisations[1]!.slug],
      themes: ['school-feeding'],
      sdgTargets: ['2.1'],
      visibility: 'public',
    },
    staff.cookie,
  );
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  solutionId = created.body.id;
  expect((await api('POST', `/api/v1/solutions/${solutionId}/submit`, undefined, staff.cookie)).status).toBe(
    200,
  );
  const published = await api(
    'POST',
    `/api/v1/solutions/${solutionId}/review`,
    { decision: 'publish' },
    staff.cookie,
  );
  expect(published.status, JSON.stringify(published.body)).toBe(200);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.stop();
  await smtp?.close();
  if (server) removeDir(server.dataDir);
});

/** A page in a fresh browser, where `account` (if any) is signed in. */
async function pageAs(account: E2eAccount | null, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await launchBrowser(options);
  contexts.push(context);
  if (account) await accounts.signInBrowser(context, account);
  return context.newPage();
}

async function expectNoAxeViolations(page: Page, where: string) {
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => `${where}: ${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`),
  ).toEqual([]);
}

/** The error shown beside the input named `name`. */
const errorBeside = (page: Page, name: string) =>
  page.locator(`.field:has([name="${name}"]) .field-error`).textContent();

/** The match of the list whose title (or candidate) is `title`. */
const matchItem = (page: Page, title: string) => page.locator('li.match', { hasText: title });

/** The status tag at the top of the match page. */
const matchStatus = (page: Page) => page.locator('main > article > .match-meta .status').textContent();

describe.skipIf(!hasBrowser)('matching in the web UI', () => {
  it(
    'a Spanish need finds the French solution, and its author expresses interest and writes',
    async () => {
      const page = await pageAs(member);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      // (b) The need, posted through its form.
      await page.goto(`${server.url}/es/needs/new`);
      await page.locator('input[name="title"]').fill(NEED_TITLE);
      await page
        .locator('textarea[name="description"]')
        .fill(
          'El Ministerio de Educación busca experiencia en alimentación escolar con compras locales a pequeños productores para las escuelas rurales.',
        );
      await page.locator('select[name="country"]').selectOption('SEN');
      await page.locator('select[name="themes"]').selectOption(['school-feeding']);
      await page.locator('select[name="workingLanguages"]').selectOption(['es', 'fr']);
      await page.locator('main form.editor button[type="submit"]').first().click();
      await page.waitForURL(/\/es\/needs\/alimentacion-escolar/);
      needSlug = new URL(page.url()).pathname.split('/').pop()!;

      // (c) Its matches: the French solution, its title marked as French, with its reasons.
      await expect.poll(() => page.locator('#matches-heading').textContent()).toBe('Coincidencias');
      const item = matchItem(page, SOLUTION_TITLE);
      expect(await item.count()).toBe(1);
      expect(await item.locator('h3 .badge').textContent()).toBe('Solución');
      expect(await item.locator('h3 a').getAttribute('lang')).toBe('fr');
      expect(await item.locator('h3 a').getAttribute('href')).toMatch(/^\/es\/solutions\//);
      expect(await item.locator('.status').textContent()).toBe('Sugerida');
      expect(await item.locator('.fit').textContent()).toMatch(/^Adecuación: 0,\d\d sobre 1$/);
      const reasons = await item.locator('.reasons li').allTextContents();
      expect(reasons).toContainEqual(expect.stringMatching(/^Comparte el concepto «alimentación escolar»/));
      // Best first.
      const scores = await page
        .locator('li.match meter')
        .evaluateAll((meters) => meters.map((m) => Number(m.getAttribute('value'))));
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);

      // (d) Expressing interest from the need page opens the match page.
      await item.getByRole('button', { name: /^Expresar interés/ }).click();
      await page.waitForURL(/\/es\/matches\/[0-9a-f-]{36}$/);
      matchId = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => matchStatus(page)).toBe('Interés expresado');
      expect(await page.locator('h1 span[lang="fr"]').textContent()).toBe(SOLUTION_TITLE);
      expect(await page.locator('h1').textContent()).toContain(NEED_TITLE);
      const history = await page.locator('.history li').allTextContents();
      expect(history).toHaveLength(2);
      expect(history[0]).toMatch(/^Sugerida por la plataforma/);
      expect(history[1]).toContain('Expresó interés');
      expect(history[1]).toContain('Lucía Fernández');
      expect(history[1]).toContain('Parte de la necesidad');
      expect(await page.locator('.parties').textContent()).toContain('Su parte');
      // Having expressed interest, the need's side may only decline (or write) now.
      expect(await page.getByRole('button', { name: 'Aceptar' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Rechazar' }).count()).toBe(1);

      // (e) A message in the thread.
      expect(await page.locator('#messages-section').textContent()).toContain('Todavía no hay mensajes.');
      await page.locator('textarea[name="body"]').fill(MESSAGE);
      await page.getByRole('button', { name: 'Enviar' }).click();
      await expect.poll(() => page.locator('#messages-section .posts li').count()).toBe(1);
      const message = page.locator('#messages-section .posts li').first();
      expect(await message.locator('.post-body').textContent()).toBe(MESSAGE);
      expect(await message.locator('.meta').textContent()).toMatch(/^Usted · Parte de la necesidad · /);

      // The need page now shows the match as interested, with a link to it and no button.
      await page.goto(`${server.url}/es/needs/${needSlug}`);
      const after = matchItem(page, SOLUTION_TITLE);
      expect(await after.locator('.status').textContent()).toBe('Interés expresado');
      expect(await after.getByRole('button', { name: /^Expresar interés/ }).count()).toBe(0);
      expect(await after.locator(`a[href="/es/matches/${matchId}"]`).count()).toBe(1);
      // Rendered on the server and hydrated in the browser without complaint.
      expect(errors).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'the other side finds it from its notifications, refuses an empty decline and accepts; then the agreement',
    async () => {
      const page = await pageAs(staff);
      await page.goto(`${server.url}/en/notifications`);
      const note = page.locator('.notifications li', { hasText: 'Interest in a match' });
      await expect.poll(() => note.count()).toBeGreaterThan(0);
      expect(await page.locator('.notifications li', { hasText: 'New message on a match' }).count()).toBe(1);
      // Click once the page has settled: a click while it hydrates can be lost on a busy machine.
      await page.waitForLoadState('networkidle');
      await note.first().locator(`a[href="/en/matches/${matchId}"]`).click();
      await page.waitForURL(`${server.url}/en/matches/${matchId}`);
      await expect.poll(() => matchStatus(page)).toBe('Interest expressed');
      expect(await page.locator('main').textContent()).toContain('You act for this side: Solution side.');
      // The message the need's side wrote, under its author's name.
      expect(await page.locator('#messages-section .posts .meta').first().textContent()).toMatch(
        /^Lucía Fernández · Need side · /,
      );

      // Declining needs a reason, said beside the field; nothing changes.
      await page.getByRole('button', { name: 'Decline' }).click();
      await expect
        .poll(() => errorBeside(page, 'reason'))
        .toBe('Say why it does not fit, in 3 to 2,000 characters.');
      expect(await page.locator('textarea[name="reason"]').getAttribute('aria-invalid')).toBe('true');
      expect(await matchStatus(page)).toBe('Interest expressed');
      await expectNoAxeViolations(page, 'match page with an error');

      await page.getByRole('button', { name: 'Accept', exact: true }).click();
      await expect.poll(() => matchStatus(page)).toBe('Accepted');
      expect(await page.locator('.history li').last().textContent()).toContain('Amadou Sow');

      // The need's side records the agreement, without JavaScript: too short first, then in full.
      const requester = await pageAs(member, { javaScriptEnabled: false });
      await requester.goto(`${server.url}/en/matches/${matchId}`);
      await requester.locator('textarea[name="summary"]').fill('Too short');
      await requester.getByRole('button', { name: 'Record the agreement' }).click();
      await expect
        .poll(() => errorBeside(requester, 'summary'))
        .toBe('Describe the agreement in 10 to 4,000 characters.');
      expect(await requester.locator('textarea[name="summary"]').inputValue()).toBe('Too short');
      const summary = 'A study visit to Dakar in March, then a joint plan for local purchases.';
      await requester.locator('textarea[name="summary"]').fill(summary);
      await requester.getByRole('button', { name: 'Record the agreement' }).click();
      await expect.poll(() => matchStatus(requester)).toBe('Agreed');
      expect(await requester.locator('#agreement-section .prose').textContent()).toBe(summary);
      expect(await requester.locator('.history li').last().textContent()).toContain('Recorded the agreement');
      // An agreed match becomes a draft project in one step, linked back from the match.
      await requester.getByRole('button', { name: 'Turn into a draft project' }).click();
      await requester.waitForURL(/\/en\/projects\//);
      expect(await requester.locator('h1').textContent()).toBe(NEED_TITLE);
      expect(await requester.locator('main').textContent()).toContain('This project is a draft');
      await requester.goto(`${server.url}/en/matches/${matchId}`);
      expect(await requester.locator('#actions-heading + p').textContent()).toMatch(/nothing for you to do/);
      expect(await requester.locator('#agreement-section a').getAttribute('href')).toMatch(
        /^\/en\/projects\//,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'lists the member’s matches with a status filter, and hides a match from strangers and visitors',
    async () => {
      const page = await pageAs(member);
      await page.goto(`${server.url}/en/`);
      await page.locator('nav.main-nav a', { hasText: 'Matches' }).click();
      await page.waitForURL(`${server.url}/en/matches`);
      // Every suggestion for the member's need is listed, the one acted on among them.
      await expect.poll(() => page.locator('li.match').count()).toBeGreaterThan(1);
      const item = matchItem(page, SOLUTION_TITLE);
      expect(await item.count()).toBe(1);
      expect(await item.locator('h3').textContent()).toBe(NEED_TITLE);
      expect(await item.locator('.status').textContent()).toBe('Agreed');
      await page.locator('select[name="status"]').selectOption('agreed');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/status=agreed/);
      await expect.poll(() => page.locator('li.match').count()).toBe(1);
      await page.goto(`${server.url}/en/matches?status=declined`);
      expect(await page.locator('li.match').count()).toBe(0);
      expect(await page.locator('main').textContent()).toContain('No matches with this status.');
      // Back to the home page through the client router (its data request is /en.data).
      await page.locator('nav.main-nav a', { hasText: 'Home' }).click();
      await page.waitForURL(/\/en\/?$/);
      await expect.poll(() => page.getByRole('heading', { name: 'Describe your challenge' }).count()).toBe(1);

      const stranger = await accounts.create('member', { organisationId: strangerOrganisation });
      const strangerPage = await pageAs(stranger);
      expect((await strangerPage.goto(`${server.url}/en/matches/${matchId}`))!.status()).toBe(404);
      expect((await strangerPage.goto(`${server.url}/en/matches/not-a-match`))!.status()).toBe(404);

      const visitor = await pageAs(null, { javaScriptEnabled: false });
      await visitor.goto(`${server.url}/en/matches/${matchId}`);
      const signIn = new URL(visitor.url());
      expect(signIn.pathname).toBe('/en/sign-in');
      expect(signIn.searchParams.get('next')).toBe(`/en/matches/${matchId}`);
    },
    TEST_TIMEOUT,
  );

  it(
    'the home page ranks solutions for a Vietnamese challenge without JavaScript, and asks for text',
    async () => {
      const page = await pageAs(null, { javaScriptEnabled: false });
      await page.goto(`${server.url}/vi/`);
      await page
        .locator('textarea[name="text"]')
        .fill('Chúng tôi cần xây dựng hệ thống cảnh báo sớm thiên tai cho các tỉnh ven biển.');
      await page.locator('select[name="country"]').selectOption('VNM');
      await page.getByRole('button', { name: 'Tìm kết nối phù hợp' }).click();
      await page.waitForSelector('.challenge-results');
      expect(await page.locator('.challenge-results > p.meta').textContent()).toBe(
        'Ngôn ngữ của văn bản: Tiếng Việt (nhận diện từ văn bản).',
      );
      const items = page.locator('.challenge-results li.match');
      expect(await items.count()).toBeGreaterThan(0);
      expect(await items.first().locator('.reasons li').count()).toBeGreaterThan(0);
      expect(await items.first().locator('.fit').textContent()).toMatch(/^Mức độ phù hợp: \d,\d\d trên 1$/);
      const early = page.locator('.challenge-results a[href="/vi/solutions/rimes-early-warning"]');
      expect(await early.count()).toBe(1);
      // The form keeps what was sent.
      expect(await page.locator('select[name="country"]').inputValue()).toBe('VNM');

      // Nothing to read: the problem is said beside the text, and nothing is ranked.
      await page.goto(`${server.url}/en/`);
      await page.getByRole('button', { name: 'Find matches' }).click();
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'text')).toBe('Describe your challenge in 3 to 5,000 characters.');
      expect(await page.locator('textarea[name="text"]').getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.challenge-results').count()).toBe(0);

      // Digits only: the language cannot be told, and the reader is asked to choose it.
      await page.locator('textarea[name="text"]').fill('1234 5678 !!');
      await page.getByRole('button', { name: 'Find matches' }).click();
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'language')).toBe(
        'We could not tell which language this is. Please choose it from the list.',
      );
      // Neither solutions nor offers: said beside the choice.
      await page.locator('textarea[name="text"]').fill('school feeding with local purchases');
      await page.locator('input[name="types"][value="solution"]').uncheck();
      await page.locator('input[name="types"][value="offer"]').uncheck();
      await page.getByRole('button', { name: 'Find matches' }).click();
      await page.waitForSelector('.field-error');
      expect(await page.locator('fieldset:has([name="types"]) .field-error').textContent()).toBe(
        'Choose solutions, offers of support or both.',
      );
    },
    TEST_TIMEOUT,
  );

  for (const lang of ['en', 'ar'] as const) {
    it(
      `home page with results, need page with matches, match page and my matches pass axe in ${lang}`,
      async () => {
        const page = await pageAs(member);
        await page.goto(`${server.url}/${lang}/`);
        await page.locator('textarea[name="text"]').fill('Alimentation scolaire avec des achats locaux');
        await page.locator('form.editor button[type="submit"]').click();
        await page.waitForSelector('.challenge-results li.match');
        expect(await page.getAttribute('html', 'dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await expectNoAxeViolations(page, `${lang}/ with results`);

        for (const path of [`/needs/${needSlug}`, `/matches/${matchId}`, '/matches']) {
          const response = await page.goto(`${server.url}/${lang}${path}`);
          expect(response!.status(), path).toBe(200);
          expect(await page.getAttribute('html', 'dir'), path).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          expect(await page.locator('li.match, .parties').count(), path).toBeGreaterThan(0);
          await expectNoAxeViolations(page, `${lang}${path}`);
        }
      },
      TEST_TIMEOUT,
    );
  }
});
