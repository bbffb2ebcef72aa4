import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Viewer } from '../../modules/access/policy.js';
import { bytea } from './library.js';

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * An uploaded IATI file waiting for, going through or done with its import in the job queue. The
 * file is kept until the import ends; the report stays.
 */
export const iatiImports = pgTable('iati_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  fileName: text('file_name').notNull(),
  size: integer('size').notNull(),
  content: bytea('content'),
  status: text('status').$type<ImportStatus>().notNull().default('queued'),
  /** Activities in the file, counted on upload; `done` of them are read and stored or refused. */
  expected: integer('expected').notNull().default(0),
  done: integer('done').notNull().default(0),
  report: jsonb('report'),
  error: text('error'),
  /** Who uploaded it: the import acts, and is audited, as them. */
  actor: jsonb('actor').$type<Viewer>().notNull(),
  ip: text('ip'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
