import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { rowsOf } from '../../db/client.js';
import { SYSTEM } from '../access/policy.js';

let t: TestApp;
let member: TestAccount;
let stranger: TestAccount;
let staff: TestAccount;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };

const project = (overrides: Record<string, unknown> = {}) => ({
  language: 'es',
  title: 'Alimentación escolar con compras locales en el Sahel',
  description: 'Cooperación triangular para comedores escolares abastecidos por pequeños productores.',
  participants: [
    { name: 'Ministerio de Educación de Níger', role: '4', southSouthRole: 'recipient', type: '10' },
    { name: 'Agencia de Cooperación', ref: 'XM-DAC-0000', role: '3', southSouthRole: 'facilitator' },
  ],
  countries: [
    { iso3: 'NER', percentage: '60' },
    { iso3: 'MLI', percentage: '30' },
  ],
  regions: [{ code: '289', percentage: '10' }],
  sectors: [
    { code: '11250', percentage: '70' },
    { code: '31120', percentage: '30' },
  ],
  themes: [{ id: 'school-feeding', percentage: null }],
  sdgGoals: ['2', '4'],
  sdgTargets: ['2.1'],
  modalities: ['study-visit'],
  cooperationType: 'triangular',
  status: '2',
  dates: { plannedStart: '2026-01-01', actualStart: '2026-02-01', plannedEnd: '2027-12-31', actualEnd: null },
  defaultCurrency: 'USD',
  budgets: [
    { periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '500000.00', currency: 'USD' },
    { type: '2', periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '550000.10', currency: 'USD' },
    { periodStart: '2027-01-01', periodEnd: '2027-12-31', amount: '400000', currency: 'USD' },
  ],
  transactions: [
    { type: '2', date: '2026-01-15', amount: '900000', currency: 'USD' },
    { type: '3', date: '2026-03-01', amount: '250000.05', currency: 'USD' },
    { type: '3', date: '2026-09-01', amount: '100000.10', currency: 'USD' },
    { type: '4', date: '2026-10-01', amount: '75000', currency: 'XOF' },
  ],
  results: [
    {
      type: '2',
      title: 'Niños que reciben comidas escolares',
      indicators: [
        {
          title: 'Número de escolares',
          baseline: { year: 2025, value: '12000' },
          periods: [{ start: '2026-01-01', end: '2026-12-31', target: '20000', actual: '17500' }],
        },
      ],
    },
  ],
  visibility: 'public',
  ...overrides,
});

const count = async () =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM projects`))[0]!.n;

beforeAll(async () => {
  t = await createTestApp();
  const orgs = (await t.services.organisations.list(SYSTEM, { limit: 2 } as never)).items;
  [orgA, orgB] = [orgs[0]!, orgs[1]!];
  member = await createAccount(t, 'member', { organisationId: orgA.id });
  stranger = await createAccount(t, 'member', { organisationId: orgB.id });
  staff = await createAccount(t, 'secretariat');
});
afterAll(() => t.close());

describe(`projects API (${engineName})`, () => {
  let slug = '';

  it('reports a project with every IATI field and reads it back with exact totals', async () => {
    const [recipient, facilitator] = project().participants;
    const body = project({
      participants: [
        recipient,
        { organisation: orgB.slug, role: '1', southSouthRole: 'first-provider' },
        facilitator,
      ],
    });
    const created = await t.send('POST', '/api/v1/projects', body, member);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    slug = created.body.slug;
    expect(created.body).toMatchObject({
      title: body.title,
      originalLanguage: 'es',
      organisation: { id: orgA.id },
      reportingOrg: { ref: `XM-SOUTHBRIDGE-${orgA.slug.toUpperCase()}` },
      cooperationType: { id: 'triangular' },
      status: { id: '2' },
      publication: 'published',
      countries: [
        { iso3: 'NER', percentage: '60' },
        { iso3: 'MLI', percentage: '30' },
      ],
      regions: [{ code: '289', percentage: '10' }],
      sdgGoals: ['2', '4'],
    });
    expect(created.body.identifier).toMatch(
      new RegExp(`^XM-SOUTHBRIDGE-${orgA.slug.toUpperCase()}-[0-9A-F]{8}$`),
    );
    expect(created.body.participants[1]).toMatchObject({
      organisationId: orgB.id,
      role: '1',
      southSouthRole: 'first-provider',
      ref: `XM-SOUTHBRIDGE-${orgB.slug.toUpperCase()}`,
    });
    expect(created.body.sectors[0].label).not.toBe('11250');
    // The revised 2026 budget replaces the original one; amounts are summed exactly.
    expect(created.body.totals).toEqual([
      {
        currency: 'USD',
        budget: '950000.10',
        commitment: '900000.00',
        disbursement: '350000.15',
        expenditure: '0.00',
      },
      { currency: 'XOF', budget: '0.00', commitment: '0.00', disbursement: '0.00', expenditure: '75000.00' },
    ]);
    expect(created.body.results[0].indicators[0].periods[0]).toEqual({
      start: '2026-01-01',
      end: '2026-12-31',
      target: '20000',
      actual: '17500',
    });

    const read = await t.send('GET', `/api/v1/projects/${created.body.identifier}?lang=fr`);
    expect(read.status).toBe(200);
    expect(read.body.id).toBe(created.body.id);
    expect(read.body.language).toBe('es');
  });

  it('lists, filters, exports and finds projects in search', async () => {
    const byCountry = await t.send(
      'GET',
      '/api/v1/projects?country=NER&sector=11250&sdg=4&cooperationType=triangular',
    );
    expect(byCountry.body.items.map((p: { slug: string }) => p.slug)).toContain(slug);
    const other = await t.send('GET', '/api/v1/projects?country=VNM');
    expect(other.body.items.map((p: { slug: string }) => p.slug)).not.toContain(slug);
    const byPartner = await t.send('GET', `/api/v1/projects?organisation=${orgB.id}`);
    expect(byPartner.body.items.map((p: { slug: string }) => p.slug)).toContain(slug);
    const csv = await t.request('/api/v1/projects/export?format=csv&country=NER');
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('950000.10 USD');
    const found = await t.send('GET', '/api/v1/search?q=comedores%20escolares&type=project');
    expect(found.body.items.map((hit: { slug: string }) => hit.slug)).toContain(slug);
  });

  it('refuses bad input with every field named and writes nothing', async () => {
    const before = await count();
    const bad = await t.send(
      'POST',
      '/api/v1/projects',
      project({
        countries: [
          { iso3: 'NER', percentage: '60' },
          { iso3: 'XXX', percentage: '20' },
        ],
        regions: [],
        sectors: [{ code: '99999', percentage: '50' }],
        budgets: [{ periodStart: '2027-01-01', periodEnd: '2026-01-01', amount: '-5', currency: 'ZZZ' }],
        dates: { plannedStart: '2027-01-01', plannedEnd: '2026-01-01' },
        themes: [{ id: 'no-such-theme', percentage: null }],
      }),
      member,
    );
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const fields = bad.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.budgets.0.amount', 'body.budgets.0.currency', 'body.dates.plannedEnd']),
    );
    // Codes and shares are checked once the shapes are right.
    const codes = await t.send(
      'POST',
      '/api/v1/projects',
      project({
        countries: [
          { iso3: 'NER', percentage: '60' },
          { iso3: 'XXX', percentage: '20' },
        ],
        regions: [],
        sectors: [{ code: '99999', percentage: '50' }],
        themes: [{ id: 'no-such-theme', percentage: null }],
        participants: [{ organisation: 'no-such-org', role: '1' }],
        needIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      member,
    );
    expect(codes.status).toBe(422);
    const codeFields = codes.body.errors.map((e: { field: string }) => e.field);
    expect(codeFields).toEqual(
      expect.arrayContaining([
        'body.countries.1.iso3',
        'body.countries',
        'body.sectors.0.code',
        'body.sectors.0.percentage',
        'body.themes.0.id',
        'body.participants.0.organisation',
        'body.needIds.0',
      ]),
    );
    expect(codes.body.errors.find((e: { field: string }) => e.field === 'body.countries').message).toContain(
      'add up to 80',
    );
    expect(await count()).toBe(before);
  });

  it('shows IATI code labels in the reader’s language', async () => {
    const zh = await t.send('GET', '/api/v1/projects/ibsa-fund-poverty-hunger-facility?lang=zh');
    expect(zh.status).toBe(200);
    expect(zh.body.status).toEqual({ id: '2', label: '执行中' });
    expect(zh.body.transactions.map((tr: { type: { label: string } }) => tr.type.label)).toEqual(
      expect.arrayContaining(['收到的资金', '拨付']),
    );
    expect(zh.body.participants.map((p: { roleLabel: string }) => p.roleLabel)).toContain('资助方');
    expect(zh.body.regions[0].label).toBe('发展中国家（未具体说明）');
    const en = await t.send('GET', '/api/v1/projects/ibsa-fund-poverty-hunger-facility?lang=en');
    expect(en.body.status.label).toBe('Implementation');
  });

  it('lets only its author, their organisation admin and staff edit it; a patch re-checks shares', async () => {
    expect((await t.send('PATCH', `/api/v1/projects/${slug}`, { status: '3' }, stranger)).status).toBe(403);
    expect((await t.send('PATCH', `/api/v1/projects/${slug}`, { status: '3' }, null)).status).toBe(401);
    const badShare = await t.send('PATCH', `/api/v1/projects/${slug}`, { regions: [] }, member);
    expect(badShare.status).toBe(422);
    expect(badShare.body.errors[0]).toMatchObject({ field: 'body.countries' });
    const edited = await t.send(
      'PATCH',
      `/api/v1/projects/${slug}`,
      { status: '3', transactions: [{ type: '3', date: '2026-04-01', amount: '10', currency: 'USD' }] },
      staff,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.status.id).toBe('3');
    expect(edited.body.totals.find((x: { currency: string }) => x.currency === 'USD').disbursement).toBe(
      '10.00',
    );
    const audit = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT action FROM audit_log WHERE entity_type = 'project' ORDER BY id`,
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['project.create', 'project.update']);
  });

  it('refuses a taken IATI identifier with a 409 naming the field', async () => {
    const first = await t.send('POST', '/api/v1/projects', project({ identifier: 'XM-TEST-DUP-1' }), member);
    expect(first.status).toBe(201);
    const again = await t.send('POST', '/api/v1/projects', project({ identifier: 'XM-TEST-DUP-1' }), member);
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('body.identifier');
  });
});
