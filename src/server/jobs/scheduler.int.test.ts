import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import { engineName } from '../../../tests/support/test-database.js';
import { rowsOf } from '../db/client.js';
import { attempts } from '../db/schema/index.js';
import { createLogger } from '../logger.js';
import { recurringJobs } from './recurring.js';
import { type Scheduler, startScheduler } from './scheduler.js';

let t: TestApp;
let scheduler: Scheduler;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
  scheduler = await startScheduler(t.database, recurringJobs(t.services), createLogger('silent'));
});
afterAll(async () => {
  await scheduler.stop();
  await t.close();
});

describe(`job queue (${engineName})`, () => {
  it('keeps the schedules in the database', async () => {
    const schedules = rowsOf<{ name: string; cron: string }>(
      await t.database.db.execute(sql`SELECT name, cron FROM pgboss.schedule ORDER BY name`),
    );
    expect(schedules.map((s) => s.name)).toEqual(
      recurringJobs(t.services)
        .map((j) => j.name)
        .sort(),
    );
  });

  it('runs a queued job once, in a worker', async () => {
    const old = new Date(Date.now() - 2 * 86_400_000);
    await t.database.db.insert(attempts).values([
      { scope: 'sign-in', key: 'old@example.org', succeeded: false, at: old },
      { scope: 'sign-in', key: 'new@example.org', succeeded: false },
    ]);
    const id = await scheduler.runNow('maintenance-prune');
    expect(id).toBeTruthy();
    await expect
      .poll(
        async () =>
          rowsOf<{ state: string }>(
            await t.database.db.execute(sql`SELECT state FROM pgboss.job WHERE id = ${id}`),
          )[0]?.state,
        { timeout: 15_000, interval: 250 },
      )
      .toBe('completed');
    const keys = (await t.database.db.select({ key: attempts.key }).from(attempts)).map((a) => a.key);
    expect(keys).toEqual(['new@example.org']);
  });
});
