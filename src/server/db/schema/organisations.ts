import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/languages.js';
import { contentColumns } from './content.js';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    acronym: text('acronym'),
    names: jsonb('names').$type<LocalizedText>().notNull(),
    descriptions: jsonb('descriptions').$type<LocalizedText>().notNull().default({}),
    iatiType: text('iati_type'),
    category: text('category').notNull(),
    countryIso3: text('country_iso3'),
    compactStatus: text('compact_status'),
    website: text('website'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisations_category_idx').on(t.category)],
);
