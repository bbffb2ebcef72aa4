import { date, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { SourceRef } from './content.js';
import { funds } from './funds.js';
import { organisations } from './organisations.js';
import { projects } from './projects.js';

/** A pledge is promised money; a paid contribution has been received. */
export const CONTRIBUTION_STATUSES = ['pledged', 'paid'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** The projects an appeal lists, each with the funding it asks for, grouped by programme. */
export const appealProjects = pgTable(
  'appeal_projects',
  {
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => funds.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    programme: text('programme'),
    requirement: numeric('requirement').notNull(),
    currency: text('currency').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appealId, t.projectId] }), index().on(t.projectId)],
);

/**
 * A pledge or paid contribution from a donor: to an appeal, to a trust fund, or straight to a
 * project. With a project it is earmarked; without one it is unearmarked.
 */
export const contributions = pgTable(
  'contributions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    donorOrganisationId: uuid('donor_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    donorName: text('donor_name').notNull(),
    appealId: uuid('appeal_id').references(() => funds.id, { onDelete: 'cascade' }),
    fundId: uuid('fund_id').references(() => funds.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    amount: numeric('amount').notNull(),
    currency: text('currency').notNull(),
    status: text('status').$type<ContributionStatus>().notNull(),
    madeOn: date('made_on').notNull(),
    note: text('note'),
    source: jsonb('source').$type<SourceRef>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.appealId), index().on(t.fundId), index().on(t.projectId)],
);

/** Money a trust fund commits to a project, optionally in answer to an appeal. */
export const fundAllocations = pgTable(
  'fund_allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fundId: uuid('fund_id')
      .notNull()
      .references(() => funds.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    appealId: uuid('appeal_id').references(() => funds.id, { onDelete: 'set null' }),
    amount: numeric('amount').notNull(),
    currency: text('currency').notNull(),
    allocatedOn: date('allocated_on').notNull(),
    note: text('note'),
    source: jsonb('source').$type<SourceRef>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.fundId), index().on(t.projectId), index().on(t.appealId)],
);

/** A named, dated table of exchange rates that funding reports state and convert at. */
export const rateTables = pgTable('rate_tables', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  baseCurrency: text('base_currency').notNull(),
  effectiveOn: date('effective_on').notNull(),
  source: text('source').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One rate of a table: how many units of the base currency one unit of `currency` is worth. */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    rateTableId: text('rate_table_id')
      .notNull()
      .references(() => rateTables.id, { onDelete: 'cascade' }),
    currency: text('currency').notNull(),
    rate: numeric('rate').notNull(),
  },
  (t) => [primaryKey({ columns: [t.rateTableId, t.currency] })],
);
