import { eq } from 'drizzle-orm';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db } from '../../db/client.js';
import { iatiImports } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { isStaff } from '../access/policy.js';
import type { WriteContext } from '../audit/service.js';
import type { IatiImport, IatiImportReport } from './import.js';

export type ImportJobRow = typeof iatiImports.$inferSelect;
/** What the upload page shows: the job without the file. */
export type ImportJob = Omit<ImportJobRow, 'content' | 'actor' | 'ip' | 'report'> & {
  report: IatiImportReport | null;
};

/** Puts a job on the queue; the scheduler connects it at start-up. */
type Enqueue = (id: string) => Promise<unknown>;

/** The number of activities a file holds, counted before it is parsed, for the progress bar. */
function countActivities(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return text.match(/<iati-activity[\s>]/g)?.length ?? 0;
}

/**
 * IATI imports from the upload page run in the job queue, so a large file neither holds a request
 * open nor is lost with it: the upload is stored, a worker imports it as the uploader, and the
 * page follows its progress.
 */
export function createIatiImportJobs({
  db,
  iatiImport,
  logger,
}: {
  db: Db;
  iatiImport: IatiImport;
  logger?: Logger;
}) {
  let enqueue: Enqueue | null = null;

  async function progress(id: string, done: number) {
    await db.update(iatiImports).set({ done }).where(eq(iatiImports.id, id));
  }

  async function run(id: string): Promise<void> {
    const [row] = await db.select().from(iatiImports).where(eq(iatiImports.id, id));
    if (!row?.content) return;
    await db
      .update(iatiImports)
      .set({ status: 'running', startedAt: new Date(), done: 0 })
      .where(eq(iatiImports.id, id));
    const ctx: WriteContext = { viewer: row.actor, ...(row.ip ? { ip: row.ip } : {}) };
    let last = 0;
    // Progress is written in order, and finished before the final state is.
    let written: Promise<unknown> = Promise.resolve();
    try {
      const report = await iatiImport.importFile(ctx, row.fileName, row.content, {
        maxBytes: row.size,
        onProgress: (done) => {
          last = done;
          written = written.then(() => progress(id, done));
        },
      });
      await db
        .update(iatiImports)
        .set({
          status: 'done',
          report,
          done: Math.max(last, report.total),
          content: null,
          finishedAt: new Date(),
        })
        .where(eq(iatiImports.id, id));
    } catch (error) {
      logger?.error({ err: error, import: id }, 'IATI import failed');
      await written.catch(() => undefined);
      await db
        .update(iatiImports)
        .set({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
          content: null,
          finishedAt: new Date(),
        })
        .where(eq(iatiImports.id, id));
    }
  }

  return {
    run,

    /** Called once the job queue is up: uploads are queued from then on. */
    connect(send: Enqueue) {
      enqueue = send;
    },

    /** Stores an upload and queues its import (runs it in this process when no queue is up). */
    async submit(ctx: WriteContext, fileName: string, content: Uint8Array): Promise<string> {
      if (!isStaff(ctx.viewer)) throw new AppError('forbidden', 'Only the secretariat imports IATI files');
      const [row] = await db
        .insert(iatiImports)
        .values({
          fileName,
          size: content.byteLength,
          content,
          expected: countActivities(content),
          actor: ctx.viewer,
          ip: ctx.ip ?? null,
        })
        .returning({ id: iatiImports.id });
      if (enqueue) await enqueue(row!.id);
      else void run(row!.id);
      return row!.id;
    },

    /** One import as its uploader or the secretariat sees it; 404 for anyone else. */
    async get(ctx: WriteContext, id: string): Promise<ImportJob> {
      const [row] = UUID_PATTERN.test(id)
        ? await db.select().from(iatiImports).where(eq(iatiImports.id, id))
        : [];
      if (!row || !isStaff(ctx.viewer)) throw AppError.notFound('Import', id);
      const { content: _content, actor: _actor, ip: _ip, report, ...job } = row;
      return { ...job, report: (report as IatiImportReport | null) ?? null };
    },
  };
}

export type IatiImportJobs = ReturnType<typeof createIatiImportJobs>;
