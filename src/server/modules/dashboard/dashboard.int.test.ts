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
