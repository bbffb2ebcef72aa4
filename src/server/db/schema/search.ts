import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  customType,
  index,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Visibility } from './content.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per searchable record and language. `terms` holds text segmented and folded in the app
 * (see search/text.ts), stored as a tsvector with weights; `concepts` holds lexicon concept ids for
 * cross-lingual matching; `fuzzy` is folded title and summary text for pg_trgm typo matching. The
 * visibility columns let the query itself filter what a viewer may see.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    slug: text('slug').notNull(),
    language: text('language').notNull(),
    originalLanguage: text('original_language').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    terms: tsvector('terms').notNull(),
    fuzzy: text('fuzzy').notNull(),
    concepts: text('concepts').array().notNull().default([]),
    themes: text('themes').array().notNull().default([]),
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    sdgGoals: text('sdg_goals').array().notNull().default([]),
    countries: text('countries').array().notNull().default([]),
    regions: text('regions').array().notNull().default([]),
    visibility: text('visibility').$type<Visibility>().notNull(),
    isPublished: boolean('is_published').notNull(),
    organisationId: uuid('organisation_id'),
    ownerId: text('owner_id'),
    workingGroupId: uuid('working_group_id'),
    boost: real('boost').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('search_documents_entity_language_idx').on(t.entityType, t.entityId, t.language),
    index('search_documents_terms_idx').using('gin', t.terms),
    index('search_documents_concepts_idx').using('gin', t.concepts),
    index('search_documents_fuzzy_idx').using('gin', sql`${t.fuzzy} gin_trgm_ops`),
    index('search_documents_themes_idx').using('gin', t.themes),
    index('search_documents_countries_idx').using('gin', t.countries),
  ],
);
