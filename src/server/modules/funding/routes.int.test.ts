import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { sumDecimals } from '../../../shared/decimal.js';
import { rowsOf } from '../../db/client.js';

let t: TestApp;
let member: TestAccount;
const projects: Record<string, { id: string; slug: string }> = {};
let appeal: { id: string; slug: string };
let fund: { id: string; slug: string };

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);
const count = async (table: string) =>
  rowsOf<{ n: number }>(await t.database.db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!
    .n;
type Row = { key: string; requirement: string; pledged: string; paid: string; gap: string; projects: number };
const sumOf = (rows: Row[], field: 'requirement' | 'pledged' | 'paid' | 'gap') =>
  sumDecimals(
    rows.map((row) => row[field]),
    2,
  );

const project = (title: string, overrides: Record<string, unknown>) => ({
  language: 'en',
  title,
  description: 'A project listed in the test appeal.',
  participants: [{ name: 'Implementing agency A', role: '4', southSouthRole: 'provider' }],
  countries: [{ iso3: 'NER', percentage: '100' }],
  regions: [],
  sectors: [{ code: '15210', percentage: '100' }],
  themes: [{ id: 'counter-terrorism', percentage: null }],
  sdgGoals: ['16'],
  sdgTargets: [],
  modalities: [],
  cooperationType: 'regional',
  status: '2',
  dates: { plannedStart: '2027-01-01', actualStart: null, plannedEnd: '2028-12-31', actualEnd: null },
  defaultCurrency: 'USD',
  budgets: [],
  transactions: [],
  results: [],
  publication: 'published',
  ...overrides,
});

beforeAll(async () => {
  t = await createTestApp();
  member = await createAccount(t, 'member');
  const specs = {
    border: project('Border security in the Sahel', {
      countries: [
        { iso3: 'NER', percentage: '60' },
        { iso3: 'MLI', percentage: '40' },
      ],
      themes: [
        { id: 'wg-border-law-enforcement', percentage: '70' },
        { id: 'counter-terrorism', percentage: '30' },
      ],
      participants: [
        { name: 'Implementing agency A', role: '4', southSouthRole: 'provider' },
        { name: 'Implementing agency B', role: '4', southSouthRole: 'provider' },
      ],
    }),
    victims: project('Support to victims of terrorism in Kenya', {
      countries: [{ iso3: 'KEN', percentage: '100' }],
      themes: [{ id: 'wg-human-rights-victims', percentage: null }],
      participants: [{ name: 'Implementing agency B', role: '4', southSouthRole: 'provider' }],
    }),
    finance: project('Countering the financing of terrorism in South-East Asia', {
      countries: [
        { iso3: 'IDN', percentage: '50' },
        { iso3: 'PHL', percentage: '50' },
      ],
      themes: [{ id: 'wg-criminal-justice-cft', percentage: null }],
      participants: [{ name: 'Implementing agency C', role: '4', southSouthRole: 'provider' }],
    }),
  };
  for (const [key, body] of Object.entries(specs)) {
    const created = await t.send('POST', '/api/v1/projects', body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    projects[key] = created.body;
  }
});
afterAll(() => t.close());

describe(`appeals and funds API (${engineName})`, () => {
  it('states a rate table, and refuses bad rates and a taken id', async () => {
    const table = {
      id: 'test-2027-01',
      name: 'Test rates, January 2027',
      effectiveOn: '2099-01-01',
      source: 'Rates stated for this test',
      rates: { EUR: '1.10', JPY: '0.0067' },
    };
    const created = await t.send('POST', '/api/v1/rate-tables', table);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      id: 'test-2027-01',
      baseCurrency: 'USD',
      rates: [
        { currency: 'EUR', rate: '1.10' },
        { currency: 'JPY', rate: '0.0067' },
      ],
    });
    expect((await t.send('POST', '/api/v1/rate-tables', table)).status).toBe(409);
    const bad = await t.send('POST', '/api/v1/rate-tables', {
      ...table,
      id: 'test-bad',
      rates: { XYZ: '1', EUR: '0' },
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['body.rates.XYZ', 'body.rates.EUR']));
    expect((await t.send('POST', '/api/v1/rate-tables', table, member)).status).toBe(403);
    const list = await t.jsonAs(null, '/api/v1/rate-tables');
    expect(list.body.items[0].id).toBe('test-2027-01');
  });

  it('creates an appeal over a period and a trust fund, and refuses a period in the wrong order', async () => {
    const bad = await t.send('POST', '/api/v1/appeals', {
      name: 'Backwards appeal',
      language: 'en',
      periodStart: 2028,
      periodEnd: 2027,
      managers: ['no-such-organisation'],
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['body.periodEnd', 'body.managers.0']));
    const noPeriod = await t.send('POST', '/api/v1/appeals', {
      name: 'Appeal without a period',
      language: 'en',
    });
    expect(fieldsOf(noPeriod.body)).toContain('body.periodStart');
    const created = await t.send('POST', '/api/v1/appeals', {
      name: 'Joint appeal 2027–2028',
      description: 'Projects of the compact entities for two years.',
      language: 'en',
      periodStart: 2027,
      periodEnd: 2028,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'appeal',
      periodStart: 2027,
      periodEnd: 2028,
      totals: { requirement: '0.00' },
    });
    appeal = created.body;
    const trust = await t.send('POST', '/api/v1/funds', { name: 'Test trust fund', language: 'en' });
    expect(trust.status).toBe(201);
    fund = trust.body;
    expect(
      (await t.send('POST', '/api/v1/funds', { name: 'Member fund', language: 'en' }, member)).status,
    ).toBe(403);
  });

  it('lists projects in the appeal with their requirements', async () => {
    const lines = [
      ['border', '1000000.00', 'Border programme'],
      ['victims', '250000.50', 'Victims programme'],
      ['finance', '400000', 'Border programme'],
    ] as const;
    for (const [key, requirement, programme] of lines) {
      const put = await t.send('PUT', `/api/v1/appeals/${appeal.slug}/projects/${projects[key]!.slug}`, {
        requirement,
        currency: 'USD',
        programme,
      });
      expect(put.status, JSON.stringify(put.body)).toBe(201);
    }
    const changed = await t.send('PUT', `/api/v1/appeals/${appeal.slug}/projects/${projects.finance!.slug}`, {
      requirement: '500000.00',
      currency: 'USD',
      programme: 'Financing programme',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.totals).toMatchObject({
      projects: 3,
      requirement: '1750000.50',
      pledged: '0.00',
      gap: '1750000.50',
    });
    const bad = await t.send('PUT', `/api/v1/appeals/${appeal.slug}/projects/${projects.finance!.slug}`, {
      requirement: '-5',
      currency: 'USDX',
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['body.requirement', 'body.currency']));
    const missing = await t.send('PUT', `/api/v1/appeals/${appeal.slug}/projects/no-such-project`, {
      requirement: '5',
      currency: 'USD',
    });
    expect(missing.status).toBe(404);
  });

  it('records pledges and contributions, earmarked or not, and refuses bad ones naming the field', async () => {
    const before = await count('contributions');
    const bad = await t.send('POST', '/api/v1/contributions', {
      appeal: appeal.slug,
      project: 'no-such-project',
      amount: '0',
      currency: 'EUR',
      status: 'paid',
      madeOn: '2999-01-01',
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(
      expect.arrayContaining(['body.donor', 'body.project', 'body.amount', 'body.madeOn']),
    );
    const nowhere = await t.send('POST', '/api/v1/contributions', {
      donorName: 'Someone',
      amount: '10',
      currency: 'USD',
      status: 'pledged',
      madeOn: '2027-01-01',
    });
    expect(fieldsOf(nowhere.body)).toContain('body.appeal');
    const shape = await t.send('POST', '/api/v1/contributions', {
      donorName: 'Someone',
      appeal: appeal.slug,
      amount: '-10',
      currency: 'ZZZ',
      status: 'promised',
      madeOn: '2027-02-30',
    });
    expect(shape.status).toBe(422);
    expect(fieldsOf(shape.body)).toEqual(
      expect.arrayContaining(['body.amount', 'body.currency', 'body.status', 'body.madeOn']),
    );
    const unlisted = await t.send('POST', '/api/v1/contributions', {
      donorName: 'Someone',
      fund: 'no-such-fund',
      appeal: appeal.slug,
      project: projects.border!.slug,
      amount: '10',
      currency: 'USD',
      status: 'pledged',
      madeOn: '2027-01-01',
    });
    expect(fieldsOf(unlisted.body)).toEqual(['body.fund']);
    expect(await count('contributions')).toBe(before);

    const given = [
      { donorName: 'Donor One', project: 'border', amount: '300000.00', currency: 'USD', status: 'paid' },
      { donorName: 'Donor One', project: 'border', amount: '100000.00', currency: 'EUR', status: 'pledged' },
      { donorName: 'Donor Two', project: 'victims', amount: '250000.50', currency: 'USD', status: 'paid' },
      { donorName: 'Donor Three', project: null, amount: '50000.00', currency: 'USD', status: 'pledged' },
      { donorName: 'Donor Four', project: 'finance', amount: '1000', currency: 'CHF', status: 'pledged' },
    ];
    for (const g of given) {
      const created = await t.send('POST', '/api/v1/contributions', {
        donorName: g.donorName,
        appeal: appeal.slug,
        ...(g.project ? { project: projects[g.project]!.slug } : {}),
        amount: g.amount,
        currency: g.currency,
        status: g.status,
        madeOn: '2026-03-01',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      expect(created.body).toMatchObject({
        earmarked: g.project !== null,
        amount: g.amount,
        appeal: { slug: appeal.slug },
      });
    }
    // To the trust fund: one unearmarked and paid, one earmarked to a project.
    const intoFund = await t.send('POST', '/api/v1/contributions', {
      donorName: 'Donor Five',
      fund: fund.slug,
      amount: '200000',
      currency: 'USD',
      status: 'paid',
      madeOn: '2026-01-15',
    });
    expect(intoFund.status).toBe(201);
    const earmarkedToFund = await t.send('POST', '/api/v1/contributions', {
      donorName: 'Donor Six',
      fund: fund.slug,
      project: projects.victims!.slug,
      amount: '10000',
      currency: 'USD',
      status: 'pledged',
      madeOn: '2026-01-20',
    });
    expect(earmarkedToFund.status).toBe(201);
    // A pledge becomes paid.
    const pledge = (
      await t.jsonAs(null, `/api/v1/contributions?appeal=${appeal.slug}&donor=Donor%20One&status=pledged`)
    ).body;
    expect(pledge.items).toHaveLength(1);
    const paid = await t.send('PATCH', `/api/v1/contributions/${pledge.items[0].id}`, {
      status: 'paid',
      madeOn: '2026-04-01',
    });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect(
      (await t.send('PATCH', `/api/v1/contributions/${pledge.items[0].id}`, { amount: '0' })).status,
    ).toBe(422);
    const noted = await t.send('PATCH', `/api/v1/contributions/${pledge.items[0].id}`, {
      note: 'Paid in two parts',
    });
    expect(noted.body.note).toBe('Paid in two parts');
    const cleared = await t.send('PATCH', `/api/v1/contributions/${pledge.items[0].id}`, { note: '' });
    expect(cleared.body.note).toBeNull();
  });

  it('allocates from a trust fund to a project, and checks the appeal listing', async () => {
    const bad = await t.send('POST', `/api/v1/funds/${fund.slug}/allocations`, {
      project: projects.border!.slug,
      appeal: 'no-such-appeal',
      amount: '0.00',
      currency: 'USD',
      allocatedOn: '2027-05-01',
    });
    expect(bad.status).toBe(422);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['body.appeal', 'body.amount']));
    const allocated = await t.send('POST', `/api/v1/funds/${fund.slug}/allocations`, {
      project: projects.border!.slug,
      appeal: appeal.slug,
      amount: '150000.00',
      currency: 'USD',
      allocatedOn: '2027-05-01',
    });
    expect(allocated.status, JSON.stringify(allocated.body)).toBe(201);
    expect(allocated.body.totals).toMatchObject({
      pledged: '210000.00',
      paid: '200000.00',
      allocated: '150000.00',
      balance: '50000.00',
      projects: 2,
    });
    expect(allocated.body.allocations[0]).toMatchObject({
      project: { slug: projects.border!.slug },
      amount: '150000.00',
    });
    expect((await t.send('POST', `/api/v1/appeals/${appeal.slug}/allocations`, {})).status).toBe(404);
  });

  it('reconciles: every grouping of the explorer adds up to the appeal totals, at the stated rates', async () => {
    const base = `/api/v1/appeals/${appeal.slug}?rates=test-2027-01`;
    const byProject = (await t.jsonAs(null, base)).body;
    const explorer = byProject.explorer;
    expect(explorer.rateTable.id).toBe('test-2027-01');
    expect(explorer.currency).toBe('USD');
    // border: 300,000 USD paid + 100,000 EUR paid at 1.10 + 150,000 USD allocated.
    const border = explorer.rows.find((row: Row) => row.key === projects.border!.slug);
    expect(border).toMatchObject({
      requirement: '1000000.00',
      pledged: '560000.00',
      paid: '560000.00',
      gap: '440000.00',
    });
    const victims = explorer.rows.find((row: Row) => row.key === projects.victims!.slug);
    expect(victims).toMatchObject({
      requirement: '250000.50',
      pledged: '250000.50',
      paid: '250000.50',
      gap: '0.00',
    });
    // CHF is not in the table: stated as unconverted, not silently dropped.
    expect(explorer.unconverted).toEqual([{ currency: 'CHF', amount: '1000.00' }]);
    expect(explorer.unearmarked).toEqual({ pledged: '50000.00', paid: '0.00' });
    expect(explorer.totals).toMatchObject({
      projects: 3,
      requirement: '1750000.50',
      pledged: '860000.50',
      paid: '810000.50',
      gap: '890000.00',
    });
    expect(byProject.totals).toMatchObject({
      requirement: '1750000.50',
      pledged: '860000.50',
      paid: '810000.50',
    });
    expect(explorer.byCurrency).toEqual(
      expect.arrayContaining([
        { currency: 'EUR', requirement: '0.00', pledged: '100000.00', paid: '100000.00' },
        { currency: 'USD', requirement: '1750000.50', pledged: '750000.50', paid: '700000.50' },
      ]),
    );
    for (const groupBy of ['project', 'programme', 'country', 'region', 'theme', 'partner']) {
      const { rows, totals, unearmarked } = (await t.jsonAs(null, `${base}&groupBy=${groupBy}`)).body
        .explorer;
      expect(sumOf(rows, 'requirement'), groupBy).toBe(totals.requirement);
      expect(sumDecimals([sumOf(rows, 'pledged'), unearmarked.pledged], 2), groupBy).toBe(totals.pledged);
      expect(sumDecimals([sumOf(rows, 'paid'), unearmarked.paid], 2), groupBy).toBe(totals.paid);
      for (const row of rows) expect(sumDecimals([row.pledged, row.gap], 2)).toBe(row.requirement);
    }
    const byCountry = (await t.jsonAs(null, `${base}&groupBy=country`)).body.explorer.rows;
    expect(byCountry.find((row: Row) => row.key === 'NER')).toMatchObject({
      requirement: '600000.00',
      pledged: '336000.00',
    });
    expect(byCountry.find((row: Row) => row.key === 'MLI')).toMatchObject({
      requirement: '400000.00',
      pledged: '224000.00',
    });
    const byPartner = (await t.jsonAs(null, `${base}&groupBy=partner`)).body.explorer.rows;
    expect(byPartner.find((row: Row) => row.key === 'Implementing agency B')).toMatchObject({
      projects: 2,
      requirement: '750000.50',
    });
  });

  it('filters by country, region, theme, partner, programme and words, leaving unearmarked money out', async () => {
    const base = `/api/v1/appeals/${appeal.slug}?rates=test-2027-01`;
    const slugs = async (query: string) =>
      (await t.jsonAs(null, `${base}&${query}`)).body.explorer.rows.map((row: Row) => row.key).sort();
    expect(await slugs('country=KEN')).toEqual([projects.victims!.slug]);
    expect(await slugs('region=035')).toEqual([projects.finance!.slug]);
    expect(await slugs('theme=wg-border-law-enforcement')).toEqual([projects.border!.slug]);
    expect(await slugs('partner=Implementing%20agency%20B')).toEqual(
      [projects.border!.slug, projects.victims!.slug].sort(),
    );
    expect(await slugs('programme=Financing%20programme')).toEqual([projects.finance!.slug]);
    expect(await slugs('q=victims')).toEqual([projects.victims!.slug]);
    const filtered = (await t.jsonAs(null, `${base}&country=KEN`)).body.explorer;
    expect(filtered.unearmarked).toEqual({ pledged: '0.00', paid: '0.00' });
    expect(filtered.totals).toMatchObject({ projects: 1, requirement: '250000.50', pledged: '250000.50' });
    expect(filtered.facets.country.map((f: { key: string }) => f.key).sort()).toEqual([
      'IDN',
      'KEN',
      'MLI',
      'NER',
      'PHL',
    ]);
    const bad = await t.jsonAs(null, `${base}&country=Kenya&groupBy=donor`);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['query.country', 'query.groupBy']));
    const unknownRates = await t.jsonAs(null, `/api/v1/appeals/${appeal.slug}?rates=no-such-table`);
    expect(unknownRates.status).toBe(422);
    expect(fieldsOf(unknownRates.body)).toEqual(['query.rates']);
  });

  it('reconciles projects, the appeal and the fund: each project’s funding is what its contributions and allocations say', async () => {
    const appealDetail = (await t.jsonAs(null, `/api/v1/appeals/${appeal.slug}?rates=test-2027-01`)).body;
    const fundDetail = (await t.jsonAs(null, `/api/v1/funds/${fund.slug}?rates=test-2027-01`)).body;
    // What the fund allocated in answer to the appeal is part of the appeal's paid money.
    const allocatedToAppeal = sumDecimals(
      fundDetail.allocations
        .filter((a: { appeal: { slug: string } | null }) => a.appeal?.slug === appeal.slug)
        .map((a: { amount: string }) => a.amount),
      2,
    );
    const paidContributions = sumDecimals(
      appealDetail.contributions
        .filter((c: { status: string; currency: string }) => c.status === 'paid' && c.currency === 'USD')
        .map((c: { amount: string }) => c.amount),
      2,
    );
    const eurPaid = '110000.00';
    expect(sumDecimals([paidContributions, eurPaid, allocatedToAppeal], 2)).toBe(appealDetail.totals.paid);
    // The fund: paid in = allocated out + balance.
    expect(sumDecimals([fundDetail.totals.allocated, fundDetail.totals.balance], 2)).toBe(
      fundDetail.totals.paid,
    );
    // The contributions list and its export agree with the appeal.
    const listed = await t.jsonAs(null, `/api/v1/contributions?appeal=${appeal.slug}&limit=100`);
    expect(listed.body.total).toBe(appealDetail.contributions.length);
    const csv = await t.request(`/api/v1/contributions/export?appeal=${appeal.slug}`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(appealDetail.contributions.length + 1);
    const exported = await t.request(
      `/api/v1/appeals/${appeal.slug}/export?groupBy=theme&rates=test-2027-01`,
    );
    expect(exported.status).toBe(200);
    const rows = (await exported.text()).trim().split('\n');
    expect(rows[0]).toContain('requirement_USD');
    expect(rows).toHaveLength(appealDetail.explorer.facets.theme.length + 1);
    const byProject = await t.jsonAs(
      null,
      `/api/v1/contributions?project=${projects.border!.slug}&limit=100`,
    );
    expect(byProject.body.items.map((c: { amount: string }) => c.amount).sort()).toEqual([
      '100000.00',
      '300000.00',
    ]);
  });

  it('refuses to take a project out of an appeal while money is earmarked to it there, and lists appeals and funds', async () => {
    const refused = await t.send(
      'DELETE',
      `/api/v1/appeals/${appeal.slug}/projects/${projects.border!.slug}`,
    );
    expect(refused.status).toBe(409);
    const appeals = await t.jsonAs(null, '/api/v1/appeals?rates=test-2027-01');
    expect(appeals.body.items.find((a: { slug: string }) => a.slug === appeal.slug).totals.requirement).toBe(
      '1750000.50',
    );
    const funds = await t.jsonAs(null, '/api/v1/funds');
    expect(funds.body.items.every((f: { kind: string }) => f.kind === 'trust-fund')).toBe(true);
    expect((await t.jsonAs(null, `/api/v1/funds/${appeal.slug}`)).status).toBe(404);
    const audit = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT action FROM audit_log WHERE action LIKE 'contribution.%' OR action LIKE 'appeal.%' OR action LIKE 'allocation.%'`,
      ),
    ).map((row) => row.action);
    expect(audit).toEqual(
      expect.arrayContaining([
        'appeal.create',
        'appeal.line.add',
        'appeal.line.update',
        'contribution.create',
        'contribution.update',
        'allocation.create',
      ]),
    );
  });
});
