import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/languages.js';
import type { SourceRef, TranslationSource } from './content.js';
import { contentColumns } from './content.js';

export type FundText = { name: string; description?: string; translation?: TranslationSource };

export type FundFigure = {
  metric: string;
  amount: number;
  currency: string | null;
  year: number | null;
  contributor: string | null;
  note?: LocalizedText;
  source?: SourceRef;
};

/** Trust funds and funding appeals. */
export const funds = pgTable('funds', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...contentColumns(),
  kind: text('kind').$type<'trust-fund' | 'appeal'>().notNull(),
  texts: jsonb('texts').$type<Record<string, FundText>>().notNull(),
  managerIds: uuid('manager_ids').array().notNull().default([]),
  currency: text('currency'),
  periodStart: integer('period_start'),
  periodEnd: integer('period_end'),
  figures: jsonb('figures').$type<FundFigure[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
