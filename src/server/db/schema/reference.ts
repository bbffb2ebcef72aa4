import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../../shared/languages.js';

/** UN M49 countries and areas. */
export const countries = pgTable('countries', {
  m49: text('m49').primaryKey(),
  iso2: text('iso2'),
  iso3: text('iso3').notNull().unique(),
  names: jsonb('names').$type<LocalizedText>().notNull(),
  region: text('region'),
  subRegion: text('sub_region'),
  intermediateRegion: text('intermediate_region'),
  isLdc: boolean('is_ldc').notNull().default(false),
  isLldc: boolean('is_lldc').notNull().default(false),
  isSids: boolean('is_sids').notNull().default(false),
});

/** UN M49 regions, sub-regions and intermediate regions. */
export const regions = pgTable('regions', {
  m49: text('m49').primaryKey(),
  level: text('level').notNull(),
  parent: text('parent'),
  names: jsonb('names').$type<LocalizedText>().notNull(),
});

export const sdgGoals = pgTable('sdg_goals', {
  code: text('code').primaryKey(),
  position: integer('position').notNull(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
  short: jsonb('short').$type<LocalizedText>().notNull(),
});

export const sdgTargets = pgTable('sdg_targets', {
  code: text('code').primaryKey(),
  goal: text('goal')
    .notNull()
    .references(() => sdgGoals.code),
  position: integer('position').notNull(),
  title: jsonb('title').$type<LocalizedText>().notNull(),
});

/** Items of the IATI codelists the platform uses (OrganisationType, Sector, Currency, ...). */
export const codelistItems = pgTable(
  'codelist_items',
  {
    list: text('list').notNull(),
    code: text('code').notNull(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    description: jsonb('description').$type<LocalizedText>(),
    category: text('category'),
    status: text('status').notNull().default('active'),
  },
  (t) => [primaryKey({ columns: [t.list, t.code] })],
);

/** Controlled vocabularies: themes, modalities, cooperation types, participant roles. */
export const taxonomyTerms = pgTable(
  'taxonomy_terms',
  {
    vocabulary: text('vocabulary').notNull(),
    id: text('id').notNull(),
    parent: text('parent'),
    kind: text('kind'),
    position: integer('position').notNull(),
    labels: jsonb('labels').$type<LocalizedText>().notNull(),
    descriptions: jsonb('descriptions').$type<LocalizedText>(),
    sectors: text('sectors').array(),
  },
  (t) => [primaryKey({ columns: [t.vocabulary, t.id] })],
);

/** Small key/value facts about the database itself, such as the digest of loaded reference files. */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
