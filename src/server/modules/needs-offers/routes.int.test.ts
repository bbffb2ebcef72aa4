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
let orgB: { id: string; slug: string };

const need = (overrides: Record<string, unknown> = {}) => ({
  language: 'vi',
  title: 'Hỗ trợ xây dựng chương trình bữa ăn học đường',
  description:
    'Bộ Giáo dục cần kinh nghiệm về bữa ăn học đường gắn với nông sản địa phương cho các tỉnh miền núi.',
  country: 'VNM',
  themes: ['school-feeding'],
  sdgTargets: ['2.1'],
  modalities: ['study-visit'],
  workingLanguages: ['vi', 'en'],
  timeframe: { startsOn: '2027-03-01', endsOn: '2027-12-31' },
  budget: { amount: '45000.00', currency: 'USD' },
  coFinancing: 'The ministry covers local costs.',
  ...overrides,
});

const offer = (overrides: Record<string, unknown> = {}) => ({
  language: 'fr',
  title: 'Formation aux systèmes d’alerte précoce',
  description:
    'Nous proposons une formation de deux semaines sur les systèmes d’alerte précoce multirisques.',
  country: 'SEN',
  themes: ['early-warning'],
  modalities: ['training-course'],
  capacity: { places: 20, experts: 3, amount: '30000', currency: 'XOF' },
  costSharing: 'Travel paid by the requesting country.',
  availability: { from: '2027-01-01', until: '2027-06-30' },
  visibility: 'public',
  ...overrides,
});

const count = async (table: 'needs' | 'offers') =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!
    .n;

beforeAll(async () => {
  t = await createTestApp();
  const orgs = (await t.services.organisations.list(SYSTEM, { limit: 2 } as never)).items;
  [orgA, orgB] = [orgs[0]!, orgs[1]!];
  member = await createAccount(t, 'member', { organisationId: orgA.id });
  colleague = await createAccount(t, 'org_admin', { organisationId: orgA.id });
  stranger = await createAccount(t, 'member', { organisationId: orgB.id });
});
afterAll(() => t.close());

describe(`needs and offers API (${engineName})`, () => {
  it('posts a need in Vietnamese with every field, and reads it back', async () => {
    const created = await t.send('POST', '/api/v1/needs', need(), member);
    expect(created.status).toBe(201);
    const body = created.body;
    expect(body).toMatchObject({
      kind: 'need',
      title: need().title,
      originalLanguage: 'vi',
      organisation: { id: orgA.id },
      country: { iso3: 'VNM' },
      sdgTargets: ['2.1'],
      workingLanguages: ['vi', 'en'],
      timeframe: { startsOn: '2027-03-01', endsOn: '2027-12-31' },
      budget: { amount: '45000.00', currency: 'USD' },
      visibility: 'members',
      status: 'open',
      canEdit: true,
    });
    expect(body.themes.map((theme: { id: string }) => theme.id)).toEqual(['school-feeding']);
    const read = await t.jsonAs(member, `/api/v1/needs/${body.slug}`);
    expect(read.body.id).toBe(body.id);
    // Members-only by default: a visitor is told it does not exist.
    expect((await t.jsonAs(null, `/api/v1/needs/${body.id}`)).status).toBe(404);
  });

  it('posts an offer in French with capacity, cost-sharing and availability', async () => {
    const created = await t.send('POST', '/api/v1/offers', offer(), stranger);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'offer',
      organisation: { id: orgB.id },
      capacity: { places: 20, experts: 3, amount: '30000.00', currency: 'XOF' },
      availability: { from: '2027-01-01', until: '2027-06-30' },
      visibility: 'public',
    });
    expect((await t.jsonAs(null, `/api/v1/offers/${created.body.id}`)).status).toBe(200);
  });

  it('puts open needs and offers in search, across languages, and takes closed ones out', async () => {
    const created = await t.send(
      'POST',
      '/api/v1/offers',
      offer({
        title: 'Programme d’alimentation scolaire',
        description: 'Alimentation scolaire et achats locaux.',
      }),
      stranger,
    );
    const found = async () =>
      (await t.jsonAs(null, '/api/v1/search?q=school%20feeding&type=offer&lang=en')).body.items.map(
        (item: { id: string }) => item.id,
      );
    expect(await found()).toContain(created.body.id);
    expect((await t.send('POST', `/api/v1/offers/${created.body.id}/close`, {}, stranger)).status).toBe(200);
    expect(await found()).not.toContain(created.body.id);
  });

  it('edits, closes with a reason and reopens, with an audit entry for each', async () => {
    const { body: created } = await t.send('POST', '/api/v1/needs', need(), member);
    const edited = await t.send(
      'PATCH',
      `/api/v1/needs/${created.id}`,
      { title: 'Bữa ăn học đường cho vùng cao', budget: null },
      colleague,
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Bữa ăn học đường cho vùng cao', budget: null });
    const closed = await t.send('POST', `/api/v1/needs/${created.id}/close`, { reason: 'Met' }, member);
    expect(closed.body).toMatchObject({ status: 'closed', closeReason: 'Met' });
    expect((await t.jsonAs(member, '/api/v1/needs?status=open&limit=100')).body.items).not.toContainEqual(
      expect.objectContaining({ id: created.id }),
    );
    const again = await t.send('POST', `/api/v1/needs/${created.id}/close`, {}, member);
    expect(again.status).toBe(409);
    const reopened = await t.send('POST', `/api/v1/needs/${created.id}/reopen`, undefined, member);
    expect(reopened.body).toMatchObject({ status: 'open', closeReason: null, closedAt: null });
    const audit = await t.jsonAs(await t.staff(), `/api/v1/audit?entityId=${created.id}&limit=20`);
    const actions = audit.body.items.map((entry: { action: string }) => entry.action);
    for (const action of ['need.create', 'need.update', 'need.close', 'need.reopen'])
      expect(actions).toContain(action);
  });

  it('filters lists by status, country, theme and "mine"', async () => {
    const mine = await t.jsonAs(member, '/api/v1/needs?mine=true&country=VNM&theme=school-feeding&limit=100');
    expect(mine.body.items.length).toBeGreaterThan(0);
    for (const item of mine.body.items) {
      expect(item.organisation.id).toBe(orgA.id);
      expect(item.country.iso3).toBe('VNM');
    }
    const closed = await t.jsonAs(stranger, '/api/v1/offers?status=closed&limit=100');
    for (const item of closed.body.items) expect(item.status).toBe('closed');
    expect(closed.body.items.length).toBeGreaterThan(0);
  });

  it('exports the list as CSV', async () => {
    const response = await t.request('/api/v1/offers/export?format=csv');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.split('\n')[0]).toContain('title');
    expect(text).toContain('SEN');
  });
});

describe(`needs and offers refuse bad input and changes nothing (${engineName})`, () => {
  const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

  it('rejects a timeframe that ends before it starts, naming timeframe.endsOn', async () => {
    const before = await count('needs');
    const answer = await t.send(
      'POST',
      '/api/v1/needs',
      need({ timeframe: { startsOn: '2027-05-01', endsOn: '2027-01-01' } }),
      member,
    );
    expect(answer.status).toBe(422);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(answer.body)).toContain('body.timeframe.endsOn');
    expect(await count('needs')).toBe(before);
  });

  it('names each unknown code, language and currency', async () => {
    const before = await count('offers');
    const answer = await t.send(
      'POST',
      '/api/v1/offers',
      offer({
        themes: ['no-such-theme'],
        country: 'XXX',
        workingLanguages: ['qq'],
        capacity: { amount: '100', currency: 'ABC' },
      }),
      member,
    );
    expect(answer.status).toBe(422);
    expect(fieldsOf(answer.body)).toEqual(expect.arrayContaining(['body.capacity.currency']));
    const second = await t.send(
      'POST',
      '/api/v1/offers',
      offer({ themes: ['no-such-theme'], country: 'XXX', workingLanguages: ['qq'] }),
      member,
    );
    expect(second.status).toBe(422);
    expect(fieldsOf(second.body)).toEqual(
      expect.arrayContaining(['body.themes.0', 'body.country', 'body.workingLanguages.0']),
    );
    expect(await count('offers')).toBe(before);
  });

  it('requires a currency with an amount, and rejects an empty or huge description', async () => {
    const noCurrency = await t.send('POST', '/api/v1/offers', offer({ capacity: { amount: '100' } }), member);
    expect(fieldsOf(noCurrency.body)).toContain('body.capacity.currency');
    const empty = await t.send('POST', '/api/v1/needs', need({ description: '   ' }), member);
    expect(fieldsOf(empty.body)).toContain('body.description');
    const huge = await t.send('POST', '/api/v1/needs', need({ description: 'x'.repeat(10_001) }), member);
    expect(huge.status).toBe(422);
    expect(fieldsOf(huge.body)).toContain('body.description');
  });

  it('lets members post only for their own organisation, naming the field', async () => {
    const answer = await t.send('POST', '/api/v1/needs', need({ organisation: orgB.slug }), member);
    expect(answer.status).toBe(403);
    expect(fieldsOf(answer.body)).toContain('body.organisation');
    const staff = await t.send('POST', '/api/v1/needs', need({ organisation: orgB.slug }), await t.staff());
    expect(staff.status).toBe(201);
    expect(staff.body.organisation.id).toBe(orgB.id);
  });

  it('refuses visitors, and members of another organisation changing the need', async () => {
    expect((await t.send('POST', '/api/v1/needs', need(), null)).status).toBe(401);
    const { body: created } = await t.send('POST', '/api/v1/needs', need(), member);
    const patch = await t.send('PATCH', `/api/v1/needs/${created.id}`, { title: 'Taken over' }, stranger);
    expect(patch.status).toBe(403);
    expect((await t.send('POST', `/api/v1/needs/${created.id}/close`, {}, stranger)).status).toBe(403);
    const read = await t.jsonAs(member, `/api/v1/needs/${created.id}`);
    expect(read.body).toMatchObject({ title: need().title, status: 'open' });
  });

  it('rejects an empty patch', async () => {
    const { body: created } = await t.send('POST', '/api/v1/needs', need(), member);
    const answer = await t.send('PATCH', `/api/v1/needs/${created.id}`, {}, member);
    expect(answer.status).toBe(422);
  });
});
