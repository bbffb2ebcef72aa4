import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/**
 * Projects funded through an appeal and a trust fund, created through the API as staff, with the
 * exact amounts the map, the country page and the dashboard must show for them (in USD at the
 * rate table `fx-test`, where 1 EUR = 1.10 USD and CHF has no rate):
 *
 * - border (NER 60%, MLI 40%): 890,000.00 USD pledged + 100,000.00 EUR paid = 1,000,000.00
 *   pledged, 110,000.00 paid;
 * - victims (KEN): 250,000.50 USD paid + a 150,000.00 USD allocation from the trust fund (in
 *   2027) = 400,000.50 pledged and paid, and 1,000 CHF pledged that the table cannot convert;
 * - finance (IDN 50%, PHL 50%): 1,000.01 USD pledged in 2027;
 * - a draft project with an earmarked contribution, which no public figure counts;
 * - money given to the appeal and the fund without a project, which no project figure counts.
 */
export const FUNDING = {
  rates: 'fx-test',
  currency: 'USD',
  pledged: '1401000.51',
  paid: '510000.50',
  byCountry: {
    NER: { pledged: '600000.00', paid: '66000.00' },
    MLI: { pledged: '400000.00', paid: '44000.00' },
    KEN: { pledged: '400000.50', paid: '400000.50' },
    IDN: { pledged: '500.01', paid: '0.00' },
    PHL: { pledged: '500.00', paid: '0.00' },
  } as Record<string, { pledged: string; paid: string }>,
  byYear: { '2026': '1250000.50', '2027': '151000.01' } as Record<string, string>,
};

export type FundingFixture = {
  projects: Record<'border' | 'victims' | 'finance' | 'draft', { id: string; slug: string }>;
  appeal: { id: string; slug: string };
  fund: { id: string; slug: string };
  themes: { border: string[]; victims: string; finance: string };
};

const project = (title: string, overrides: Record<string, unknown>) => ({
  language: 'en',
  title,
  description: 'A project funded in the funding test.',
  participants: [{ name: 'Implementing agency A', role: '4', southSouthRole: 'provider' }],
  regions: [],
  sectors: [{ code: '15210', percentage: '100' }],
  sdgTargets: [],
  modalities: [],
  cooperationType: 'regional',
  status: '2',
  dates: { plannedStart: '2026-01-01', actualStart: null, plannedEnd: '2028-12-31', actualEnd: null },
  defaultCurrency: 'USD',
  budgets: [],
  transactions: [],
  results: [],
  publication: 'published',
  visibility: 'public',
  ...overrides,
});

async function created<T>(response: Promise<{ status: number; body: T }>): Promise<T> {
  const { status, body } = await response;
  expect(status, JSON.stringify(body)).toBe(201);
  return body;
}

/** Creates the funding scenario above as staff; the app must hold no funding yet. */
export async function createFundingFixture(t: TestApp): Promise<FundingFixture> {
  await created(
    t.send('POST', '/api/v1/rate-tables', {
      id: FUNDING.rates,
      name: 'Funding test rates',
      effectiveOn: '2099-01-01',
      source: 'Rates stated for this test',
      rates: { EUR: '1.10' },
    }),
  );
  const themes = {
    border: ['wg-border-law-enforcement', 'counter-terrorism'],
    victims: 'wg-human-rights-victims',
    finance: 'wg-criminal-justice-cft',
  };
  const specs = {
    border: project('Border management in the Sahel', {
      countries: [
        { iso3: 'NER', percentage: '60' },
        { iso3: 'MLI', percentage: '40' },
      ],
      themes: [
        { id: themes.border[0], percentage: '70' },
        { id: themes.border[1], percentage: '30' },
      ],
      sdgGoals: ['5', '16'],
      modalities: ['study-visit'],
    }),
    victims: project('Support to victims of terrorism in Kenya', {
      countries: [{ iso3: 'KEN', percentage: null }],
      themes: [{ id: themes.victims, percentage: null }],
      sdgGoals: ['16'],
    }),
    finance: project('Countering the financing of terrorism in South-East Asia', {
      countries: [
        { iso3: 'IDN', percentage: '50' },
        { iso3: 'PHL', percentage: '50' },
      ],
      themes: [{ id: themes.finance, percentage: null }],
      sdgGoals: ['16', '17'],
      cooperationType: 'triangular',
    }),
    draft: project('A draft project with money earmarked to it', {
      countries: [{ iso3: 'NER', percentage: null }],
      themes: [{ id: themes.victims, percentage: null }],
      sdgGoals: ['16'],
    }),
  };
  const projects = {} as FundingFixture['projects'];
  for (const [key, body] of Object.entries(specs))
    projects[key as keyof typeof specs] = await created(t.send('POST', '/api/v1/projects', body));
  // Drafts come from converted matches (the API publishes what it creates): made one here.
  await t.database.db.execute(sql`UPDATE projects SET publication = 'draft' WHERE id = ${projects.draft.id}`);

  const appeal = await created(
    t.send('POST', '/api/v1/appeals', {
      name: 'Funding test appeal',
      language: 'en',
      periodStart: 2026,
      periodEnd: 2027,
    }),
  );
  for (const key of ['border', 'victims', 'finance'] as const)
    await created(
      t.send('PUT', `/api/v1/appeals/${appeal.slug}/projects/${projects[key].slug}`, {
        requirement: '1000000.00',
        currency: 'USD',
      }),
    );
  const fund = await created(t.send('POST', '/api/v1/funds', { name: 'Funding test fund', language: 'en' }));

  const give = (body: Record<string, unknown>) =>
    created(t.send('POST', '/api/v1/contributions', { donorName: 'Test donor', ...body }));
  const toAppeal = { appeal: appeal.slug };
  await give({
    ...toAppeal,
    project: projects.border.slug,
    amount: '890000.00',
    currency: 'USD',
    status: 'pledged',
    madeOn: '2026-03-01',
  });
  await give({
    ...toAppeal,
    project: projects.border.slug,
    amount: '100000.00',
    currency: 'EUR',
    status: 'paid',
    madeOn: '2026-04-01',
  });
  await give({
    ...toAppeal,
    project: projects.victims.slug,
    amount: '250000.50',
    currency: 'USD',
    status: 'paid',
    madeOn: '2026-05-01',
  });
  await give({
    ...toAppeal,
    project: projects.victims.slug,
    amount: '1000',
    currency: 'CHF',
    status: 'pledged',
    madeOn: '2026-06-01',
  });
  await give({
    ...toAppeal,
    project: projects.finance.slug,
    amount: '1000.01',
    currency: 'USD',
    status: 'pledged',
    madeOn: '2027-02-01',
  });
  await give({ ...toAppeal, amount: '50000.00', currency: 'USD', status: 'pledged', madeOn: '2026-03-01' });
  await give({ fund: fund.slug, amount: '200000.00', currency: 'USD', status: 'paid', madeOn: '2026-01-15' });
  await give({
    fund: fund.slug,
    project: projects.draft.slug,
    amount: '7777.77',
    currency: 'USD',
    status: 'paid',
    madeOn: '2026-02-01',
  });
  await created(
    t.send('POST', `/api/v1/funds/${fund.slug}/allocations`, {
      project: projects.victims.slug,
      appeal: appeal.slug,
      amount: '150000.00',
      currency: 'USD',
      allocatedOn: '2027-05-01',
    }),
  );
  return { projects, appeal, fund, themes };
}

/** Removes the demo content's funding, so a test's figures are its own fixture's alone. */
export async function clearDemoFunding(t: TestApp): Promise<void> {
  for (const table of [
    'fund_allocations',
    'contributions',
    'appeal_projects',
    'exchange_rates',
    'rate_tables',
  ])
    await t.database.executeSql(`DELETE FROM ${table}`, []);
}
