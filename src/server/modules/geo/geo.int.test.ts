import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';

let t: TestApp;
let member: TestAccount;
let requester: TestAccount;
let provider: TestAccount;

type MapBody = {
  metric: string;
  metrics: string[];
  values: Array<{ iso3: string; m49: string; name: string; value: number }>;
  flows: Array<{ from: string; to: string; value: number }>;
  money: unknown;
};

const countIn = (body: MapBody, iso3: string) => body.values.find((v) => v.iso3 === iso3)?.value ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  const { ids } = await t.services.organisations.resolve(['gov-honduras', 'gov-panama']);
  member = await createAccount(t, 'member', { organisationId: ids[0]! });
  requester = member;
  provider = await createAccount(t, 'member', { organisationId: ids[1]! });
});
afterAll(() => t.close());

describe(`the map API (${engineName})`, () => {
  it('lists the registered metrics and counts what each module lists for a country', async () => {
    const { status, body } = await t.json<MapBody>('/api/v1/map');
    expect(status).toBe(200);
    expect(body.metric).toBe('solutions');
    expect(body.metrics).toEqual(['solutions', 'needs', 'offers', 'matches', 'projects', 'funding']);
    expect(body.money).toBeNull();
    expect(body.values.length).toBeGreaterThan(10);
    const kenya = body.values.find((v) => v.iso3 === 'KEN')!;
    expect(kenya).toMatchObject({ m49: '404', name: 'Kenya' });
    for (const iso3 of ['KEN', 'USA', 'CHN', 'VNM', 'BOL']) {
      const list = await t.json(`/api/v1/solutions?country=${iso3}&limit=1`);
      expect(countIn(body, iso3), iso3).toBe(list.body.total);
    }
    for (const [metric, path] of [
      ['needs', 'needs'],
      ['offers', 'offers'],
    ] as const) {
      const map = (await t.json<MapBody>(`/api/v1/map?metric=${metric}`)).body;
      expect(map.values.length, metric).toBeGreaterThan(0);
      for (const { iso3, value } of map.values.slice(0, 6)) {
        const list = await t.json(`/api/v1/${path}?country=${iso3}&limit=1`);
        expect(value, `${metric} ${iso3}`).toBe(list.body.total);
      }
    }
  });

  it('names countries in the language asked', async () => {
    const { body } = await t.json<MapBody>('/api/v1/map?metric=solutions&lang=fr');
    expect(body.values.find((v) => v.iso3 === 'CHE')?.name).toBe('Suisse');
  });

  it('draws provider → recipient flows from where solutions were developed to where they were adopted', async () => {
    const { body } = await t.json<MapBody>('/api/v1/map?metric=solutions');
    expect(body.flows).toContainEqual({ from: 'IND', to: 'KEN', value: 2 });
    expect(body.flows).toContainEqual({ from: 'THA', to: 'LAO', value: 1 });
    expect(body.flows.every((f) => f.from !== f.to)).toBe(true);
    expect((await t.json<MapBody>('/api/v1/map?metric=needs')).body.flows).toEqual([]);
  });

  it('counts a members-only need for a member and not for a visitor', async () => {
    const before = (await t.json<MapBody>('/api/v1/map?metric=needs')).body;
    const posted = await t.send(
      'POST',
      '/api/v1/needs',
      {
        language: 'en',
        title: 'Mangrove restoration monitoring',
        description: 'Support to monitor mangrove restoration with community rangers and drones.',
        country: 'MOZ',
        visibility: 'members',
      },
      member,
    );
    expect(posted.status).toBe(201);
    const visitor = (await t.json<MapBody>('/api/v1/map?metric=needs')).body;
    const asMember = (await t.jsonAs<MapBody>(member, '/api/v1/map?metric=needs')).body;
    expect(countIn(visitor, 'MOZ')).toBe(countIn(before, 'MOZ'));
    expect(countIn(asMember, 'MOZ')).toBe(countIn(visitor, 'MOZ') + 1);
    const memberList = await t.jsonAs(member, '/api/v1/needs?country=MOZ&limit=1');
    expect(countIn(asMember, 'MOZ')).toBe(memberList.body.total);
  });

  it('answers an unknown metric with a 422 naming query.metric', async () => {
    const { status, body, headers } = await t.json('/api/v1/map?metric=rainfall');
    expect(status).toBe(422);
    expect(headers.get('content-type')).toBe('application/problem+json');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['query.metric']);
  });

  it('shows agreed cooperation as a flow from the offer’s country to the need’s', async () => {
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
      requester,
    );
    expect([offer.status, need.status]).toEqual([201, 201]);
    const suggested = await t.jsonAs(requester, `/api/v1/needs/${need.body.id}/matches`);
    const match = suggested.body.items.find(
      (m: { candidate: { id: string } }) => m.candidate.id === offer.body.id,
    );
    expect(match).toBeDefined();
    const step = (action: string, who: TestAccount, body: unknown = {}) =>
      t.send('POST', `/api/v1/matches/${match.id}/${action}`, body, who);
    expect((await step('interest', requester)).status).toBe(200);
    expect((await step('accept', provider)).status).toBe(200);
    expect(
      (await step('agree', requester, { summary: 'A study visit to Dakar for six officials in 2027.' }))
        .status,
    ).toBe(200);
    const { body } = await t.json<MapBody>('/api/v1/map?metric=matches');
    expect(body.flows).toEqual([{ from: 'SEN', to: 'HND', value: 1 }]);
    expect(countIn(body, 'SEN')).toBe(1);
    expect(countIn(body, 'HND')).toBe(1);
    const profile = await t.json('/api/v1/countries/HND/profile');
    const agreed = profile.body.sections.find((s: { id: string }) => s.id === 'agreedMatches');
    expect(agreed).toMatchObject({
      total: 1,
      items: [{ type: 'need', title: 'Alimentación escolar en zonas rurales' }],
    });
  });
});

describe(`the country profile API (${engineName})`, () => {
  it('gathers the country and its records from each module', async () => {
    const { status, body } = await t.json('/api/v1/countries/ken/profile?lang=en');
    expect(status).toBe(200);
    expect(body.country).toMatchObject({
      iso3: 'KEN',
      m49: '404',
      name: 'Kenya',
      isLdc: false,
      isSids: false,
    });
    expect(body.country.region.name).toBe('Africa');
    const sections = Object.fromEntries(
      body.sections.map((s: { id: string; total: number; items: unknown[] }) => [s.id, s]),
    );
    expect(Object.keys(sections)).toEqual([
      'solutionsDeveloped',
      'solutionsReplicated',
      'needs',
      'offers',
      'organisations',
      'agreedMatches',
      'projects',
      'funding',
    ]);
    expect(sections.solutionsReplicated.total).toBe(2);
    expect(sections.solutionsDeveloped.total).toBeGreaterThan(0);
    const solutions = await t.json('/api/v1/solutions?country=KEN&limit=50');
    const listed = new Set(solutions.body.items.map((s: { slug: string }) => s.slug));
    for (const item of [...sections.solutionsDeveloped.items, ...sections.solutionsReplicated.items])
      expect(listed.has(item.slug)).toBe(true);
    const organisations = await t.json('/api/v1/organisations?country=KEN&limit=1');
    expect(sections.organisations.total).toBe(organisations.body.total);
    const needs = await t.json('/api/v1/needs?country=KEN&limit=1');
    expect(sections.needs.total).toBe(needs.body.total);
  });

  it('answers 404 problem+json for a code that is not an ISO3 country', async () => {
    for (const code of ['XXX', 'VN', '704', 'toolong']) {
      const { status, headers } = await t.json(`/api/v1/countries/${code}/profile`);
      expect(status, code).toBe(404);
      expect(headers.get('content-type'), code).toBe('application/problem+json');
    }
  });
});

describe(`chart downloads (${engineName})`, () => {
  const base = '/api/v1/charts/country-solutions-by-theme?country=KEN';

  it('gives the spec as JSON, with the same numbers as the country’s solutions', async () => {
    const { status, body } = await t.json(`${base}&lang=en`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'country-solutions-by-theme', kind: 'bar', categoryTitle: 'Theme' });
    expect(body.title).toBe('Solutions linked to Kenya, by theme');
    const solutions = await t.json('/api/v1/solutions?country=KEN&limit=100');
    const themes = solutions.body.items.flatMap((s: { themes: unknown[] }) => s.themes).length;
    expect(body.series[0].values.reduce((a: number, b: number) => a + b, 0)).toBe(themes);
  });

  it('downloads CSV, XLSX and SVG with their content types and file names', async () => {
    const spec = (await t.json(`${base}&lang=fr`)).body;
    const csv = await t.request(`${base}&lang=fr&format=csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="country-solutions-by-theme-KEN.csv"',
    );
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe('Thème,Solutions');
    expect(lines.length).toBe(spec.categories.length + 1);
    expect(lines.slice(1).map((line) => Number(line.split(',').pop()))).toEqual(spec.series[0].values);

    const xlsx = await t.request(`${base}&format=xlsx`);
    expect(xlsx.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.arrayBuffer()) as never);
    expect(workbook.worksheets[0]!.rowCount).toBe(spec.categories.length + 1);

    const svg = await t.request(`${base}&format=svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(svg.headers.get('content-disposition')).toContain('country-solutions-by-theme-KEN.svg');
    const text = await svg.text();
    expect(text).toMatch(/<svg[^>]* role="img"/);
    expect(text).toContain(
      '<title id="chart-country-solutions-by-theme-title">Solutions linked to Kenya, by theme</title>',
    );
  });

  it('draws needs and offers by modality for a country', async () => {
    const { status, body } = await t.json('/api/v1/charts/country-postings-by-modality?country=SEN');
    expect(status).toBe(200);
    expect(body.series.map((s: { name: string }) => s.name)).toEqual(['Needs', 'Offers']);
  });

  it('answers unknown charts and countries with 404 and a missing country with 422', async () => {
    expect((await t.json('/api/v1/charts/rainfall?country=KEN')).status).toBe(404);
    expect((await t.json('/api/v1/charts/country-solutions-by-theme?country=XXX')).status).toBe(404);
    const missing = await t.json('/api/v1/charts/country-solutions-by-theme');
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('query.country');
  });
});
