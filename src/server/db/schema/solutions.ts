import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

export type SolutionText = {
  title: string;
  summary: string;
  description?: string;
  translation?: TranslationSource;
};

export type EvidenceLink = { url: string; label?: string };

export type ContactPerson = { name: string; email?: string; organisation?: string };

/** Which tags were inferred by the concept tagger rather than given by a person. */
export type InferredTags = { themes?: boolean; sdgTargets?: boolean };

export const SOLUTION_STATUSES = ['draft', 'submitted', 'published', 'archived'] as const;
export type SolutionStatus = (typeof SOLUTION_STATUSES)[number];

export const solutions = pgTable(
  'solutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    texts: jsonb('texts').$type<Record<string, SolutionText>>().notNull(),
    countries: text('countries').array().notNull().default([]),
    replicatedIn: text('replicated_in').array().notNull().default([]),
    providerIds: uuid('provider_ids').array().notNull().default([]),
    themes: text('themes').array().notNull().default([]),
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    modalities: text('modalities').array().notNull().default([]),
    cooperationType: text('cooperation_type'),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
    contact: jsonb('contact').$type<ContactPerson | null>(),
    inferred: jsonb('inferred').$type<InferredTags>().notNull().default({}),
    importKey: text('import_key').unique(),
    version: integer('version').notNull().default(1),
    status: text('status').$type<SolutionStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('solutions_status_idx').on(t.status, t.visibility),
    index('solutions_themes_idx').using('gin', t.themes),
    index('solutions_countries_idx').using('gin', t.countries),
    index('solutions_sdg_idx').using('gin', t.sdgTargets),
  ],
);

/** A field that changed in an edit, with its value before and after. */
export type FieldChange = { field: string; before: unknown; after: unknown };

/** One entry per saved edit of a solution: the full snapshot and what changed. */
export const solutionVersions = pgTable(
  'solution_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    status: text('status').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('solution_versions_solution_idx').on(t.solutionId, t.version)],
);

export const REVIEW_ACTIONS = [
  'submit',
  'publish',
  'request_changes',
  'archive',
  'restore',
  'comment',
] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

/** The review trail: submissions, decisions and comments. */
export const solutionReviews = pgTable(
  'solution_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    solutionId: uuid('solution_id')
      .notNull()
      .references(() => solutions.id, { onDelete: 'cascade' }),
    action: text('action').$type<ReviewAction>().notNull(),
    comment: text('comment'),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('solution_reviews_solution_idx').on(t.solutionId, t.createdAt)],
);
