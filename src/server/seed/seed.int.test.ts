import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { engineName, openTestDatabase } from '../../../tests/support/test-database.js';
import { openDatabase, rowsOf } from '../db/client.js';
import { isContentEmpty, loadDemoContent } from './demo.js';
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
           (SELECT count(*)::int FROM project_transactions) AS transactions`);
  return rowsOf<Record<string, number>>(result)[0]!;
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
      await loadDemoContent(database.db);
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
      expect(await isContentEmpty(database.db)).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('keeps a PGlite folder intact across repeated close and reopen', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'southbridge-pglite-'));
    dirs.push(dir);
    let expected: Record<string, number> | undefined;
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
