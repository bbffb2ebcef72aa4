import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { queuedJobs } from '../../jobs/recurring.js';
import { type Scheduler, startScheduler } from '../../jobs/scheduler.js';
import { createLogger } from '../../logger.js';
import { SYSTEM, type Viewer } from '../access/policy.js';
import { countActivityTags, readFixture } from './iati/test-support.js';
import { createIatiImportJobs } from './import-jobs.js';

const FILE = join('real-un-publishers', 'undp-iati-2.03-sample.xml');

let t: TestApp;
let scheduler: Scheduler;
let staff: TestAccount;
let member: TestAccount;
beforeAll(async () => {
  t = await createTestApp();
  staff = await t.staff();
  member = await createAccount(t, 'member');
});
afterAll(async () => {
  await scheduler?.stop();
  await t.close();
});

const ctx = { viewer: SYSTEM };
const viewerOf = (account: TestAccount): Viewer => ({
  userId: account.userId,
  role: account.role,
  organisationId: null,
  workingGroupIds: [],
});
const until = async (id: string) => {
  await expect
    .poll(async () => (await t.services.iatiImportJobs.get(ctx, id)).status, {
      timeout: 30_000,
      interval: 200,
    })
    .toMatch(/^(done|failed)$/);
  return t.services.iatiImportJobs.get(ctx, id);
};

describe(`IATI imports in the job queue (${engineName})`, () => {
  it('imports an upload through the queue as its uploader, counting progress, and drops the file after', async () => {
    scheduler = await startScheduler(t.database, [], createLogger('silent'), queuedJobs(t.services));
    t.services.iatiImportJobs.connect((id) => scheduler.send('iati-import', { id }));
    const xml = readFixture(FILE);
    const id = await t.services.iatiImportJobs.submit(
      { viewer: viewerOf(staff), ip: '192.0.2.7' },
      'undp.xml',
      new TextEncoder().encode(xml),
    );
    const queued = await t.services.iatiImportJobs.get(ctx, id);
    expect(queued).toMatchObject({ fileName: 'undp.xml', expected: countActivityTags(xml) });
    const job = await until(id);
    expect(job.status).toBe('done');
    expect(job.done).toBe(job.expected);
    expect(job.report).toMatchObject({
      file: 'undp.xml',
      version: '2.03',
      total: job.expected,
      created: job.expected,
    });
    expect(job.startedAt).not.toBeNull();
    expect(job).not.toHaveProperty('content');
    const [row] = (
      await t.database.executeSql('SELECT content IS NULL AS gone FROM iati_imports WHERE id = $1', [id])
    ).rows as Array<{ gone: boolean }>;
    expect(row!.gone).toBe(true);
    const audit = (
      await t.database.executeSql(
        "SELECT actor, ip FROM audit_log WHERE action LIKE 'project.%' ORDER BY at DESC LIMIT 1",
        [],
      )
    ).rows as Array<{ actor: string; ip: string }>;
    expect(audit[0]).toMatchObject({ actor: staff.userId, ip: '192.0.2.7' });
  });

  it('reports a refused file in the job, and an error as a failed import', async () => {
    const id = await t.services.iatiImportJobs.submit(
      ctx,
      'unsafe.xml',
      new TextEncoder().encode(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><iati-activities version="2.03"/>',
      ),
    );
    const refused = await until(id);
    expect(refused.status).toBe('done');
    expect(refused.report!.fileIssues[0]!.message).toContain('DOCTYPE');

    const broken = createIatiImportJobs({
      db: t.database.db,
      iatiImport: {
        importFile: async () => {
          throw new Error('the disk is full');
        },
      } as never,
    });
    const failedId = await broken.submit(ctx, 'any.xml', new TextEncoder().encode('<iati-activities/>'));
    await expect
      .poll(async () => (await broken.get(ctx, failedId)).status, { timeout: 10_000, interval: 100 })
      .toBe('failed');
    expect((await broken.get(ctx, failedId)).error).toBe('the disk is full');
  });

  it('lets only the secretariat submit and read imports', async () => {
    await expect(
      t.services.iatiImportJobs.submit({ viewer: viewerOf(member) }, 'x.xml', new Uint8Array([60])),
    ).rejects.toMatchObject({ code: 'forbidden' });
    const id = await t.services.iatiImportJobs.submit(ctx, 'x.xml', new TextEncoder().encode('<x/>'));
    await expect(t.services.iatiImportJobs.get({ viewer: viewerOf(member) }, id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(t.services.iatiImportJobs.get(ctx, 'not-a-uuid')).rejects.toMatchObject({
      code: 'not_found',
    });
    await until(id);
  });
});
