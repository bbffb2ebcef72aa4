import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { SYSTEM } from './policy.js';

/**
 * The authorization matrix: every API route, called by every role and by a visitor, answers the
 * status the policy promises, and no response carries a secret or a record the caller may not see.
 * A route missing from EXPECTED fails the first test, so new routes must state their policy here.
 */
type Caller = 'visitor' | 'member' | 'org_admin' | 'secretariat' | 'admin';
const CALLERS: Caller[] = ['visitor', 'member', 'org_admin', 'secretariat', 'admin'];
/** `ok`: the caller got past authorization (2xx, or 404/409/422 about the record or the body). */
type Outcome = 'ok' | 401 | 403 | 404;
type Expectation = Outcome | (Partial<Record<Caller, Outcome>> & { rest?: Outcome });

const PUBLIC: Expectation = 'ok';
const MEMBERS: Expectation = { visitor: 401, rest: 'ok' };
const ORG_ADMINS: Expectation = { visitor: 401, member: 403, rest: 'ok' };
const STAFF: Expectation = { visitor: 401, member: 403, org_admin: 403, rest: 'ok' };
/** Inside a working group's space: its members and staff; anyone else is told it does not exist. */
const GROUP: Expectation = { visitor: 401, org_admin: 404, rest: 'ok' };
/** A record the member made: they and staff may change it; a member of another organisation sees nothing. */
const OWN: Expectation = { visitor: 401, org_admin: 404, rest: 'ok' };
/** A match: its two sides and staff; anyone else is told it does not exist. */
const MATCH: Expectation = { visitor: 401, member: 404, org_admin: 404, rest: 'ok' };

const EXPECTED: Record<string, Expectation> = {
  'GET /api/v1/solutions': PUBLIC,
  'GET /api/v1/solutions/export': PUBLIC,
  'GET /api/v1/solutions/{id}': PUBLIC,
  'GET /api/v1/solutions/{id}/history': MEMBERS,
  'GET /api/v1/organisations': PUBLIC,
  'GET /api/v1/organisations/export': PUBLIC,
  'GET /api/v1/organisations/{id}': PUBLIC,
  'GET /api/v1/events': PUBLIC,
  'GET /api/v1/events/export': PUBLIC,
  'GET /api/v1/events/{id}': PUBLIC,
  'GET /api/v1/events/{id}.ics': PUBLIC,
  'GET /api/v1/calendar': PUBLIC,
  'GET /api/v1/calendar/feeds': MEMBERS,
  'GET /api/v1/calendar/feeds/{token}.ics': 404,
  'GET /api/v1/countries': PUBLIC,
  'GET /api/v1/countries/{code}': PUBLIC,
  'GET /api/v1/sdgs': PUBLIC,
  'GET /api/v1/sdgs/{goal}': PUBLIC,
  'GET /api/v1/themes': PUBLIC,
  'GET /api/v1/modalities': PUBLIC,
  'GET /api/v1/cooperation-types': PUBLIC,
  'GET /api/v1/search': PUBLIC,
  'GET /api/v1/search/suggest': PUBLIC,
  'GET /api/v1/me': MEMBERS,
  'GET /api/v1/me/export': MEMBERS,
  'GET /api/v1/users': ORG_ADMINS,
  'GET /api/v1/invitations': ORG_ADMINS,
  'GET /api/v1/invitations/by-token/{token}': 404,
  'GET /api/v1/directory': MEMBERS,
  'GET /api/v1/directory/export.vcf': MEMBERS,
  'GET /api/v1/directory/{userId}': MEMBERS,
  'GET /api/v1/directory/{userId}.vcf': MEMBERS,
  'GET /api/v1/me/profile': MEMBERS,
  'GET /api/v1/groups': MEMBERS,
  'GET /api/v1/groups/{id}': MEMBERS,
  'GET /api/v1/groups/{id}/threads': GROUP,
  'GET /api/v1/groups/{id}/threads/{threadId}': GROUP,
  'GET /api/v1/groups/{id}/actions': GROUP,
  'GET /api/v1/groups/{id}/actions/{actionId}': GROUP,
  'GET /api/v1/groups/{id}/priorities': GROUP,
  'GET /api/v1/me/actions': MEMBERS,
  'GET /api/v1/notifications': MEMBERS,
  'GET /api/v1/library': PUBLIC,
  'GET /api/v1/library/{id}': { visitor: 404, org_admin: 404, rest: 'ok' }, // shared with the group only
  'GET /api/v1/library/{id}/download': { visitor: 404, org_admin: 404, rest: 'ok' },
  'GET /api/v1/needs': PUBLIC,
  'GET /api/v1/needs/export': PUBLIC,
  'GET /api/v1/needs/{id}': { visitor: 404, rest: 'ok' }, // a members-only need
  'GET /api/v1/offers': PUBLIC,
  'GET /api/v1/offers/export': PUBLIC,
  'GET /api/v1/offers/{id}': PUBLIC,
  'GET /api/v1/needs/{id}/matches': { visitor: 404, rest: 'ok' },
  'GET /api/v1/offers/{id}/matches': PUBLIC,
  'GET /api/v1/projects': PUBLIC,
  'GET /api/v1/projects/export': PUBLIC,
  'GET /api/v1/projects/iati.xml': PUBLIC,
  'GET /api/v1/projects/{id}': PUBLIC,
  'GET /api/v1/matches': MEMBERS,
  // A match of another organisation's need: its sides and staff see it; others are told it does not exist.
  'GET /api/v1/matches/{id}': MATCH,
  'GET /api/v1/matches/{id}/messages': MATCH,
  'GET /api/v1/map': PUBLIC,
  'GET /api/v1/countries/{iso3}/profile': PUBLIC,
  'GET /api/v1/charts/{chart}': PUBLIC,
  'GET /api/v1/dashboard': PUBLIC,
  'GET /api/v1/recommendations': PUBLIC,
  'GET /api/v1/recommendations/export': PUBLIC,
  'GET /api/v1/recommendations/gaps': PUBLIC,
  'GET /api/v1/recommendations/{id}': { visitor: 404, rest: 'ok' }, // a members-only recommendation
  'GET /api/v1/appeals': PUBLIC,
  'GET /api/v1/appeals/{id}': PUBLIC,
  'GET /api/v1/appeals/{id}/export': PUBLIC,
  'GET /api/v1/funds': PUBLIC,
  'GET /api/v1/funds/{id}': PUBLIC,
  'GET /api/v1/contributions': PUBLIC,
  'GET /api/v1/contributions/export': PUBLIC,
  'GET /api/v1/rate-tables': PUBLIC,
  'GET /api/v1/audit': STAFF,
  'GET /api/v1/audit/export': STAFF,
  // Writes run after every read, in role order; the fixture record is a public published solution.
  'POST /api/v1/solutions': MEMBERS,
  'PUT /api/v1/solutions/{id}/translations/{language}': MEMBERS,
  'PATCH /api/v1/solutions/{id}': STAFF, // not the members' own draft
  'POST /api/v1/solutions/{id}/submit': STAFF, // members submit only their own drafts
  'POST /api/v1/solutions/{id}/review': STAFF,
  'POST /api/v1/solutions/{id}/archive': STAFF,
  'POST /api/v1/solutions/{id}/restore': STAFF,
  'PATCH /api/v1/users/{id}': { visitor: 401, member: 403, org_admin: 404, rest: 'ok' }, // another org's member
  'POST /api/v1/invitations': ORG_ADMINS,
  'PUT /api/v1/me/profile': MEMBERS,
  'POST /api/v1/events': MEMBERS,
  'PATCH /api/v1/events/{id}': STAFF, // a seeded public event: only staff edit it
  'POST /api/v1/events/{id}/registration': MEMBERS,
  'DELETE /api/v1/events/{id}/registration': MEMBERS,
  'POST /api/v1/calendar/feeds': MEMBERS,
  'DELETE /api/v1/calendar/feeds/{id}': MEMBERS,
  'POST /api/v1/events/{id}/cancel': STAFF,
  'POST /api/v1/groups': STAFF,
  'PATCH /api/v1/groups/{id}': STAFF,
  'POST /api/v1/groups/{id}/threads': GROUP,
  'POST /api/v1/groups/{id}/threads/{threadId}/posts': GROUP,
  'POST /api/v1/groups/{id}/actions': GROUP,
  'PATCH /api/v1/groups/{id}/actions/{actionId}': GROUP,
  'POST /api/v1/groups/{id}/priorities': GROUP,
  'PATCH /api/v1/groups/{id}/priorities/{priorityId}': GROUP,
  // Only the group's own members rank its priorities; staff read the result.
  'PUT /api/v1/groups/{id}/priorities/ranking': { visitor: 401, member: 'ok', org_admin: 404, rest: 403 },
  // Chairs and staff manage members; the group itself is visible to every member.
  'PATCH /api/v1/groups/{id}/members/{userId}': STAFF,
  'DELETE /api/v1/groups/{id}/members/{userId}': STAFF,
  'POST /api/v1/notifications/read-all': MEMBERS,
  'POST /api/v1/notifications/{id}/read': MEMBERS,
  'POST /api/v1/library': MEMBERS,
  'PATCH /api/v1/library/{id}': OWN,
  'DELETE /api/v1/library/{id}': OWN,
  'POST /api/v1/matches/preview': PUBLIC,
  // The secretariat stands in for the solution's side, which has no account: it expresses interest,
  // so only the need's side may accept.
  'POST /api/v1/matches/{id}/interest': MATCH,
  'POST /api/v1/matches/{id}/accept': { ...MATCH, secretariat: 403, admin: 403 },
  'POST /api/v1/matches/{id}/messages': MATCH,
  'POST /api/v1/matches/{id}/agree': MATCH,
  'POST /api/v1/matches/{id}/decline': MATCH,
  'POST /api/v1/matches/{id}/project': MATCH,
  'POST /api/v1/needs': MEMBERS,
  'POST /api/v1/offers': MEMBERS,
  // Another organisation's need and offer: readable by members, changed only by their authors and staff.
  'PATCH /api/v1/needs/{id}': STAFF,
  'POST /api/v1/needs/{id}/close': STAFF,
  'POST /api/v1/needs/{id}/reopen': STAFF,
  'PATCH /api/v1/offers/{id}': STAFF,
  'POST /api/v1/offers/{id}/close': STAFF,
  'POST /api/v1/offers/{id}/reopen': STAFF,
  'POST /api/v1/projects': MEMBERS,
  'POST /api/v1/projects/import': STAFF,
  // Another organisation's project: changed and published only by its author, their admin and staff.
  'PATCH /api/v1/projects/{id}': STAFF,
  'POST /api/v1/projects/{id}/publish': STAFF,
  // Recommendations come from assessments the secretariat enters: only staff write them.
  'POST /api/v1/recommendations': STAFF,
  'PATCH /api/v1/recommendations/{id}': STAFF,
  'POST /api/v1/recommendations/{id}/status': STAFF,
  'POST /api/v1/appeals': STAFF,
  'PUT /api/v1/appeals/{id}/projects/{project}': STAFF,
  'DELETE /api/v1/appeals/{id}/projects/{project}': STAFF,
  'POST /api/v1/funds': STAFF,
  'POST /api/v1/funds/{id}/allocations': STAFF,
  'POST /api/v1/contributions': STAFF,
  'PATCH /api/v1/contributions/{id}': STAFF,
  'DELETE /api/v1/contributions/{id}': STAFF,
  'POST /api/v1/rate-tables': STAFF,
  // Last: joining changes who is in the group.
  'POST /api/v1/groups/{id}/members': MEMBERS,
  'DELETE /api/v1/invitations/{id}': { visitor: 401, member: 403, org_admin: 404, rest: 'ok' }, // another org's
  'POST /api/v1/invitations/by-token/{token}/accept': 404,
};

/** Keys that must never appear in any response. */
const SECRET_KEYS = ['password', 'secret', 'backupCodes', 'tokenHash', 'token_hash', 'totpURI', 'bytes'];

let t: TestApp;
const as: Partial<Record<Caller, TestAccount>> = {};
const values: Record<string, string> = {};
let hidden: { members: string; organisation: string; privateOwn: string };
let paths: string[];

beforeAll(async () => {
  t = await createTestApp();
  const orgs = (await t.services.organisations.list(SYSTEM, { limit: 2 } as never)).items.map((o) => o.id);
  const [orgA, orgB] = orgs as [string, string];
  as.member = await createAccount(t, 'member', { organisationId: orgA });
  as.org_admin = await createAccount(t, 'org_admin', { organisationId: orgA });
  as.secretariat = await createAccount(t, 'secretariat');
  as.admin = await createAccount(t, 'admin');
  const target = await createAccount(t, 'member', { organisationId: orgB });
  const invitation = await t.services.invitations.invite(
    { viewer: SYSTEM },
    { email: `pending-${Date.now()}@example.org`, role: 'member', organisationId: orgB },
  );
  const published = (await t.json('/api/v1/solutions?limit=1')).body.items[0];
  const event = (await t.json('/api/v1/events?limit=1')).body.items[0];
  Object.assign(values, {
    solutionId: published.id,
    organisationId: orgA,
    eventId: event.id,
    userId: target.userId,
    invitationId: invitation.invitation.id,
  });

  // Records the visitor (and, for the last two, the member of another organisation) must never see.
  const make = async (who: TestAccount, visibility: string, title: string) => {
    const created = await t.send(
      'POST',
      '/api/v1/solutions',
      {
        language: 'en',
        title,
        summary: `${title}: a summary long enough to be valid.`,
        countries: ['KEN'],
        providers: ['unossc'],
        visibility,
      },
      who,
    );
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const publish = async (id: string) => {
    await t.send('POST', `/api/v1/solutions/${id}/submit`, undefined, as.secretariat);
    expect(
      (await t.send('POST', `/api/v1/solutions/${id}/review`, { decision: 'publish' }, as.secretariat))
        .status,
    ).toBe(200);
  };
  // A working group the member belongs to, with a thread, an action, a priority and a document.
  const group = (await t.jsonAs(as.member, '/api/v1/groups?limit=1')).body.items[0];
  expect((await t.send('POST', `/api/v1/groups/${group.id}/members`, {}, as.member)).status).toBeLessThan(
    300,
  );
  expect(
    (await t.send('POST', `/api/v1/groups/${group.id}/members`, { userId: target.userId }, as.secretariat))
      .status,
  ).toBeLessThan(300);
  const inGroup = (path: string, body: unknown) =>
    t.send('POST', `/api/v1/groups/${group.id}${path}`, body, as.member);
  const thread = await inGroup('/threads', { title: 'Cross-border data', body: 'Shall we share templates?' });
  const action = await inGroup('/actions', {
    title: 'Draft the template',
    ownerId: as.member.userId,
    dueOn: '2027-01-15',
  });
  const priority = await inGroup('/priorities', { title: 'Border management training' });
  const form = new FormData();
  for (const [key, value] of Object.entries({
    title: 'Group minutes',
    language: 'en',
    visibility: 'working_group',
    workingGroupId: group.id,
    url: 'https://example.org/minutes',
  }))
    form.append(key, value);
  const resource = await t.request('/api/v1/library', {
    method: 'POST',
    headers: { cookie: as.member.cookie, origin: 'http://localhost' },
    body: form,
  });
  expect(resource.status).toBe(201);
  Object.assign(values, {
    groupId: group.id,
    threadId: thread.body.id,
    actionId: action.body.id,
    priorityId: priority.body.id,
    resourceId: (await resource.json()).id,
  });
  expect([thread.status, action.status, priority.status]).toEqual([201, 201, 201]);
  // Well-formed bodies, so that the membership check is what answers a non-member.
  Object.assign(BODIES, {
    'POST /api/v1/groups/{id}/threads': { title: 'Another thread', body: 'Text' },
    'POST /api/v1/groups/{id}/threads/{threadId}/posts': { body: 'A reply' },
    'POST /api/v1/groups/{id}/actions': {
      title: 'Another action',
      ownerId: as.member.userId,
      dueOn: '2027-02-01',
    },
    'POST /api/v1/groups/{id}/priorities': { title: 'Another priority' },
    'PUT /api/v1/groups/{id}/priorities/ranking': { priorityIds: [priority.body.id] },
  });

  const posted = (path: string, body: Record<string, unknown>) =>
    t.send(
      'POST',
      path,
      { language: 'en', country: 'KEN', description: 'Described well enough.', ...body },
      target,
    );
  const needPosted = await posted('/api/v1/needs', {
    title: 'Drought-tolerant seed multiplication',
    description:
      'A school feeding programme buying from smallholder farmers, with early warning of droughts.',
  });
  const offerPosted = await posted('/api/v1/offers', { title: 'Seed bank training', visibility: 'public' });
  const projectPosted = await posted('/api/v1/projects', {
    title: 'Seed multiplication project',
    visibility: 'public',
    dates: { plannedStart: '2026-01-01' },
  });
  expect([needPosted.status, offerPosted.status, projectPosted.status]).toEqual([201, 201, 201]);
  values.projectId = projectPosted.body.id;
  const suggested = await t.jsonAs(as.secretariat, `/api/v1/needs/${needPosted.body.id}/matches`);
  const match = suggested.body.items.find(
    (m: { candidate: { type: string }; yourSide: string | null }) =>
      m.candidate.type === 'solution' && m.yourSide === 'candidate',
  );
  expect(match).toBeDefined();
  Object.assign(values, { needId: needPosted.body.id, offerId: offerPosted.body.id, matchId: match.id });

  hidden = {
    members: await make(as.secretariat, 'members', 'Members only drought insurance'),
    organisation: await make(target, 'organization', 'Organisation only seed bank'),
    privateOwn: await make(target, 'private', 'Private notes on fisheries'),
  };
  await publish(hidden.members);
  await publish(hidden.organisation);
  const doc = await t.json('/api/openapi.json');
  paths = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
  );
});
afterAll(() => t.close());

function fill(path: string): string {
  return path
    .replace('/solutions/{id}', `/solutions/${values.solutionId}`)
    .replace('/organisations/{id}', `/organisations/${values.organisationId}`)
    .replace('/events/{id}', `/events/${values.eventId}`)
    .replace('/users/{id}', `/users/${values.userId}`)
    .replace('{userId}', values.userId!)
    .replace('/invitations/{id}', `/invitations/${values.invitationId}`)
    .replace('/feeds/{id}', '/feeds/00000000-0000-4000-8000-000000000000')
    .replace('/groups/{id}', `/groups/${values.groupId}`)
    .replace('{threadId}', values.threadId!)
    .replace('{actionId}', values.actionId!)
    .replace('{priorityId}', values.priorityId!)
    .replace('/library/{id}', `/library/${values.resourceId}`)
    .replace('/needs/{id}', `/needs/${values.needId}`)
    .replace('/matches/{id}', `/matches/${values.matchId}`)
    .replace('/offers/{id}', `/offers/${values.offerId}`)
    .replace('/projects/{id}', `/projects/${values.projectId}`)
    .replace('/recommendations/{id}', '/recommendations/tcd-financial-intelligence-unit-capacity')
    .replace('/appeals/{id}', '/appeals/ct-multi-year-appeal-2021-2022')
    .replace('/funds/{id}', '/funds/un-counter-terrorism-trust-fund')
    .replace('{project}', values.projectId!)
    .replace('/contributions/{id}', '/contributions/00000000-0000-4000-8000-000000000000')
    .replace('/notifications/{id}', '/notifications/00000000-0000-4000-8000-000000000000')
    .replace('{token}', 'z'.repeat(43))
    .replace('{code}', 'VNM')
    .replace('{iso3}', 'KEN')
    .replace('{chart}', 'country-solutions-by-theme?country=KEN')
    .replace('{goal}', '2')
    .replace('{language}', 'fr')
    .replace(/\/search$/, '/search?q=drought%20seed%20fisheries&limit=50')
    .replace(/\/suggest$/, '/suggest?q=drou')
    .replace(/\/calendar$/, '/calendar?from=2026-11-01&to=2026-11-30');
}

/** Bodies for writes whose policy check needs a well-formed request to be reached. */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/solutions/{id}': { summary: 'A clearer summary of this solution, long enough to be valid.' },
  'POST /api/v1/invitations/by-token/{token}/accept': {
    name: 'Someone',
    password: 'a long enough passphrase',
  },
  'PATCH /api/v1/events/{id}': { location: 'Geneva' },
  'PATCH /api/v1/groups/{id}/members/{userId}': { role: 'vice_chair' },
  'PATCH /api/v1/library/{id}': { title: 'Group minutes, revised' },
  'PATCH /api/v1/needs/{id}': { title: 'Drought-tolerant seed multiplication, revised' },
  'POST /api/v1/matches/preview': { text: 'Early warning of droughts', language: 'en' },
  'POST /api/v1/matches/{id}/messages': { body: 'Could we talk next week?' },
  'POST /api/v1/matches/{id}/agree': { summary: 'A joint study visit in the next quarter.' },
  'POST /api/v1/matches/{id}/decline': { reason: 'Not a fit for us' },
  'PATCH /api/v1/offers/{id}': { title: 'Seed bank training, revised' },
  'PATCH /api/v1/projects/{id}': { status: '2' },
  'POST /api/v1/recommendations': {
    language: 'en',
    title: 'Border document examination',
    text: 'Train border officers to examine travel documents.',
    country: 'NER',
    themes: ['wg-border-law-enforcement'],
    sourceAssessment: 'CTED assessment visit, 2024',
    issuedOn: '2024-01-15',
  },
  'PATCH /api/v1/recommendations/{id}': { priority: 'medium' },
  'POST /api/v1/recommendations/{id}/status': { status: 'in-progress' },
};

function expected(route: string, caller: Caller): Outcome {
  const rule = EXPECTED[route]!;
  return typeof rule === 'object' ? (rule[caller] ?? rule.rest ?? 'ok') : rule;
}

function secretKeys(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) secretKeys(item, found);
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) {
      if (SECRET_KEYS.includes(key)) found.push(key);
      secretKeys(inner, found);
    }
  return found;
}

describe(`authorization matrix (${engineName})`, () => {
  it('states the policy of every API route', () => {
    expect(paths.filter((route) => !(route in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((route) => !paths.includes(route))).toEqual([]);
  });

  it('answers every route for every role as the policy says, leaking nothing', async () => {
    const reads = Object.keys(EXPECTED).filter((r) => r.startsWith('GET '));
    const writes = Object.keys(EXPECTED).filter((r) => !r.startsWith('GET '));
    const failures: string[] = [];
    for (const route of [...reads, ...writes]) {
      const [method, path] = route.split(' ') as [string, string];
      for (const caller of CALLERS) {
        const account = caller === 'visitor' ? null : as[caller]!;
        const response = await t.request(fill(path), {
          method,
          headers: {
            ...(account ? { cookie: account.cookie } : {}),
            ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
          },
          ...(method === 'GET' ? {} : { body: JSON.stringify(BODIES[route] ?? {}) }),
        });
        const want = expected(route, caller);
        const got = response.status;
        const passed = want === 'ok' ? got < 400 || [404, 409, 415, 422].includes(got) : got === want;
        if (!passed) failures.push(`${route} as ${caller}: expected ${want}, got ${got}`);
        expect(got, `${route} as ${caller}`).toBeLessThan(500);
        const text = await response.text();
        const body = response.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : text;
        const secrets = secretKeys(body);
        if (secrets.length) failures.push(`${route} as ${caller} leaked ${secrets.join(', ')}`);
        if (caller === 'visitor' && text.includes(hidden.members))
          failures.push(`${route} showed a members-only record to a visitor`);
        if ((caller === 'visitor' || caller === 'member') && text.includes(hidden.organisation))
          failures.push(`${route} showed another organisation's record to a ${caller}`);
        if (caller !== 'secretariat' && caller !== 'admin' && text.includes(hidden.privateOwn))
          failures.push(`${route} showed someone's private draft to a ${caller}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets members see members-only records that visitors cannot', async () => {
    const visitor = await t.json(`/api/v1/solutions/${hidden.members}`);
    expect(visitor.status).toBe(404);
    const member = await t.jsonAs(as.member!, `/api/v1/solutions/${hidden.members}`);
    expect(member.status).toBe(200);
    const search = await t.jsonAs(as.member!, '/api/v1/search?q=drought%20insurance&limit=50');
    expect(search.body.items.map((i: { id: string }) => i.id)).toContain(hidden.members);
    const visitorSearch = await t.json('/api/v1/search?q=drought%20insurance&limit=50');
    expect(visitorSearch.body.items.map((i: { id: string }) => i.id)).not.toContain(hidden.members);
  });
});
