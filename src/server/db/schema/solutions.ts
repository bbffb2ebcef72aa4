import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

export type SolutionText = {
  title: string;
  summary: string;
  description?: string;
  translation?: TranslationSource;
};

export type EvidenceLink = { url: string; label?: string };

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
