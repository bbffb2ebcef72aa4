import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearDemoFunding,
  createFundingFixture,
  FUNDING,
  type FundingFixture,
} from '../../../../tests/support/funding-fixture.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { sumDecimals } from '../../../shared/decimal.js';

let t: TestApp;
let fixture: FundingFixture;

type MapBody = {
  metric: string;
  metrics: string[];
  values: Array<{ iso3: string; value: number; amount?: string }>;
  money: {
    currency: string;
    rateTable: { id: string; name: string; effectiveOn: string } | null;
    total: string;
    unconverted: Array<{ amount: string; currency: string }>;
  } | null;
};
type Section = {
  id: string;
  total: number;
  items: Array<{ type: string; slug: string; money?: { pledged: string; paid: string } }>;
  money?: {
    currency: string;
    rateTable: { id: string } | null;
    pledged: string;
    paid: string;
    appeals: Array<{ slug: string; name: string }>;
  };
};

const fundingSection = async (iso3: string, as: 'visitor' | 'staff' = 'visitor') => {
  const { status, body } = await t.jsonAs(
    as === 'visitor' ? null : await t.staff(),
    `/api/v1/countries/${iso3}/profile`,
  );
  expect(status).toBe(200);
  return (body.sections as Section[]).find((s) => s.id === 'funding')!;
};

beforeAll(async () => {
  t = await createTestApp();
  await clearDemoFunding(t);
  const before = (await t.json<MapBody>('/api/v1/map?metric=funding')).body;
  expect(before.values).toEqual([]);
  expect(before.money).toMatchObject({ currency: 'USD', rateTable: null, total: '0.00' });
  fixture = await createFundingFixture(t);
});
afterAll(() => t.close());

describe(`the map's funding metric (${engineName})`, () => {
  it('gives each recipient country its exact share of the money pledged to projects', async () => {
    const { status, body } = await t.json<MapBody>('/api/v1/map?metric=funding');
    expect(status).toBe(200);
    expect(body.metrics).toContain('funding');
    // Which table the amounts are in is stated with them.
    expect(body.money).toMatchObject({
      currency: FUNDING.currency,
      rateTable: { id: FUNDING.rates, name: 'Funding test rates', effectiveOn: '2099-01-01' },
      unconverted: [{ amount: '1000.00', currency: 'CHF' }],
    });
    const amounts = Object.fromEntries(body.values.map((v) => [v.iso3, v.amount]));
    expect(amounts).toEqual(
      Object.fromEntries(Object.entries(FUNDING.byCountry).map(([iso3, money]) => [iso3, money.pledged])),
    );
    // 60% and 40% of 1,000,000.00; the value is the amount as a number, for colouring.
    expect(body.values.find((v) => v.iso3 === 'NER')).toMatchObject({ amount: '600000.00', value: 600000 });
    expect(body.values.find((v) => v.iso3 === 'MLI')).toMatchObject({ amount: '400000.00', value: 400000 });
    expect(body.values.map((v) => v.iso3).slice(0, 3)).toEqual(['NER', 'KEN', 'MLI']);
  });

  it('reconciles: the countries add up to everything pledged to projects with countries, and each to the appeal explorer', async () => {
    const { body } = await t.json<MapBody>('/api/v1/map?metric=funding');
    const total = sumDecimals(
      body.values.map((v) => v.amount!),
      2,
    );
    expect(total).toBe(FUNDING.pledged);
    expect(body.money!.total).toBe(FUNDING.pledged);
    // All the projects' money went through the appeal, so its explorer by country agrees.
    const explorer = (
      await t.json(`/api/v1/appeals/${fixture.appeal.slug}?rates=${FUNDING.rates}&groupBy=country`)
    ).body.explorer;
    for (const row of explorer.rows as Array<{ key: string; pledged: string }>)
      expect(body.values.find((v) => v.iso3 === row.key)?.amount, row.key).toBe(row.pledged);
  });

  it('leaves out money earmarked to a draft project, for a visitor and for staff', async () => {
    for (const as of [null, await t.staff()]) {
      const { body } = await t.jsonAs<MapBody>(as, '/api/v1/map?metric=funding');
      expect(body.money!.total).toBe(FUNDING.pledged);
    }
  });

  it('answers an unknown metric with a 422 naming query.metric', async () => {
    const { status, body } = await t.json('/api/v1/map?metric=money');
    expect(status).toBe(422);
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['query.metric']);
    expect(body.errors[0].message).toContain('funding');
  });
});

describe(`the country page's Funding section (${engineName})`, () => {
  it('gives the country’s pledged and paid totals, its projects with their share, and the appeals to explore', async () => {
    const niger = await fundingSection('NER');
    expect(niger.money).toEqual({
      currency: FUNDING.currency,
      rateTable: expect.objectContaining({ id: FUNDING.rates }),
      pledged: '600000.00',
      paid: '66000.00',
      appeals: [{ slug: fixture.appeal.slug, name: 'Funding test appeal' }],
    });
    expect(niger.total).toBe(1);
    expect(niger.items).toEqual([
      expect.objectContaining({
        type: 'project',
        slug: fixture.projects.border.slug,
        money: { pledged: '600000.00', paid: '66000.00' },
      }),
    ]);
    for (const [iso3, money] of Object.entries(FUNDING.byCountry)) {
      const section = await fundingSection(iso3);
      expect(section.money, iso3).toMatchObject(money);
      // The projects' parts add up to the country's totals.
      expect(
        sumDecimals(
          section.items.map((item) => item.money!.pledged),
          2,
        ),
        iso3,
      ).toBe(money.pledged);
      expect(
        sumDecimals(
          section.items.map((item) => item.money!.paid),
          2,
        ),
        iso3,
      ).toBe(money.paid);
    }
  });

  it('lists nothing for a country without funded projects, and never the draft project', async () => {
    const chile = await fundingSection('CHL');
    expect(chile).toMatchObject({
      total: 0,
      items: [],
      money: { pledged: '0.00', paid: '0.00', appeals: [] },
    });
    const niger = await fundingSection('NER', 'staff');
    expect(niger.items.map((item) => item.slug)).toEqual([fixture.projects.border.slug]);
  });
});
