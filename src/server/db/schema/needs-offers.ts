import { date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

/** The text of a need or offer in one language. */
export type PostingText = { title: string; description: string; translation?: TranslationSource };

export const POSTING_STATUSES = ['open', 'closed'] as const;
export type PostingStatus = (typeof POSTING_STATUSES)[number];

/**
 * Columns needs and offers share. `ownerOrganisationId` (from contentColumns) is the requesting or
 * providing organisation: its focal points are the party of every match on the record.
 */
function postingColumns() {
  return {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    texts: jsonb('texts').$type<Record<string, PostingText>>().notNull(),
    /** ISO 3166 alpha-3: the requesting or providing country. */
    country: text('country').notNull(),
    themes: text('themes').array().notNull().default([]),
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    modalities: text('modalities').array().notNull().default([]),
    workingLanguages: text('working_languages').array().notNull().default([]),
    status: text('status').$type<PostingStatus>().notNull().default('open'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closeReason: text('close_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  };
}

/** A request for capacity-building from a country's institution. */
export const needs = pgTable(
  'needs',
  {
    ...postingColumns(),
    startsOn: date('starts_on'),
    endsOn: date('ends_on'),
    /** Exact decimal, never a float. */
    budgetAmount: numeric('budget_amount', { precision: 18, scale: 2 }),
    budgetCurrency: text('budget_currency'),
    coFinancing: text('co_financing'),
    /** Technical-assistance recommendations this need answers (the projects module owns them). */
    recommendationIds: uuid('recommendation_ids').array().notNull().default([]),
  },
  (t) => [
    index('needs_status_idx').on(t.status, t.visibility),
    index('needs_owner_org_idx').on(t.ownerOrganisationId),
  ],
);

/** Expertise, training, study visits, or financial or in-kind support a provider puts forward. */
export const offers = pgTable(
  'offers',
  {
    ...postingColumns(),
    capacityPlaces: integer('capacity_places'),
    capacityExperts: integer('capacity_experts'),
    capacityAmount: numeric('capacity_amount', { precision: 18, scale: 2 }),
    capacityCurrency: text('capacity_currency'),
    costSharing: text('cost_sharing'),
    availableFrom: date('available_from'),
    availableUntil: date('available_until'),
  },
  (t) => [
    index('offers_status_idx').on(t.status, t.visibility),
    index('offers_owner_org_idx').on(t.ownerOrganisationId),
  ],
);
