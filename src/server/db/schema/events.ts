import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

export type EventText = { title: string; description?: string; translation?: TranslationSource };

export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    texts: jsonb('texts').$type<Record<string, EventText>>().notNull(),
    kind: text('kind').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    datePrecision: text('date_precision').$type<'day' | 'month' | 'year'>().notNull().default('day'),
    city: text('city'),
    countryIso3: text('country_iso3'),
    organiserIds: uuid('organiser_ids').array().notNull().default([]),
    themes: text('themes').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('events_starts_on_idx').on(t.startsOn)],
);
