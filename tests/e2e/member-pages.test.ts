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
let admin: E2eAccount;
let browser: BrowserContext;
/** Every page of the accounts and coordination space, as a signed-in admin sees it. */
let pages: string[];

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  const accounts = await e2eAccounts(server, smtp);
  admin = accounts.admin;
  const group = (
    await (await fetch(`${server.url}/api/v1/groups?limit=1`, { headers: { cookie: admin.cookie } })).json()
  ).items[0];
  await accounts.post(`/api/v1/groups/${group.id}/members`, {}, admin.cookie);
  const thread = await accounts.post(
    `/api/v1/groups/${group.id}/threads`,
    { title: 'Pages check', body: 'A thread for the page check' },
    admin.cookie,
  );
  const form = new FormData();
  for (const [key, value] of Object.entries({
    title: 'A link for the page check',
    language: 'en',
    visibility: 'members',
    url: 'https://example.org/guide',
  }))
    form.append(key, value);
  const resource = await (
    await fetch(`${server.url}/api/v1/library`, {
      method: 'POST',
      headers: { cookie: admin.cookie },
      body: form,
    })
  ).json();
  // A need, so that there are matches to show: the list and one match page.
  const need = await accounts.post(
    '/api/v1/needs',
    {
      language: 'en',
      title: 'School meals from local farms',
      description:
        'We look for experience with school feeding programmes that buy from local smallholder farmers.',
      country: 'KEN',
      themes: ['school-feeding'],
      visibility: 'members',
    },
    admin.cookie,
  );
  const match = (
    await (
      await fetch(`${server.url}/api/v1/needs/${need.body.id}/matches`, { headers: { cookie: admin.cookie } })
    ).json()
  ).items[0];
  pages = [
    '/account',
    '/account/profile',
    '/people',
    '/admin/audit',
    '/admin/outbox',
    `/directory/${admin.userId}`,
    '/groups',
    `/groups/${group.id}`,
    `/groups/${group.id}/threads/${thread.body.id}`,
    `/groups/${group.id}/actions`,
    `/groups/${group.id}/priorities`,
    '/actions',
    '/notifications',
    '/events/new',
    '/needs',
    '/needs/new',
    '/offers',
    '/offers/new',
    `/needs/${need.body.slug}`,
    '/matches',
    `/matches/${match.id}`,
    '/library',
    '/library/new',
    `/library/${resource.id}`,
  ];
  browser = await launchBrowser();
  await accounts.signInBrowser(browser, admin);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await smtp?.close();
  if (server) removeDir(server.dataDir);
});

async function expectNoAxeViolations(page: Page, path: string) {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${path}: ${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`)).toEqual(
    [],
  );
}

describe.skipIf(!hasBrowser)('pages of the accounts and coordination space', () => {
  for (const lang of ['en', 'ar'] as const) {
    it(`render for a signed-in admin in ${lang} with no axe violations`, async () => {
      const page = await browser.newPage();
      for (const path of pages) {
        const response = await page.goto(`${server.url}/${lang}${path}`);
        expect(response!.status(), path).toBe(200);
        expect(new URL(page.url()).pathname, path).toBe(`/${lang}${path}`);
        expect(await page.getAttribute('html', 'dir'), path).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await expectNoAxeViolations(page, path);
      }
      await page.close();
    });
  }
});
