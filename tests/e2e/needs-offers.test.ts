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
/** Filled in as the tests post them. */
let needSlug = '';
let offerSlug = '';

/** Each test walks through many pages on a busy two-core machine. */
const TEST_TIMEOUT = 240_000;
const NEED_TITLE = 'Comedores escolares con productos locales';
const OFFER_TITLE = 'Formation de techniciens en irrigation goutte-à-goutte';

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  accounts = await e2eAccounts(server, smtp);
  const organisation = (await (await fetch(`${server.url}/api/v1/organisations?limit=1`)).json()).items[0];
  member = await accounts.create('member', { organisationId: organisation.id, name: 'Lucía Fernández' });
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

/** The member's own needs or offers, open and closed, through the API. */
async function mine(path: 'needs' | 'offers') {
  const response = await fetch(`${server.url}/api/v1/${path}?status=all&mine=true`, {
    headers: { cookie: member.cookie },
  });
  return (await response.json()) as { total: number; items: Array<{ slug: string; title: string }> };
}

/** The error shown beside the input named `name`. */
const errorBeside = (page: Page, name: string) =>
  page.locator(`.field:has([name="${name}"]) .field-error`).textContent();

/** The value of a detail page's fact, by its term. */
const fact = (page: Page, term: string) => page.locator(`dt:text-is("${term}") + dd`).textContent();

const submit = (page: Page) => page.locator('main form.editor button[type="submit"]').first().click();

describe.skipIf(!hasBrowser)('needs and offers in the web UI', () => {
  it(
    'a member posts a need in Spanish, edits, closes and reopens it',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/es/needs/new`);
      expect(new URL(page.url()).pathname).toBe('/es/needs/new');
      // The text is written in the interface language unless the member chooses another.
      expect(await page.locator('select[name="language"]').inputValue()).toBe('es');

      await page.locator('input[name="title"]').fill(NEED_TITLE);
      await page
        .locator('textarea[name="description"]')
        .fill('Buscamos apoyo para abastecer los comedores escolares con productos de cooperativas locales.');
      await page.locator('select[name="country"]').selectOption('SEN');
      await page.locator('input[name="timeframe.startsOn"]').fill('2027-06-01');
      await page.locator('input[name="timeframe.endsOn"]').fill('2027-01-31');
      await page.locator('input[name="budget.amount"]').fill('25000');
      await page.locator('select[name="budget.currency"]').selectOption('USD');
      await page.locator('textarea[name="coFinancing"]').fill('El ministerio aporta la mitad.');
      await page.locator('select[name="themes"]').selectOption(['health']);
      await page.locator('input[name="sdgTargets"]').fill('2.1, 4.1');
      await page.locator('select[name="workingLanguages"]').selectOption(['es', 'fr']);

      // An end before the start is refused beside the end date, and nothing is saved.
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'timeframe.endsOn')).toBe('must not be before the start');
      expect(await page.locator('.field-error').count()).toBe(1);
      expect(new URL(page.url()).pathname).toBe('/es/needs/new');
      expect(await page.locator('input[name="title"]').inputValue()).toBe(NEED_TITLE);
      expect(await page.locator('input[name="timeframe.endsOn"]').getAttribute('aria-invalid')).toBe('true');
      expect((await mine('needs')).total).toBe(0);
      await expectNoAxeViolations(page, 'need form with an error');

      await page.locator('input[name="timeframe.endsOn"]').fill('2027-12-31');
      await submit(page);
      await page.waitForURL(/\/es\/needs\/comedores-escolares/);
      needSlug = new URL(page.url()).pathname.split('/').pop()!;
      await expect.poll(() => page.locator('h1').textContent()).toBe(NEED_TITLE);
      expect(await page.locator('h1').getAttribute('lang')).toBeNull();
      expect(await fact(page, 'País solicitante')).toBe('Senegal');
      expect(await fact(page, 'Organización solicitante')).toBeTruthy();
      expect(await fact(page, 'Plazo')).toMatch(/2027/);
      expect(await fact(page, 'Presupuesto')).toMatch(/25\.000,00/);
      expect(await fact(page, 'Cofinanciación')).toBe('El ministerio aporta la mitad.');
      expect(await fact(page, 'Metas de los ODS')).toBe('2.1, 4.1');
      expect(await fact(page, 'Idiomas de trabajo')).toBe('español, francés');
      expect(await fact(page, 'Quién puede verlo')).toBe('Los miembros');
      expect(await fact(page, 'Estado')).toBe('Abierta');
      expect(await page.locator('.prose').first().textContent()).toContain('cooperativas locales');
      expect((await mine('needs')).total).toBe(1);

      // Edit: the form shows the need as saved; a change lands on the need page.
      await page.getByRole('link', { name: 'Editar la necesidad' }).click();
      await page.waitForURL(`${server.url}/es/needs/${needSlug}/edit`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Editar la necesidad');
      expect(await page.locator('input[name="timeframe.endsOn"]').inputValue()).toBe('2027-12-31');
      expect(await page.locator('input[name="budget.amount"]').inputValue()).toBe('25000.00');
      await page.locator('input[name="title"]').fill(`${NEED_TITLE} en Dakar`);
      await page.locator('input[name="budget.amount"]').fill('30000');
      await submit(page);
      await page.waitForURL(`${server.url}/es/needs/${needSlug}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(`${NEED_TITLE} en Dakar`);
      expect(await fact(page, 'Presupuesto')).toMatch(/30\.000,00/);

      // Close it with a reason, then reopen it.
      await page.locator('textarea[name="reason"]').fill('Atendida por un programa nacional.');
      await page.getByRole('button', { name: 'Cerrar', exact: true }).click();
      await expect.poll(() => fact(page, 'Estado')).toMatch(/^Cerrada/);
      expect(await fact(page, 'Motivo del cierre')).toBe('Atendida por un programa nacional.');
      expect(await page.locator('p .status').textContent()).toBe('Cerrada');
      await page.getByRole('button', { name: 'Reabrir' }).click();
      await expect.poll(() => fact(page, 'Estado')).toBe('Abierta');
      expect(await page.locator('dt:text-is("Motivo del cierre")').count()).toBe(0);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'a member posts an offer in French, with its capacity checked beside its fields',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/offers/new`);
      await page.locator('select[name="language"]').selectOption('fr');
      await page.locator('input[name="title"]').fill(OFFER_TITLE);
      await page
        .locator('textarea[name="description"]')
        .fill('Des formations pratiques pour les techniciens agricoles, sur le terrain et à distance.');
      await page.locator('select[name="country"]').selectOption('MAR');
      await page.locator('input[name="capacity.places"]').fill('12');
      await page.locator('input[name="capacity.experts"]').fill('3');
      await page.locator('input[name="capacity.amount"]').fill('5000');
      await page.locator('input[name="availability.from"]').fill('2027-02-01');
      await page.locator('input[name="availability.until"]').fill('2027-11-30');
      await page.locator('textarea[name="costSharing"]').fill('Le pays hôte prend en charge les voyages.');

      // An amount without its currency is refused beside the currency.
      await submit(page);
      await page.waitForSelector('.field-error');
      expect(await errorBeside(page, 'capacity.currency')).toBe('is required with an amount');
      expect((await mine('offers')).total).toBe(0);

      await page.locator('select[name="capacity.currency"]').selectOption('MAD');
      await submit(page);
      await page.waitForURL(/\/en\/offers\/formation-de-techniciens/);
      offerSlug = new URL(page.url()).pathname.split('/').pop()!;
      // Written in French, read in English: the text says which language it is in.
      await expect.poll(() => page.locator('h1').textContent()).toBe(OFFER_TITLE);
      expect(await page.locator('h1').getAttribute('lang')).toBe('fr');
      expect(await page.locator('.notice').textContent()).toContain('French');
      expect(await fact(page, 'Providing country')).toBe('Morocco');
      const capacity = await fact(page, 'Capacity');
      expect(capacity).toContain('12 places');
      expect(capacity).toContain('3 experts');
      expect(capacity).toMatch(/MAD\s?5,000\.00/);
      expect(await fact(page, 'Availability')).toMatch(/February.*2027/);
      expect(await fact(page, 'Cost-sharing')).toBe('Le pays hôte prend en charge les voyages.');
      expect(await fact(page, 'Working languages')).toBe('French');
      await page.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'lists, filters and finds both',
    async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/en/needs`);
      const needCard = page.locator('.card', { hasText: `${NEED_TITLE} en Dakar` });
      expect(await needCard.count()).toBe(1);
      expect(await needCard.locator('h3').getAttribute('lang')).toBe('es');
      expect(await needCard.textContent()).toContain('Senegal');
      expect(await needCard.textContent()).toContain('Open');
      expect(await needCard.textContent()).toMatch(/Timeframe: .*2027/);

      // Filters are a plain GET form: by country, then only closed ones.
      await page.locator('aside select[name="country"]').selectOption('SEN');
      await page.locator('aside input[name="mine"]').check();
      await page.locator('aside button[type="submit"]').click();
      await page.waitForURL(/country=SEN.*mine=true/);
      await expect.poll(() => page.locator('#results-heading').textContent()).toBe('1 item');
      expect(await page.locator('.card').count()).toBe(1);
      await page.goto(`${server.url}/en/needs?status=closed`);
      expect(await page.locator('.card').count()).toBe(0);
      await page.goto(`${server.url}/en/needs?country=nowhere`);
      expect(await page.locator('.field:has(select[name="country"]) .field-error').count()).toBe(1);

      await page.goto(`${server.url}/en/offers`);
      const offerCard = page.locator('.card', { hasText: OFFER_TITLE });
      expect(await offerCard.count()).toBe(1);
      expect(await offerCard.locator('h3').getAttribute('lang')).toBe('fr');
      expect(await offerCard.textContent()).toMatch(/Availability: .*2027/);
      expect(await page.locator('a[href^="/api/v1/offers/export?format=csv"]').count()).toBe(1);

      await page.goto(`${server.url}/en/search?q=${encodeURIComponent('comedores escolares')}`);
      const needResult = page.locator('.result', { hasText: NEED_TITLE });
      await expect.poll(() => needResult.count()).toBe(1);
      expect(await needResult.locator('.meta').first().textContent()).toBe('Need');
      expect(await needResult.locator('a').getAttribute('href')).toBe(`/en/needs/${needSlug}`);
      expect(await page.locator('.facet a', { hasText: 'Need' }).count()).toBe(1);

      await page.goto(`${server.url}/en/search?q=${encodeURIComponent('techniciens irrigation')}`);
      const offerResult = page.locator('.result', { hasText: OFFER_TITLE });
      await expect.poll(() => offerResult.count()).toBe(1);
      expect(await offerResult.locator('.meta').first().textContent()).toBe('Offer');
      await offerResult.locator('a').click();
      await page.waitForURL(`${server.url}/en/offers/${offerSlug}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe(OFFER_TITLE);
      await page.close();
    },
    TEST_TIMEOUT,
  );

  for (const lang of ['en', 'ar'] as const) {
    it(
      `list, detail and form pages render in ${lang} with no axe violations`,
      async () => {
        const page = await browser.newPage();
        const paths = [
          '/needs',
          `/needs/${needSlug}`,
          '/needs/new',
          `/needs/${needSlug}/edit`,
          '/offers',
          `/offers/${offerSlug}`,
          '/offers/new',
          `/offers/${offerSlug}/edit`,
        ];
        for (const path of paths) {
          const response = await page.goto(`${server.url}/${lang}${path}`);
          expect(response!.status(), path).toBe(200);
          expect(new URL(page.url()).pathname, path).toBe(`/${lang}${path}`);
          expect(await page.getAttribute('html', 'dir'), path).toBe(lang === 'ar' ? 'rtl' : 'ltr');
          await expectNoAxeViolations(page, `${lang}${path}`);
        }
        // A form showing errors beside its fields.
        await page.goto(`${server.url}/${lang}/offers/new`);
        await submit(page);
        await page.waitForSelector('.field-error');
        await expectNoAxeViolations(page, `${lang}/offers/new with errors`);
        await page.close();
      },
      TEST_TIMEOUT,
    );
  }

  it(
    'posts, closes and reopens without JavaScript',
    async () => {
      const context = await launchBrowser({ javaScriptEnabled: false });
      await accounts.signInBrowser(context, member);
      const page = await context.newPage();
      await page.goto(`${server.url}/fr/needs/new`);
      await page.locator('input[name="title"]').fill('Appui aux registres fonciers');
      await page.locator('textarea[name="description"]').fill('Numériser les registres fonciers communaux.');
      await page.locator('input[name="budget.amount"]').fill('12.345');
      await submit(page);
      await page.waitForSelector('.field-error');
      // Every problem at once, each beside its own input.
      expect(await errorBeside(page, 'country')).toBeTruthy();
      expect(await errorBeside(page, 'budget.amount')).toMatch(/at most two decimals/);
      expect(await errorBeside(page, 'budget.currency')).toBeTruthy();
      expect(await page.locator('textarea[name="description"]').inputValue()).toBe(
        'Numériser les registres fonciers communaux.',
      );

      await page.locator('select[name="country"]').selectOption('BEN');
      await page.locator('input[name="budget.amount"]').fill('');
      await submit(page);
      await page.waitForURL(/\/fr\/needs\/appui-aux-registres-fonciers/);
      expect(await page.locator('h1').textContent()).toBe('Appui aux registres fonciers');
      expect(await fact(page, 'Budget')).toBe('Non renseigné');

      await page.getByRole('button', { name: 'Clore', exact: true }).click();
      await page.waitForSelector('button:text-is("Rouvrir")');
      expect(await fact(page, 'Statut')).toMatch(/^Clos depuis le /);
      expect(await fact(page, 'Motif de la clôture')).toBe('Non renseigné');
      await page.getByRole('button', { name: 'Rouvrir' }).click();
      await page.waitForSelector('button:text-is("Clore")');
      expect(await fact(page, 'Statut')).toBe('Ouvert');
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it('sends visitors to sign in before posting, and shows them no controls', async () => {
    const visitor = await launchBrowser({ javaScriptEnabled: false });
    const page = await visitor.newPage();
    await page.goto(`${server.url}/en/needs/new`);
    const signIn = new URL(page.url());
    expect(signIn.pathname).toBe('/en/sign-in');
    expect(signIn.searchParams.get('next')).toBe('/en/needs/new');
    // Shared with members only: a visitor does not see the need at all.
    expect((await page.goto(`${server.url}/en/needs/${needSlug}`))!.status()).toBe(404);
    await page.goto(`${server.url}/en/needs`);
    expect(await page.locator('a[href="/en/needs/new"]').count()).toBe(0);
    await visitor.close();
  });
});
