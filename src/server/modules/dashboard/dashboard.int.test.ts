import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';

let t: TestApp;
let member: TestAccount;
let provider: TestAccount;

type Row = {
  key: string;
  label: string;
  solutions: number;
  needs: number;
  matches: number;
  projects: number;
};
type Funnel = { suggested: number; interest: number; agreed: number; project: number };
type DashboardBody = { dimension: string; rows: Row[]; funnel: Funnel };

const rowOf = (body: DashboardBody, key: string) =>
  body.rows.find((row) => row.key === key) ?? { solutions: 0, needs: 0, matches: 0, projects: 0 };

beforeAll(async () => {
  t = await createTestApp();
  const { ids } = await t.services.organisations.resolve(['gov-honduras', 'gov-panama']);
  member = await createAccount(t, 'member', { organisationId: ids[0]! });
  provider = await createAccount(t, 'member', { organisationId: ids[1]! });
});
afterAll(() => t.close());

/** The dashboard as a caller (null: a visitor). */
const dashboard = async (dimension: string, as: TestAccount | null = null) =>
  (await t.jsonAs<DashboardBody>(as, `/api/v1/dashboard?dimension=${dimension}`)).body;

/** The total of a list endpoint with a filter, as a caller. */
const total = async (path: string, as: TestAccount | null = null) =>
  (await t.jsonAs<{ total: number }>(as, `${path}&limit=1`)).body.total;

describe(`the dashboard API (${engineName})`, () => {
  it('counts each record type per dimension as its list endpoint does with the matching filter', async () => {
    for (const as of [null, await t.staff()]) {
      const sdg = await dashboard('sdg', as);
      expect(sdg.dimension).toBe('sdg');
      expect(sdg.rows.map((row) => Number(row.key))).toEqual(
        [...sdg.rows.map((row) => Number(row.key))].sort((a, b) => a - b),
      );
      expect(sdg.rows.find((row) => row.key === '4')?.label).toBe('SDG 4');
      for (const goal of ['1', '2', '4', '16']) {
        expect(rowOf(sdg, goal).solutions, `sdg ${goal}`).toBe(
          await total(`/api/v1/solutions?sdg=${goal}`, as),
        );
        expect(rowOf(sdg, goal).projects, `sdg ${goal}`).toBe(
          await total(`/api/v1/projects?sdg=${goal}`, as),
        );
      }
      const theme = await dashboard('theme', as);
      expect(theme.rows.length).toBeGreaterThan(3);
      for (const row of theme.rows.slice(0, 6)) {
        expect(row.solutions, row.key).toBe(await total(`/api/v1/solutions?theme=${row.key}`, as));
        expect(row.needs, row.key).toBe(await total(`/api/v1/needs?theme=${row.key}`, as));
        expect(row.projects, row.key).toBe(await total(`/api/v1/projects?theme=${row.key}`, as));
      }
      const region = await dashboard('region', as);
      expect(region.rows.length).toBeGreaterThan(2);
      expect(region.rows.every((row) => /^\d{3}$/.test(row.key))).toBe(true);
      for (const row of region.rows)
        expect(row.solutions, row.label).toBe(await total(`/api/v1/solutions?region=${row.key}`, as));
      const modality = await dashboard('modality', as);
      for (const row of modality.rows.slice(0, 6)) {
        expect(row.solutions, row.key).toBe(await total(`/api/v1/solutions?modality=${row.key}`, as));
        expect(row.needs, row.key).toBe(await total(`/api/v1/needs?modality=${row.key}`, as));
      }
      const cooperation = await dashboard('cooperationType', as);
      for (const type of ['bilateral', 'regional', 'triangular'])
        expect(rowOf(cooperation, type).projects, type).toBe(
          await total(`/api/v1/projects?cooperationType=${type}`, as),
        );
      // Over time, every record counts once: the years add up to the totals.
      const years = await dashboard('year', as);
      expect(years.rows.reduce((sum, row) => sum + row.solutions, 0)).toBe(
        await total('/api/v1/solutions?lang=en', as),
      );
      expect(years.rows.reduce((sum, row) => sum + row.needs, 0)).toBe(
        await total('/api/v1/needs?lang=en', as),
      );
    }
  });

  it('names the values in the language asked', async () => {
    const { body } = await t.json<DashboardBody>('/api/v1/dashboard?dimension=sdg&lang=fr');
    expect(body.rows[0]?.label).toMatch(/^ODD \d+$/);
    const region = await t.json<DashboardBody>('/api/v1/dashboard?dimension=region&lang=en');
    expect(region.body.rows.find((row) => row.key === '002')?.label).toBe('Africa');
  });

  it('counts a members-only need for a member and not for a visitor', async () => {
    const before = await dashboard('theme');
    const beforeMember = await dashboard('theme', member);
    const posted = await t.send(
      'POST',
      '/api/v1/needs',
      {
        language: 'en',
        title: 'Mangrove restoration monitoring',
        description: 'Support to monitor mangrove restoration with community rangers and drones.',
        country: 'MOZ',
        themes: ['school-feeding'],
        visibility: 'members',
      },
      member,
    );
    expect(posted.status).toBe(201);
    const theme = 'school-feeding';
    expect(rowOf(await dashboard('theme'), theme).needs).toBe(rowOf(before, theme).needs);
    expect(rowOf(await dashboard('theme', member), theme).needs).toBe(rowOf(beforeMember, theme).needs + 1);
    expect(rowOf(await dashboard('theme', member), theme).needs).toBe(
      await total(`/api/v1/needs?theme=${theme}`, member),
    );
  });

  it('follows a match through the funnel', async () => {
    const before = (await dashboard('sdg', member)).funnel;
    const offer = await t.send(
      'POST',
      '/api/v1/offers',
      {
        language: 'fr',
        title: 'Partage d’expérience en alimentation scolaire',
        description:
          'Nous accueillons des délégations pour une visite d’étude sur l’alimentation scolaire fondée sur les achats locaux auprès des petits exploitants.',
        country: 'SEN',
        themes: ['school-feeding'],
        modalities: ['study-visit'],
        visibility: 'public',
      },
      provider,
    );
    const need = await t.send(
      'POST',
      '/api/v1/needs',
      {
        language: 'es',
        title: 'Alimentación escolar en zonas rurales',
        description:
          'El Ministerio de Educación busca experiencia en alimentación escolar con compras locales a pequeños agricultores para escuelas rurales.',
        country: 'HND',
        themes: ['school-feeding'],
        modalities: ['study-visit'],
        visibility: 'public',
      },
      member,
    );
    expect([offer.status, need.status]).toEqual([201, 201]);
    const suggested = await t.jsonAs(member, `/api/v1/needs/${need.body.id}/matches`);
    const match = suggested.body.items.find(
      (m: { candidate: { id: string } }) => m.candidate.id === offer.body.id,
    );
    expect(match).toBeDefined();
    const afterSuggestion = (await dashboard('sdg', member)).funnel;
    expect(afterSuggestion.suggested).toBeGreaterThan(before.suggested);
    expect(afterSuggestion.interest).toBe(before.interest);

    const step = (action: string, who: TestAccount, body: unknown = {}) =>
      t.send('POST', `/api/v1/matches/${match.id}/${action}`, body, who);
    expect((await step('interest', member)).status).toBe(200);
    const afterInterest = (await dashboard('sdg', member)).funnel;
    expect(afterInterest).toEqual({ ...afterSuggestion, interest: afterSuggestion.interest + 1 });

    const themeBefore = rowOf(await dashboard('theme'), 'school-feeding').matches;
    expect((await step('accept', provider)).status).toBe(200);
    expect(
      (await step('agree', member, { summary: 'A study visit to Dakar for six officials in 2027.' })).status,
    ).toBe(200);
    const afterAgree = (await dashboard('sdg', member)).funnel;
    expect(afterAgree).toEqual({ ...afterInterest, agreed: afterInterest.agreed + 1 });
    // Both sides are public, so a visitor counts the agreed match too.
    expect(rowOf(await dashboard('theme'), 'school-feeding').matches).toBe(themeBefore + 1);
    expect(rowOf(await dashboard('region'), '019').matches).toBeGreaterThanOrEqual(1);

    // The agreed match becomes a (draft) project: the last stage of the funnel.
    expect((await step('project', member)).status).toBe(200);
    expect((await dashboard('sdg', member)).funnel).toEqual({
      ...afterAgree,
      project: afterAgree.project + 1,
    });
  });

  it('answers an unknown dimension with a 422 naming query.dimension', async () => {
    const { status, body, headers } = await t.json('/api/v1/dashboard?dimension=rainfall');
    expect(status).toBe(422);
    expect(headers.get('content-type')).toBe('application/problem+json');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['query.dimension']);
    const chart = await t.json('/api/v1/charts/dashboard-counts?dimension=rainfall');
    expect(chart.status).toBe(422);
  });
});

type MoneyBody = {
  money: {
    currency: string | null;
    currencies: Array<{ currency: string; projects: number }>;
    rows: Array<{ key: string; label: string; budget: string; disbursement: string }>;
  };
  indicators: Array<{
    projectId: string;
    indicator: string;
    baseline: string | null;
    target: string | null;
    actual: string | null;
    progress: number | null;
  }>;
};

/** Adds exact decimal strings with two places, in cents. */
const cents = (values: string[]) => {
  const total = values.reduce((sum, v) => sum + BigInt(v.replace('.', '')), 0n);
  const text = total.toString().padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};

describe(`the dashboard's project money and indicators (${engineName})`, () => {
  it('splits each project by its stated shares so the parts add up exactly to its totals', async () => {
    const themes = (await dashboard('theme')).rows
      .map((row) => row.key)
      .filter((key) => key !== 'school-feeding');
    const created = await t.send('POST', '/api/v1/projects', {
      language: 'en',
      title: 'Water quality laboratories in the Sahel',
      description: 'South-South exchange between water laboratories in Niger and Mali.',
      participants: [
        { name: 'Ministry of Water of Niger', role: '4', southSouthRole: 'recipient', type: '10' },
      ],
      countries: [
        { iso3: 'NER', percentage: '60' },
        { iso3: 'MLI', percentage: '30' },
      ],
      regions: [{ code: '289', percentage: '10' }],
      themes: [
        { id: 'school-feeding', percentage: '70' },
        { id: themes[0], percentage: '30' },
      ],
      sdgGoals: ['2', '4', '6'],
      modalities: ['study-visit'],
      cooperationType: 'bilateral',
      status: '2',
      dates: {
        plannedStart: '2026-01-01',
        actualStart: '2026-02-01',
        plannedEnd: '2027-12-31',
        actualEnd: null,
      },
      defaultCurrency: 'CHF',
      budgets: [
        { periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '900.00', currency: 'CHF' },
        { type: '2', periodStart: '2026-01-01', periodEnd: '2026-12-31', amount: '1000.00', currency: 'CHF' },
        { periodStart: '2027-01-01', periodEnd: '2027-12-31', amount: '0.01', currency: 'CHF' },
      ],
      transactions: [
        { type: '3', date: '2026-03-01', amount: '100.01', currency: 'CHF' },
        { type: '4', date: '2026-04-01', amount: '50', currency: 'CHF' },
      ],
      results: [
        {
          type: '1',
          title: 'Laboratories certified',
          indicators: [
            {
              title: 'Certified laboratories',
              baseline: { year: 2025, value: '2' },
              periods: [{ start: '2026-01-01', end: '2026-12-31', target: '10', actual: '6' }],
            },
          ],
        },
      ],
      visibility: 'public',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const totals = created.body.totals.find((row: { currency: string }) => row.currency === 'CHF');
    expect(totals).toMatchObject({ budget: '1000.01', disbursement: '100.01' });

    const money = async (dimension: string) =>
      (await t.json<MoneyBody>(`/api/v1/dashboard?dimension=${dimension}&currency=chf`)).body.money;
    for (const dimension of ['sdg', 'theme', 'region', 'modality', 'cooperationType', 'year']) {
      const { currency, rows, currencies } = await money(dimension);
      expect(currency).toBe('CHF');
      expect(currencies).toContainEqual({ currency: 'CHF', projects: 1 });
      expect(cents(rows.map((row) => row.budget)), dimension).toBe(totals.budget);
      expect(cents(rows.map((row) => row.disbursement)), dimension).toBe(totals.disbursement);
    }
    // An equal split in thirds, rounded to cents: the last goal takes what is left.
    expect((await money('sdg')).rows.map((row) => [row.key, row.budget, row.disbursement])).toEqual([
      ['2', '333.34', '33.34'],
      ['4', '333.34', '33.34'],
      ['6', '333.33', '33.33'],
    ]);
    // Stated theme percentages; countries normalised (60 and 30 of 90), both in Africa.
    const theme = Object.fromEntries((await money('theme')).rows.map((row) => [row.key, row.budget]));
    expect(theme).toEqual({ 'school-feeding': '700.01', [themes[0]!]: '300.00' });
    expect((await money('region')).rows).toEqual([
      { key: '002', label: 'Africa', budget: '1000.01', disbursement: '100.01' },
    ]);
    expect((await money('year')).rows).toEqual([
      { key: '2026', label: '2026', budget: '1000.01', disbursement: '100.01' },
    ]);

    // The default currency is the one most projects report in.
    const { body } = await t.json<MoneyBody>('/api/v1/dashboard?dimension=sdg');
    expect(body.money.currency).toBe(body.money.currencies[0]!.currency);
    expect(body.indicators).toContainEqual(
      expect.objectContaining({
        projectId: created.body.id,
        indicator: 'Certified laboratories',
        baseline: '2',
        target: '10',
        actual: '6',
        progress: 50,
      }),
    );

    const csv = await t.request('/api/v1/charts/dashboard-money?dimension=theme&currency=CHF&format=csv');
    expect(csv.status).toBe(200);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines.slice(1).map((line) => line.split(',').slice(-2))).toEqual(
      (await money('theme')).rows.map((row) => [
        String(Number(row.budget)),
        String(Number(row.disbursement)),
      ]),
    );
  });
});

describe(`the dashboard charts (${engineName})`, () => {
  it('downloads the numbers of the API as CSV, XLSX and SVG', async () => {
    const api = await dashboard('theme');
    const csv = await t.request('/api/v1/charts/dashboard-counts?dimension=theme&lang=en&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="dashboard-counts-theme.csv"');
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Theme,Solutions,Open needs,Agreed matches,Projects');
    expect(lines.slice(1).map((line) => line.split(',').slice(-4).map(Number))).toEqual(
      api.rows.map((row) => [row.solutions, row.needs, row.matches, row.projects]),
    );
    const funnel = await t.request('/api/v1/charts/dashboard-funnel?lang=en&format=csv');
    const funnelLines = (await funnel.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(funnelLines.slice(1).map((line) => Number(line.split(',').pop()))).toEqual([
      api.funnel.suggested,
      api.funnel.interest,
      api.funnel.agreed,
      api.funnel.project,
    ]);
    const xlsx = await t.request('/api/v1/charts/dashboard-counts?dimension=year&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const svg = await t.request('/api/v1/charts/dashboard-counts?dimension=sdg&lang=ar&format=svg');
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(await svg.text()).toContain('<svg');
  });
});
