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
const contexts: BrowserContext[] = [];

/** Next January: winter in Paris (UTC+1), always in the future. */
const YEAR = new Date().getUTCFullYear() + 1;
const MONTH = `${YEAR}-01`;
/** Each test walks through many pages on a busy two-core machine. */
const TEST_TIMEOUT = 240_000;

beforeAll(async () => {
  smtp = await startSmtpCatcher();
  server = await startServer({ SMTP_URL: smtp.url });
  accounts = await e2eAccounts(server, smtp);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await server?.stop();
  await smtp?.close();
  if (server) removeDir(server.dataDir);
});

async function browser(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await launchBrowser(options);
  contexts.push(context);
  return context;
}

/** A page in a fresh browser where `account` is signed in. */
async function pageAs(account: E2eAccount, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await browser(options);
  await accounts.signInBrowser(context, account);
  return context.newPage();
}

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  expect(violations.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.slice(0, 2))}`)).toEqual([]);
}

/** Calls the API as someone (or as nobody), with the Origin header a browser would send. */
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
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  // biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field
  return { status: response.status, body: parsed as any, text, headers: response.headers };
}

/** Collapses the narrow and thin spaces ICU puts in times, so "3:00 – 4:30 PM" compares plainly. */
const plain = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The combined ranking table of a priorities page: position, title, points, voters. */
function combinedRanking(page: Page) {
  return page
    .locator('section[aria-labelledby="combined"] tbody tr')
    .evaluateAll((rows) =>
      rows.map((tr) => [...tr.querySelectorAll('td')].slice(0, 4).map((td) => td.firstChild?.textContent)),
    );
}

async function organisations(count: number) {
  const orgs = await api('GET', `/api/v1/organisations?limit=${count}`);
  expect(orgs.status).toBe(200);
  expect(orgs.body.items.length).toBe(count);
  return orgs.body.items as Array<{ id: string; name: string }>;
}

describe.skipIf(!hasBrowser)('the contact directory', () => {
  it(
    'lists members, filters by country, shows a profile as plain text and gives its vCard',
    async () => {
      const [orgA, orgB] = await organisations(2);
      const themes = await api('GET', '/api/v1/themes?lang=en');
      expect(themes.status).toBe(200);
      const theme = themes.body.items[0] as { id: string; label: string };

      const aminata = await accounts.create('member', { organisationId: orgA!.id, name: 'Aminata Diallo' });
      const lan = await accounts.create('member', { organisationId: orgB!.id, name: 'Nguyen Thi Lan' });
      const reader = await accounts.create('member', { organisationId: orgA!.id, name: 'Rita Reader' });

      const shared = await api(
        'PUT',
        '/api/v1/me/profile',
        {
          jobTitle: 'School meals focal point',
          country: 'SEN',
          languages: ['fr', 'wo'],
          phone: '+221 33 123 45 67',
          sharedFields: ['email', 'phone'],
        },
        aminata.cookie,
      );
      expect(shared.status).toBe(200);
      expect(shared.body.sharedFields).toEqual(['email', 'phone']);
      const hidden = await api(
        'PUT',
        '/api/v1/me/profile',
        {
          jobTitle: 'Disaster risk adviser',
          country: 'VNM',
          languages: ['vi', 'ar'],
          themes: [theme.id],
          expertise: '<script>alert(1)</script>',
          phone: '+84 24 3825 1234',
          timeZone: 'Asia/Ho_Chi_Minh',
          sharedFields: ['email'],
        },
        lan.cookie,
      );
      expect(hidden.status).toBe(200);
      expect(hidden.body.phone).toBe('+84 24 3825 1234');

      // A visitor is sent to sign in, and comes back here afterwards.
      const visitor = await (await browser()).newPage();
      await visitor.goto(`${server.url}/en/directory`);
      const signIn = new URL(visitor.url());
      expect(signIn.pathname).toBe('/en/sign-in');
      expect(signIn.searchParams.get('next')).toBe('/en/directory');

      const page = await pageAs(reader);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const names = () => page.locator('table.directory-table tbody th a').allTextContents();
      await page.goto(`${server.url}/en/directory`);
      await expect.poll(names).toEqual(expect.arrayContaining(['Aminata Diallo', 'Nguyen Thi Lan']));
      await expectNoAxeViolations(page);

      // Filtering by country (a GET form) keeps only the person working from Senegal.
      await page.locator('aside select[name="country"]').selectOption('SEN');
      await page.locator('aside button[type="submit"]').click();
      await page.waitForURL(/[?&]country=SEN/);
      await expect.poll(names).toEqual(['Aminata Diallo']);
      expect(await page.locator('#results-heading').textContent()).toBe('1 person');
      expect(await page.locator('table.directory-table tbody tr td').nth(1).textContent()).toBe('Senegal');
      await expectNoAxeViolations(page);

      // The shared phone shows on Aminata's profile...
      await page.goto(`${server.url}/en/directory/${aminata.userId}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Aminata Diallo');
      expect(await page.locator('a[href^="tel:"]').textContent()).toBe('+221 33 123 45 67');
      expect(await page.locator('dt:has-text("Languages") + dd').textContent()).toBe('French, Wolof');

      // ...the hidden one does not show on Lan's; her expertise is shown as the text she wrote.
      await page.goto(`${server.url}/en/directory`);
      await page.locator('table.directory-table a', { hasText: 'Nguyen Thi Lan' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Nguyen Thi Lan');
      expect(new URL(page.url()).pathname).toBe(`/en/directory/${lan.userId}`);
      expect(await page.locator('p.lead').textContent()).toBe('Disaster risk adviser');
      expect(await page.locator('dt:has-text("Languages") + dd').textContent()).toBe('Vietnamese, Arabic');
      expect(await page.locator('dt:has-text("Country") + dd').textContent()).toBe('Viet Nam');
      expect(await page.locator('ul.tags li').allTextContents()).toEqual([theme.label]);
      expect(await page.locator(`a[href="mailto:${lan.email}"]`).count()).toBe(1);
      expect(await page.locator('dt', { hasText: 'Phone' }).count()).toBe(0);
      expect(await page.locator('a[href^="tel:"]').count()).toBe(0);
      expect(await page.locator('main').textContent()).not.toContain('3825');
      await expect.poll(() => page.locator('text=<script>alert(1)</script>').isVisible()).toBe(true);
      expect(await page.locator('section[aria-labelledby="expertise"] p').innerHTML()).toBe(
        '&lt;script&gt;alert(1)&lt;/script&gt;',
      );
      expect(dialogs).toEqual([]);
      await expectNoAxeViolations(page);

      // The vCard link: the person as a contact, without the hidden phone.
      const href = await page.locator('a[href$=".vcf?lang=en"]').getAttribute('href');
      expect(href).toBe(`/api/v1/directory/${lan.userId}.vcf?lang=en`);
      const vcard = await api('GET', href!, undefined, reader.cookie);
      expect(vcard.status).toBe(200);
      expect(vcard.headers.get('content-type')).toContain('text/vcard');
      expect(vcard.text).toMatch(/^BEGIN:VCARD\r?\n/);
      expect(vcard.text).toContain('FN:Nguyen Thi Lan');
      expect(vcard.text).toContain(lan.email);
      expect(vcard.text).not.toMatch(/^TEL/m);
      expect(vcard.text).not.toContain('3825');
      expect((await api('GET', href!)).status).toBe(401);

      // In Arabic, right to left.
      await page.goto(`${server.url}/ar/directory`);
      await expect.poll(() => names()).toEqual(expect.arrayContaining(['Aminata Diallo', 'Nguyen Thi Lan']));
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      expect(await page.getAttribute('html', 'lang')).toBe('ar');
      await expectNoAxeViolations(page);
    },
    TEST_TIMEOUT,
  );
});

describe.skipIf(!hasBrowser)('a working group’s space', () => {
  it(
    'joins, discusses with a mention, tracks an action, ranks priorities without JavaScript',
    async () => {
      const [org] = await organisations(1);
      const hawa = await accounts.create('member', { organisationId: org!.id, name: 'Hawa Keita' });
      const tomas = await accounts.create('member', { organisationId: org!.id, name: 'Tomas Ortega' });
      const outsider = await accounts.create('member', { organisationId: org!.id, name: 'Otto Outside' });

      const groupName = 'Urban Resilience Exchange';
      const created = await api(
        'POST',
        '/api/v1/groups?lang=en',
        { name: groupName, description: 'Cities sharing flood preparedness.', language: 'en' },
        accounts.admin.cookie,
      );
      expect(created.status).toBe(201);
      const groupId = created.body.id as string;
      expect((await accounts.post(`/api/v1/groups/${groupId}/members`, {}, tomas.cookie)).status).toBe(201);

      // Hawa joins from the list of groups.
      const page = await pageAs(hawa);
      await page.goto(`${server.url}/en/groups`);
      const row = page.locator('tbody tr', { has: page.locator(`a[href="/en/groups/${groupId}"]`) });
      await expect.poll(() => row.locator('td').nth(3).textContent()).toBe('1 member');
      await expectNoAxeViolations(page);
      await row.getByRole('button', { name: `Join ${groupName}` }).click();
      await expect.poll(() => page.locator('p[role="status"]').textContent()).toBe('You joined the group.');
      await expect.poll(() => row.locator('td').nth(4).textContent()).toBe('Member');
      expect(await row.locator('td').nth(3).textContent()).toBe('2 members');

      // ...opens the group and starts a thread mentioning Tomas.
      await row.locator(`a[href="/en/groups/${groupId}"]`).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(groupName);
      await expect.poll(() => page.locator('#space').count()).toBe(1);
      await expectNoAxeViolations(page);
      const threadTitle = 'Flood maps for the next meeting';
      const threadForm = page.locator('form:has(input[name="intent"][value="thread"])');
      await threadForm.locator('input[name="title"]').fill(threadTitle);
      await threadForm
        .locator('textarea[name="body"]')
        .fill(`Could you bring the new flood maps, @{${tomas.userId}}?`);
      await threadForm.locator('button[type="submit"]').click();
      await page.waitForURL(new RegExp(`/en/groups/${groupId}/threads/[0-9a-f-]{36}$`));
      await expect.poll(() => page.locator('h1').textContent()).toBe(threadTitle);
      expect(await page.locator('.post-body .mention').textContent()).toBe('@Tomas Ortega');
      expect(await page.locator('.post-body').first().textContent()).toBe(
        'Could you bring the new flood maps, @Tomas Ortega?',
      );
      await expectNoAxeViolations(page);
      const threadPath = new URL(page.url()).pathname;

      // Tomas, in his own browser, is told.
      const tomasPage = await pageAs(tomas);
      await tomasPage.goto(`${server.url}/en/notifications`);
      const note = tomasPage.locator('ul.notifications li', { hasText: threadTitle });
      await expect.poll(() => note.count()).toBe(1);
      expect(await note.locator('strong').textContent()).toBe('You were mentioned');
      expect(await note.locator('a').getAttribute('href')).toBe(threadPath);
      expect(await note.getAttribute('class')).toBe('unread');
      await expectNoAxeViolations(tomasPage);
      const mail = await smtp.waitFor(tomas.email, /Flood maps for the next meeting/);
      expect(mail.text).toContain(`${server.url}${threadPath}`);

      // Hawa adds an action for herself on the tracker.
      await page.goto(`${server.url}/en/groups/${groupId}/actions`);
      await expect.poll(() => page.locator('h1').textContent()).toContain(groupName);
      await expectNoAxeViolations(page);
      const actionForm = page.locator('form:has(input[name="intent"][value="create"])');
      await actionForm.locator('input[name="title"]').fill('Circulate the flood-risk maps');
      expect(await actionForm.locator('select[name="ownerId"]').inputValue()).toBe(hawa.userId);
      await actionForm.locator('select[name="ownerId"]').selectOption(hawa.userId);
      await actionForm.locator('input[name="dueOn"]').fill(`${YEAR}-02-15`);
      await actionForm.locator('button[type="submit"]').click();
      await expect
        .poll(() => page.locator('#new-action ~ p[role="status"]').textContent())
        .toBe('Action added.');
      const actionRow = page.locator('tbody tr', { hasText: 'Circulate the flood-risk maps' });
      await expect.poll(() => actionRow.count()).toBe(1);
      expect(await actionRow.textContent()).toContain('Hawa Keita');
      await expectNoAxeViolations(page);
      const actions = await api('GET', `/api/v1/groups/${groupId}/actions`, undefined, hawa.cookie);
      expect(actions.status).toBe(200);
      expect(
        actions.body.items.map(
          (a: { title: string; owner: { id: string }; dueOn: string; status: string }) => ({
            title: a.title,
            owner: a.owner.id,
            dueOn: a.dueOn,
            status: a.status,
          }),
        ),
      ).toEqual([
        {
          title: 'Circulate the flood-risk maps',
          owner: hawa.userId,
          dueOn: `${YEAR}-02-15`,
          status: 'open',
        },
      ]);

      // Two priorities proposed through the API; Tomas ranks only the second.
      const first = await accounts.post(
        `/api/v1/groups/${groupId}/priorities`,
        { title: 'Shared early-warning dashboard' },
        tomas.cookie,
      );
      const second = await accounts.post(
        `/api/v1/groups/${groupId}/priorities`,
        { title: 'Peer visits between city engineers' },
        tomas.cookie,
      );
      expect([first.status, second.status]).toEqual([201, 201]);
      const p1 = first.body.id as string;
      const p2 = second.body.id as string;
      const tomasRanking = await api(
        'PUT',
        `/api/v1/groups/${groupId}/priorities/ranking`,
        { priorityIds: [p2] },
        tomas.cookie,
      );
      expect(tomasRanking.status).toBe(200);

      // The page passes axe (axe needs JavaScript, so it runs in Hawa's usual browser).
      const prioritiesUrl = `${server.url}/en/groups/${groupId}/priorities`;
      await page.goto(prioritiesUrl);
      await expect
        .poll(() => page.locator('#combined ~ p').first().textContent())
        .toBe("From 1 member's ranking.");
      await expectNoAxeViolations(page);

      // Hawa ranks them with a plain form post: no JavaScript in this browser.
      const noJs = await pageAs(hawa, { javaScriptEnabled: false });
      await noJs.goto(prioritiesUrl);
      expect(await noJs.locator('h1').textContent()).toContain(groupName);
      expect(await noJs.locator('#combined ~ p').first().textContent()).toBe("From 1 member's ranking.");
      // Before: only Tomas's ballot, so the second priority leads with 2 points.
      expect(await combinedRanking(noJs)).toEqual([
        ['1', 'Peer visits between city engineers', '2', '1'],
        ['2', 'Shared early-warning dashboard', '0', '0'],
      ]);
      await noJs.locator(`#rank-${p2}`).fill('1');
      await noJs.locator(`#rank-${p1}`).fill('2');
      const [post] = await Promise.all([
        noJs.waitForResponse((r) => r.request().method() === 'POST' && r.url() === prioritiesUrl),
        noJs.locator('form.ranking button[type="submit"]').click(),
      ]);
      expect(post.status()).toBe(200);
      expect(post.request().headers()['content-type']).toContain('application/x-www-form-urlencoded');
      await noJs.waitForLoadState();
      expect(await noJs.locator('#yours ~ p[role="status"]').textContent()).toBe('Your ranking is saved.');
      expect(await noJs.locator('#combined ~ p').first().textContent()).toBe("From 2 members' rankings.");
      // Borda with n = 2: the second priority gets 2 (Tomas, 1st) + 2 (Hawa, 1st) = 4 points from
      // 2 voters; the first gets 1 (Hawa, 2nd) from 1 voter.
      const combined = [
        ['1', 'Peer visits between city engineers', '4', '2'],
        ['2', 'Shared early-warning dashboard', '1', '1'],
      ];
      expect(await combinedRanking(noJs)).toEqual(combined);
      expect(await noJs.locator(`#rank-${p2}`).inputValue()).toBe('1');
      expect(await noJs.locator(`#rank-${p1}`).inputValue()).toBe('2');

      // The same combined ranking with JavaScript, and still no axe violations.
      await page.goto(prioritiesUrl);
      await expect.poll(() => combinedRanking(page)).toEqual(combined);
      expect(await page.locator(`#rank-${p2}`).inputValue()).toBe('1');
      await expectNoAxeViolations(page);

      // Someone in no group at all does not find the thread.
      const outsiderPage = await pageAs(outsider);
      const response = await outsiderPage.goto(`${server.url}${threadPath}`);
      expect(response?.status()).toBe(404);
      expect(await outsiderPage.locator('main').textContent()).not.toContain(threadTitle);
      const viaApi = await api(
        'GET',
        `/api/v1/groups/${groupId}/threads/${threadPath.split('/').pop()}`,
        undefined,
        outsider.cookie,
      );
      expect(viaApi.status).toBe(404);
    },
    TEST_TIMEOUT,
  );
});

describe.skipIf(!hasBrowser)('the joint calendar', () => {
  it(
    'creates a members-only event and shows it by month, in the reader’s zone, as .ics and as a feed',
    async () => {
      const [org] = await organisations(1);
      const ines = await accounts.create('member', { organisationId: org!.id, name: 'Ines Moreau' });
      const title = 'Resilience coordination call';

      // A public event in the same month, for the visitor's view.
      const publicEvent = await api(
        'POST',
        '/api/v1/events',
        {
          language: 'en',
          title: 'Open day on city twinning',
          start: `${YEAR}-01-20T14:00`,
          timeZone: 'Africa/Dakar',
          visibility: 'public',
        },
        accounts.admin.cookie,
      );
      expect(publicEvent.status).toBe(201);

      const page = await pageAs(ines);
      await page.goto(`${server.url}/en/events/new`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('New event');
      await expectNoAxeViolations(page);
      await page.getByLabel('Title', { exact: true }).fill(title);
      await page.getByLabel('Description').fill('Monthly call of the city focal points.');
      await page.getByLabel('Starts').fill(`${YEAR}-01-14T09:00`);
      await page.getByLabel('Ends').fill(`${YEAR}-01-14T10:30`);
      await page.getByLabel('Time zone').selectOption('Europe/Paris');
      await page.getByLabel('Online link').fill('https://meet.example.org/resilience');
      await page.getByLabel('Who can see it').selectOption('members');
      await page.locator('form.editor button[type="submit"]').click();
      await expect.poll(() => page.locator('h1').textContent()).toBe(title);
      const slug = new URL(page.url()).pathname.replace('/en/events/', '');
      expect(slug).not.toBe('new');
      expect(await page.locator('dt:has-text("Who can see it") + dd').textContent()).toBe('Members');
      expect(await page.locator('a[href="https://meet.example.org/resilience"]').count()).toBe(1);
      await expectNoAxeViolations(page);

      // The .ics download: one VEVENT starting at 08:00 UTC (09:00 in Paris in winter).
      const icsHref = await page.locator(`a[href^="/api/v1/events/${slug}.ics"]`).getAttribute('href');
      const ics = await api('GET', icsHref!, undefined, ines.cookie);
      expect(ics.status).toBe(200);
      expect(ics.headers.get('content-type')).toContain('text/calendar');
      expect(ics.text).toContain('BEGIN:VEVENT');
      expect(ics.text).toMatch(new RegExp(`^DTSTART:${YEAR}0114T080000Z\\r?$`, 'm'));
      expect(ics.text).toMatch(new RegExp(`^DTEND:${YEAR}0114T093000Z\\r?$`, 'm'));
      expect(ics.text).toContain(`SUMMARY:${title}`);
      expect((await api('GET', icsHref!)).status).toBe(404);

      const startsAt = new Date(`${YEAR}-01-14T08:00:00Z`);
      const endsAt = new Date(`${YEAR}-01-14T09:30:00Z`);
      const timeIn = (timeZone: string) =>
        plain(
          new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', timeZone }).formatRange(
            startsAt,
            endsAt,
          ),
        );
      expect(timeIn('Asia/Ho_Chi_Minh')).toBe('3:00 – 4:30 PM');

      // The month view (no zone chosen yet: UTC).
      await page.goto(`${server.url}/en/calendar?month=${MONTH}`);
      await expect.poll(() => page.locator('#month-heading').textContent()).toBe(`January ${YEAR}`);
      const day = page.locator(`td:has(time[datetime="${MONTH}-14"])`);
      await expect.poll(() => day.locator('li', { hasText: title }).count()).toBe(1);
      expect(plain(await day.locator('li', { hasText: title }).locator('.event-time').textContent())).toBe(
        timeIn('UTC'),
      );
      await expectNoAxeViolations(page);

      // The list view in the reader's zone: 09:00 in Paris is 15:00 in Ho Chi Minh City.
      await page.goto(`${server.url}/en/calendar?month=${MONTH}&view=list&tz=Asia/Ho_Chi_Minh`);
      const listed = page.locator(`section:has(h3#day-${MONTH}-14) li`, { hasText: title });
      await expect.poll(() => listed.count()).toBe(1);
      expect(plain(await listed.locator('.event-time').textContent())).toBe('3:00 – 4:30 PM');
      // (Named Asia/Saigon on Node 20's ICU: see the report.)
      expect(await page.locator('main p', { hasText: 'Times are shown in' }).textContent()).toContain(
        'Indochina Time',
      );
      await expectNoAxeViolations(page);

      // A feed address made on the calendar page works without a session.
      await page.getByRole('button', { name: 'Create feed address' }).click();
      await expect
        .poll(() => page.locator('#feed-url').inputValue())
        .toMatch(new RegExp(`^${server.url}/api/v1/calendar/feeds/[A-Za-z0-9_-]+\\.ics$`));
      const feedUrl = await page.locator('#feed-url').inputValue();
      await expect.poll(() => page.getByRole('button', { name: 'Replace feed address' }).count()).toBe(1);
      await expectNoAxeViolations(page);
      const feed = await fetch(feedUrl);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain('text/calendar');
      const feedText = await feed.text();
      expect(feedText).toContain('BEGIN:VCALENDAR');
      expect(feedText).toContain(`SUMMARY:${title}`);

      // A visitor sees the public event but not the members-only one.
      const visitor = await (await browser()).newPage();
      await visitor.goto(`${server.url}/en/calendar?month=${MONTH}`);
      await expect.poll(() => visitor.locator('#month-heading').textContent()).toBe(`January ${YEAR}`);
      await expect
        .poll(() => visitor.locator('table.calendar').textContent())
        .toContain('Open day on city twinning');
      expect(await visitor.locator('main').textContent()).not.toContain(title);
      expect(await visitor.locator('#feed-heading').count()).toBe(0);
      const hiddenEvent = await visitor.goto(`${server.url}/en/events/${slug}`);
      expect(hiddenEvent?.status()).toBe(404);

      // The calendar in Arabic, right to left.
      await page.goto(`${server.url}/ar/calendar?month=${MONTH}`);
      await expect.poll(() => page.locator('table.calendar').textContent()).toContain(title);
      expect(await page.getAttribute('html', 'dir')).toBe('rtl');
      await expectNoAxeViolations(page);
    },
    TEST_TIMEOUT,
  );
});
