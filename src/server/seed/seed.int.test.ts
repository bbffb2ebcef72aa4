import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { engineName, openTestDatabase } from '../../../tests/support/test-database.js';
import { openDatabase, rowsOf } from '../db/client.js';
import { isContentEmpty, loadDemoContent } from './demo.js';
import { loadDemoFunding } from './demo-funding.js';
import { loadReferenceData } from './reference.js';

async function tableCounts(db: Awaited<ReturnType<typeof openTestDatabase>>['db']) {
  const result = await db.execute(sql`
    SELECT (SELECT count(*)::int FROM countries) AS countries,
           (SELECT count(*)::int FROM sdg_targets) AS targets,
           (SELECT count(*)::int FROM codelist_items) AS codes,
           (SELECT count(*)::int FROM taxonomy_terms) AS terms,
           (SELECT count(*)::int FROM organisations) AS organisations,
           (SELECT count(*)::int FROM solutions) AS solutions,
           (SELECT count(*)::int FROM events) AS events,
           (SELECT count(*)::int FROM working_groups) AS groups,
           (SELECT count(*)::int FROM funds) AS funds,
           (SELECT count(*)::int FROM projects) AS projects,
           (SELECT count(*)::int FROM project_budgets) AS budgets,
           (SELECT count(*)::int FROM project_transactions) AS transactions,
           (SELECT count(*)::int FROM appeal_projects) AS "appealLines",
           (SELECT count(*)::int FROM contributions) AS contributions,
           (SELECT count(*)::int FROM fund_allocations) AS allocations,
           (SELECT count(*)::int FROM rate_tables) AS "rateTables",
           (SELECT count(*)::int FROM exchange_rates) AS rates,
           (SELECT coalesce(sum(requirement), 0)::text FROM appeal_projects) AS requirements,
           (SELECT coalesce(sum(amount), 0)::text FROM contributions c JOIN funds f ON f.id = c.fund_id
             WHERE f.slug = 'un-counter-terrorism-trust-fund') AS "trustFund"`);
  return rowsOf<Record<string, number | string>>(result)[0]!;
}

describe(`seeding (${engineName})`, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('loads reference data and demo content idempotently', async () => {
    const database = await openTestDatabase();
    try {
      expect(await isContentEmpty(database.db)).toBe(true);
      const first = await loadReferenceData(database.db);
      expect(first.loaded).toBe(true);
      expect(first.counts.countries).toBe(248);
      expect(first.counts.sdgTargets).toBe(169);
      expect((await loadReferenceData(database.db)).loaded).toBe(false);
      const loaded = await loadDemoContent(database.db);
      const before = await tableCounts(database.db);
      await loadReferenceData(database.db, { force: true });
      await loadDemoContent(database.db);
      expect(await tableCounts(database.db)).toEqual(before);
      expect(before.organisations).toBeGreaterThanOrEqual(60);
      expect(before.solutions).toBeGreaterThanOrEqual(40);
      expect(before.events).toBeGreaterThanOrEqual(15);
      expect(before.groups).toBe(8);
      expect(before.funds).toBeGreaterThan(0);
      expect(before.projects).toBeGreaterThanOrEqual(10);
      expect(before.budgets).toBeGreaterThan(0);
      expect(before.transactions).toBeGreaterThan(0);
      // 9 projects plus the 156 of the appeals and South-South funds.
      expect(before.projects).toBe(165);
      expect(loaded.projects).toBe(165);
      expect(before.appealLines).toBe(60 + 52);
      expect(loaded.appealLines).toBe(112);
      expect(before.contributions).toBe(loaded.contributions);
      expect(before.contributions).toBeGreaterThan(70);
      expect(before.allocations).toBe(8 + 10 + 26);
      expect(loaded.allocations).toBe(44);
      expect(before.rateTables).toBe(1);
      expect(before.rates).toBe(10);
      expect(Number(before.requirements)).toBe(194_000_000 + 179_000_000);
      expect(Number(before.trustFund)).toBe(340_200_000);
      expect(await isContentEmpty(database.db)).toBe(false);

      // A slug that names nothing fails loudly, naming the record.
      const file = {
        rateTables: [],
        appeals: [],
        allocations: [],
        contributions: [
          {
            donor: null,
            donorName: 'A donor',
            appeal: null,
            fund: 'no-such-fund',
            project: null,
            amount: '1.00',
            currency: 'USD',
            status: 'paid' as const,
            madeOn: '2020-01-01',
            note: null,
            source: { file: '003_2b0d9f849ee8576f.txt', line: 198 },
          },
        ],
      };
      const empty = { organisations: new Map(), funds: new Map(), projects: new Map() };
      await expect(database.db.transaction((tx) => loadDemoFunding(tx, file, empty))).rejects.toThrow(
        'contribution 1 (A donor, 2020-01-01): unknown fund or appeal "no-such-fund"',
      );
    } finally {
      await database.close();
    }
  });

  it('keeps a PGlite folder intact across repeated close and reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'southbridge-pglite-'));
    dirs.push(dir);
    let expected: Record<string, number | string> | undefined;
    for (let round = 0; round < 3; round++) {
      const database = await openDatabase({ pgliteDir: dir });
      await database.migrate();
      if (round === 0) {
        await loadReferenceData(database.db);
        await loadDemoContent(database.db);
        expected = await tableCounts(database.db);
      } else {
        expect(await tableCounts(database.db)).toEqual(expected);
        expect((await loadReferenceData(database.db)).loaded).toBe(false);
      }
      await database.close();
    }
  });
});
