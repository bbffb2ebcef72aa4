import PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';
import type { Logger } from '../logger.js';

/** A recurring job: a cron schedule (UTC) and what it does. */
export type RecurringJob = {
  name: string;
  /** Five-field cron, e.g. `15 * * * *` for a quarter past every hour. */
  cron: string;
  run: () => Promise<unknown>;
};

/** Work queued on demand (an upload to import, say), done once by one process. */
export type QueuedJob<Data extends object = { id: string }> = {
  name: string;
  /** How long one run may take before the queue gives it to another worker. */
  expireInSeconds: number;
  run: (data: Data) => Promise<unknown>;
};

/**
 * The job queue: pg-boss keeps jobs and schedules in PostgreSQL (its own `pgboss` schema), so
 * every app process shares them and each scheduled run is done once, by one process. On PGlite
 * it talks to the same embedded database through `executeSql`.
 */
export async function startScheduler(
  database: Database,
  jobs: RecurringJob[],
  logger: Logger,
  queued: QueuedJob[] = [],
) {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) as Promise<{ rows: never[] }> },
    schema: 'pgboss',
    // Housekeeping every few minutes is plenty for reminders and digests.
    maintenanceIntervalSeconds: 300,
    monitorStateIntervalSeconds: 300,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name);
    await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    await boss.work(job.name, async () => {
      const started = performance.now();
      const result = await job.run();
      logger.info({ job: job.name, result, ms: Math.round(performance.now() - started) }, 'job done');
    });
  }
  for (const job of queued) {
    await boss.createQueue(job.name, { name: job.name, expireInSeconds: job.expireInSeconds, retryLimit: 1 });
    await boss.work<{ id: string }>(job.name, async ([item]) => {
      if (!item) return;
      const started = performance.now();
      await job.run(item.data);
      logger.info(
        { job: job.name, id: item.data.id, ms: Math.round(performance.now() - started) },
        'job done',
      );
    });
  }
  return {
    boss,
    /** Queues work for one of the queued jobs. */
    async send(name: string, data: { id: string }) {
      return boss.send(name, data);
    },
    /** Queues one run of a job now (used by operators and tests). */
    async runNow(name: string) {
      return boss.send(name, {});
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}

export type Scheduler = Awaited<ReturnType<typeof startScheduler>>;
