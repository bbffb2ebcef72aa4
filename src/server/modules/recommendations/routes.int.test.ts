import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { rowsOf } from '../../db/client.js';
import { SYSTEM } from '../access/policy.js';

let t: TestApp;
let member: TestAccount;
let colleague: TestAccount;
let stranger: TestAccount;
let orgA: { id: string; slug: string };

const recommendation = (overrides: Record<string, unknown> = {}) => ({
  language: 'fr',
  title: 'Former les agents des frontières à la détection des faux documents',
  text: 'Former la police des frontières et les douanes du Burkina Faso à la détection des documents de voyage frauduleux et connecter les postes frontières aux bases de données d’INTERPOL.',
  country: 'BFA',
  themes: ['wg-border-law-enforcement', 'counter-terrorism'],
  sdgTargets: ['16.a'],
  sourceAssessment: 'CTED assessment visit, 2024',
  issuedOn: '2024-06-01',
  priority: 'high',
  ...overrides,
});

const count = async () =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM recommendations`))[0]!
    .n;
const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
const idsOf = (items: Array<{ id: string }>) => items.map((item) => item.id);
const gapIds = (body: { groups: Array<{ items: Array<{ recommendation: { id: string } }> }> }) =>
  body.groups.flatMap((group) => group.items.map((item) => item.recommendation.id));

beforeAll(async () => {
  t = await createTestApp();
  const orgs = (await t.services.organisations.list(SYSTEM, { limit: 2 } as never)).items;
  orgA = orgs[0]!;
  member = await createAccount(t, 'member', { organisationId: orgA.id });
  colleague = await createAccount(t, 'member', { organisationId: orgA.id });
  stranger = await createAccount(t, 'member', { organisationId: orgs[1]!.id });
});
afterAll(() => t.close());

describe(`recommendations API (${engineName})`, () => {
  it('lists the demo recommendations, with country names and theme labels in the reader’s language', async () => {
    const list = await t.jsonAs(member, '/api/v1/recommendations?lang=fr&limit=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBeGreaterThanOrEqual(12);
    const tcd = list.body.items.find(
      (r: { slug: string }) => r.slug === 'tcd-financial-intelligence-unit-capacity',
    );
    expect(tcd).toMatchObject({ country: { iso3: 'TCD', name: 'Tchad' }, originalLanguage: 'fr' });
    expect(tcd.themes[0].label).not.toBe(tcd.themes[0].id);
    const inArabic = await t.jsonAs(member, `/api/v1/recommendations/${tcd.id}?lang=ar`);
    expect(inArabic.body.country.name).toBe('تشاد');
    expect(inArabic.body.source).toMatchObject({ file: expect.stringMatching(/^003_/) });
  });

  it('filters by country, theme, status and priority', async () => {
    const found = await t.jsonAs(
      member,
      '/api/v1/recommendations?country=TCD,PER&theme=wg-criminal-justice-cft&status=open&priority=high&limit=100',
    );
    expect(found.body.items.map((r: { slug: string }) => r.slug)).toEqual([
      'tcd-financial-intelligence-unit-capacity',
    ]);
    const bad = await t.jsonAs(member, '/api/v1/recommendations?priority=urgent');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toContain('query.priority');
  });

  it('shows visitors only public recommendations, members those for members', async () => {
    const visitor = await t.jsonAs(null, '/api/v1/recommendations?limit=100');
    expect(visitor.body.items.length).toBeGreaterThan(0);
    for (const item of visitor.body.items) expect(item.visibility).toBe('public');
    const members = await t.jsonAs(member, '/api/v1/recommendations?limit=100');
    expect(members.body.total).toBeGreaterThan(visitor.body.total);
    const created = await t.send('POST', '/api/v1/recommendations', recommendation());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ visibility: 'members', status: 'open', priority: 'high' });
    expect((await t.jsonAs(null, `/api/v1/recommendations/${created.body.id}`)).status).toBe(404);
    expect((await t.jsonAs(member, `/api/v1/recommendations/${created.body.slug}`)).status).toBe(200);
  });

  it('keeps an organisation’s recommendation within that organisation', async () => {
    const created = await t.send(
      'POST',
      '/api/v1/recommendations',
      recommendation({
        title: 'Réservé à une organisation',
        visibility: 'organization',
        organisation: orgA.slug,
      }),
    );
    expect(created.status).toBe(201);
    expect((await t.jsonAs(colleague, `/api/v1/recommendations/${created.body.id}`)).status).toBe(200);
    expect((await t.jsonAs(stranger, `/api/v1/recommendations/${created.body.id}`)).status).toBe(404);
    const strangerList = await t.jsonAs(stranger, '/api/v1/recommendations?limit=100');
    expect(idsOf(strangerList.body.items)).not.toContain(created.body.id);
    const search = await t.jsonAs(stranger, '/api/v1/search?q=R%C3%A9serv%C3%A9%20organisation&limit=50');
    expect(idsOf(search.body.items)).not.toContain(created.body.id);
    const exported = await (
      await t.request('/api/v1/recommendations/export?format=csv', { headers: { cookie: stranger.cookie } })
    ).text();
    expect(exported).not.toContain(created.body.id);
  });

  it('lets only the secretariat write: members and org admins get 403, visitors 401', async () => {
    const before = await count();
    expect((await t.send('POST', '/api/v1/recommendations', recommendation(), member)).status).toBe(403);
    const orgAdmin = await createAccount(t, 'org_admin', { organisationId: orgA.id });
    expect((await t.send('POST', '/api/v1/recommendations', recommendation(), orgAdmin)).status).toBe(403);
    expect((await t.send('POST', '/api/v1/recommendations', recommendation(), null)).status).toBe(401);
    const slug = 'tcd-financial-intelligence-unit-capacity';
    expect(
      (await t.send('PATCH', `/api/v1/recommendations/${slug}`, { priority: 'low' }, member)).status,
    ).toBe(403);
    expect(
      (await t.send('POST', `/api/v1/recommendations/${slug}/status`, { status: 'closed' }, member)).status,
    ).toBe(403);
    expect(await count()).toBe(before);
    expect((await t.jsonAs(member, `/api/v1/recommendations/${slug}`)).body).toMatchObject({
      priority: 'high',
      status: 'open',
      canEdit: false,
    });
  });

  it('edits and changes status in one transaction each, with audit entries and search rows', async () => {
    const { body: created } = await t.send(
      'POST',
      '/api/v1/recommendations',
      recommendation({ title: 'Contrôle des cargaisons aux frontières', visibility: 'public' }),
    );
    expect(created.canEdit).toBe(true);
    const edited = await t.send('PATCH', `/api/v1/recommendations/${created.id}`, {
      title: 'Contrôle des cargaisons et des conteneurs',
      priority: 'medium',
      issuedOn: '2024-07-01',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ priority: 'medium', issuedOn: '2024-07-01' });
    const status = await t.send('POST', `/api/v1/recommendations/${created.id}/status`, {
      status: 'in-progress',
      note: 'A training is planned',
    });
    expect(status.body.status).toBe('in-progress');
    const again = await t.send('POST', `/api/v1/recommendations/${created.id}/status`, {
      status: 'in-progress',
    });
    expect(again.status).toBe(409);
    const audit = await t.jsonAs(await t.staff(), `/api/v1/audit?entityId=${created.id}&limit=20`);
    const actions = audit.body.items.map((entry: { action: string }) => entry.action);
    for (const action of ['recommendation.create', 'recommendation.update', 'recommendation.status'])
      expect(actions).toContain(action);
    const search = await t.jsonAs(null, '/api/v1/search?q=conteneurs&type=recommendation&lang=fr');
    expect(search.body.items.map((i: { id: string; url: string }) => i.url)).toContain(
      `/fr/recommendations/${created.slug}`,
    );
  });
});

describe(`recommendations refuse bad input and write nothing (${engineName})`, () => {
  it('names every bad field: country, theme, target, date, priority, status, empty text', async () => {
    const before = await count();
    const codes = await t.send(
      'POST',
      '/api/v1/recommendations',
      recommendation({ country: 'XXX', themes: ['no-such-theme'], sdgTargets: ['16.z'] }),
    );
    expect(codes.status).toBe(422);
    expect(codes.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(codes.body)).toEqual(
      expect.arrayContaining(['body.country', 'body.themes.0', 'body.sdgTargets.0']),
    );
    const shape = await t.send(
      'POST',
      '/api/v1/recommendations',
      recommendation({ issuedOn: '2024-02-30', priority: 'urgent', status: 'done', text: '   ' }),
    );
    expect(shape.status).toBe(422);
    expect(fieldsOf(shape.body)).toEqual(
      expect.arrayContaining(['body.issuedOn', 'body.priority', 'body.status', 'body.text']),
    );
    const noTheme = await t.send('POST', '/api/v1/recommendations', recommendation({ themes: [] }));
    expect(fieldsOf(noTheme.body)).toContain('body.themes');
    const language = await t.send('POST', '/api/v1/recommendations', recommendation({ language: 'qq' }));
    expect(fieldsOf(language.body)).toContain('body.language');
    const scope = await t.send(
      'POST',
      '/api/v1/recommendations',
      recommendation({ visibility: 'working_group' }),
    );
    expect(fieldsOf(scope.body)).toContain('body.workingGroupId');
    expect(await count()).toBe(before);
  });

  it('leaves the record unchanged after a bad patch or status', async () => {
    const slug = 'per-beneficial-ownership-cft';
    const before = (await t.jsonAs(member, `/api/v1/recommendations/${slug}`)).body;
    const patch = await t.send('PATCH', `/api/v1/recommendations/${slug}`, {
      title: 'Nuevo título',
      themes: ['no-such-theme'],
    });
    expect(patch.status).toBe(422);
    expect(fieldsOf(patch.body)).toContain('body.themes.0');
    const empty = await t.send('PATCH', `/api/v1/recommendations/${slug}`, {});
    expect(empty.status).toBe(422);
    const status = await t.send('POST', `/api/v1/recommendations/${slug}/status`, { status: 'finished' });
    expect(status.status).toBe(422);
    expect(fieldsOf(status.body)).toContain('body.status');
    const after = (await t.jsonAs(member, `/api/v1/recommendations/${slug}`)).body;
    expect(after).toMatchObject({ title: before.title, status: before.status, updatedAt: before.updatedAt });
  });

  it('refuses a need or project that links a recommendation that does not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const need = await t.send(
      'POST',
      '/api/v1/needs',
      {
        language: 'en',
        title: 'Border training',
        description: 'Training for border officers.',
        country: 'BFA',
        recommendationIds: [missing],
      },
      member,
    );
    expect(need.status).toBe(422);
    expect(fieldsOf(need.body)).toContain('body.recommendationIds.0');
  });
});

describe(`linking and the gap view (${engineName})`, () => {
  let target: { id: string; slug: string };

  beforeAll(async () => {
    const created = await t.send(
      'POST',
      '/api/v1/recommendations',
      recommendation({
        language: 'en',
        title: 'Detect fraudulent travel documents at land borders',
        text: 'Train border police to detect fraudulent travel documents and connect land border posts to INTERPOL databases to stop the travel of foreign terrorist fighters.',
        country: 'BFA',
        visibility: 'public',
      }),
    );
    expect(created.status).toBe(201);
    target = created.body;
  });

  it('lists the demo needs linked from the recommendations file', async () => {
    const detail = await t.jsonAs(null, '/api/v1/recommendations/ken-drought-anticipatory-action');
    expect(detail.body.addressedBy.needs.map((n: { slug: string }) => n.slug)).toContain(
      'ken-asal-drought-anticipatory-action',
    );
  });

  it('shows a need that lists it, to those who may read the need', async () => {
    const need = await t.send(
      'POST',
      '/api/v1/needs',
      {
        language: 'fr',
        title: 'Formation à la détection des faux documents',
        description:
          'Nous demandons une formation des agents des frontières à la détection des faux documents.',
        country: 'BFA',
        themes: ['wg-border-law-enforcement'],
        recommendationIds: [target.id],
      },
      member,
    );
    expect(need.status).toBe(201);
    expect(need.body.recommendationIds).toEqual([target.id]);
    const detail = await t.jsonAs(member, `/api/v1/recommendations/${target.id}?lang=fr`);
    expect(detail.body.addressedBy.needs).toEqual([
      expect.objectContaining({ type: 'need', id: need.body.id, title: need.body.title, status: 'open' }),
    ]);
    // The need is for members: a visitor sees the public recommendation but not the need.
    const visitor = await t.jsonAs(null, `/api/v1/recommendations/${target.id}`);
    expect(visitor.status).toBe(200);
    expect(visitor.body.addressedBy.needs).toEqual([]);
  });

  it('is a gap with suggestions and reasons until a project links it; needs do not address it', async () => {
    const gaps = await t.jsonAs(member, '/api/v1/recommendations/gaps?country=BFA&lang=fr');
    expect(gaps.status).toBe(200);
    expect(gaps.body.rule).toContain('project');
    expect(gapIds(gaps.body)).toContain(target.id);
    const group = gaps.body.groups.find((g: { items: Array<{ recommendation: { id: string } }> }) =>
      g.items.some((item) => item.recommendation.id === target.id),
    );
    expect(group.country).toEqual({ iso3: 'BFA', name: 'Burkina Faso' });
    expect(group.theme.id).toBe('wg-border-law-enforcement');
    const item = group.items.find(
      (i: { recommendation: { id: string } }) => i.recommendation.id === target.id,
    );
    expect(item.suggestions.length).toBeGreaterThan(0);
    expect(item.suggestions.length).toBeLessThanOrEqual(3);
    for (const suggestion of item.suggestions) {
      expect(['solution', 'offer']).toContain(suggestion.type);
      expect(suggestion.reasons.length).toBeGreaterThan(0);
      for (const reason of suggestion.reasons) expect(reason.label).toMatch(/\S/);
    }

    const project = await t.send('POST', '/api/v1/projects', {
      language: 'en',
      title: 'Border document security training for Burkina Faso',
      description: 'Training of border police in document examination.',
      organisation: orgA.slug,
      countries: [{ iso3: 'BFA', percentage: null }],
      themes: [{ id: 'wg-border-law-enforcement', percentage: null }],
      dates: { plannedStart: '2027-01-01' },
      recommendationIds: [target.id],
      visibility: 'public',
    });
    expect(project.status).toBe(201);
    const detail = await t.jsonAs(null, `/api/v1/recommendations/${target.id}`);
    expect(detail.body.addressedBy.projects).toEqual([
      expect.objectContaining({ type: 'project', id: project.body.id }),
    ]);
    const after = await t.jsonAs(member, '/api/v1/recommendations/gaps?country=BFA');
    expect(gapIds(after.body)).not.toContain(target.id);
    expect(after.body.addressed).toBeGreaterThan(0);
  });

  it('counts an open offer on its theme that the engine ranks above the threshold as addressing it', async () => {
    const created = await t.send(
      'POST',
      '/api/v1/recommendations',
      recommendation({
        language: 'en',
        title: 'Protect critical infrastructure against terrorist attacks',
        text: 'Draw up an inventory of critical infrastructure such as power plants, airports and telecommunications, assess the risk of terrorist and cyber attacks on it, and hold joint protection exercises with the companies that operate it.',
        country: 'NER',
        themes: ['wg-emerging-threats', 'counter-terrorism'],
        visibility: 'public',
      }),
    );
    const id = created.body.id;
    const before = await t.jsonAs(member, '/api/v1/recommendations/gaps?country=NER');
    expect(gapIds(before.body)).toContain(id);
    // An offer from another country on its main theme and subject addresses it while it is open.
    const offer = await t.send(
      'POST',
      '/api/v1/offers',
      {
        language: 'en',
        title: 'Critical infrastructure protection against terrorist attacks',
        description:
          'We help ministries draw up an inventory of critical infrastructure (power plants, airports, telecommunications), assess the risk of terrorist and cyber attacks on it, and run joint protection exercises with its operators.',
        country: 'SEN',
        themes: ['wg-emerging-threats'],
        visibility: 'public',
      },
      stranger,
    );
    expect(offer.status).toBe(201);
    const addressed = await t.jsonAs(member, '/api/v1/recommendations/gaps?country=NER');
    expect(gapIds(addressed.body)).not.toContain(id);
    expect(addressed.body.threshold).toBeGreaterThan(0);
    // Closed, the offer no longer addresses it.
    expect((await t.send('POST', `/api/v1/offers/${offer.body.id}/close`, {}, stranger)).status).toBe(200);
    const reopened = await t.jsonAs(member, '/api/v1/recommendations/gaps?country=NER');
    expect(gapIds(reopened.body)).toContain(id);
  });

  it('leaves out addressed and closed recommendations, and shows visitors only public gaps', async () => {
    const all = await t.jsonAs(await t.staff(), '/api/v1/recommendations/gaps');
    const statuses = all.body.groups.flatMap((g: { items: Array<{ recommendation: { status: string } }> }) =>
      g.items.map((item) => item.recommendation.status),
    );
    for (const status of statuses) expect(['open', 'in-progress']).toContain(status);
    const visitor = await t.jsonAs(null, '/api/v1/recommendations/gaps');
    for (const group of visitor.body.groups)
      for (const item of group.items) expect(item.recommendation.visibility).toBe('public');
  });
});
