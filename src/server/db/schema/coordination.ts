import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

export type WorkingGroupText = { name: string; description?: string; translation?: TranslationSource };

/** Working groups of the coordination space; seeded with the eight Compact working groups. */
export const workingGroups = pgTable('working_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...contentColumns(),
  number: integer('number'),
  pillar: integer('pillar'),
  texts: jsonb('texts').$type<Record<string, WorkingGroupText>>().notNull(),
  chairIds: uuid('chair_ids').array().notNull().default([]),
  coChairIds: uuid('co_chair_ids').array().notNull().default([]),
  viceChairIds: uuid('vice_chair_ids').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
