import {
  type AnyPgColumn,
  bigint,
  bigserial,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ProjectResult } from '../../../shared/projects.js';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

/** The text of a project in one language. */
export type ProjectText = { title: string; description: string; translation?: TranslationSource };

/** An organisation as IATI names it: an identifier (when it has one), a name and a type code. */
export type OrgRef = { ref: string | null; name: string; type: string | null };

export const SOUTH_SOUTH_ROLES = [
  'provider',
  'recipient',
  'facilitator',
  'first-provider',
  'second-provider',
] as const;
export type SouthSouthRole = (typeof SOUTH_SOUTH_ROLES)[number];

/**
 * A participating organisation: its IATI role (1 funding, 2 accountable, 3 extending,
 * 4 implementing) and its South-South role, linked to a platform organisation when known.
 */
export type Participant = OrgRef & {
  role: string | null;
  southSouthRole: SouthSouthRole | null;
  organisationId: string | null;
  activityId: string | null;
};

/** A share of the project, in percent, as an exact decimal string (null when not stated). */
export type CountryShare = { iso3: string; percentage: string | null };
export type CodeShare = { code: string; vocabulary: string; percentage: string | null };
export type ThemeShare = { id: string; percentage: string | null };

export const PUBLICATION_STATES = ['draft', 'published'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/**
 * A project, modelled on the IATI activity. Money lives in `project_budgets` and
 * `project_transactions` as exact decimals; results and indicators are kept as one document.
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    iatiIdentifier: text('iati_identifier').notNull().unique(),
    texts: jsonb('texts').$type<Record<string, ProjectText>>().notNull(),
    reportingOrg: jsonb('reporting_org').$type<OrgRef>().notNull(),
    participants: jsonb('participants').$type<Participant[]>().notNull().default([]),
    countries: jsonb('countries').$type<CountryShare[]>().notNull().default([]),
    regions: jsonb('regions').$type<CodeShare[]>().notNull().default([]),
    sectors: jsonb('sectors').$type<CodeShare[]>().notNull().default([]),
    themes: jsonb('themes').$type<ThemeShare[]>().notNull().default([]),
    sdgGoals: text('sdg_goals').array().notNull().default([]),
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    modalities: text('modalities').array().notNull().default([]),
    /** The South-South marker: bilateral, regional or triangular cooperation. */
    cooperationType: text('cooperation_type'),
    /** IATI ActivityStatus code: 1 pipeline, 2 implementation, 3 finalisation, 4 closed, … */
    status: text('status').notNull().default('1'),
    /** A draft (e.g. from a converted match) is seen only by its parties and the secretariat. */
    publication: text('publication').$type<PublicationState>().notNull().default('published'),
    plannedStart: date('planned_start'),
    actualStart: date('actual_start'),
    plannedEnd: date('planned_end'),
    actualEnd: date('actual_end'),
    defaultCurrency: text('default_currency'),
    results: jsonb('results').$type<ProjectResult[]>().notNull().default([]),
    needIds: uuid('need_ids').array().notNull().default([]),
    matchIds: uuid('match_ids').array().notNull().default([]),
    recommendationIds: uuid('recommendation_ids').array().notNull().default([]),
    /** The IATI version of the file it was imported from, and the publisher's last update. */
    iatiVersion: text('iati_version'),
    iatiUpdatedAt: timestamp('iati_updated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_status_idx').on(t.publication, t.visibility, t.status),
    index('projects_owner_org_idx').on(t.ownerOrganisationId),
    index('projects_countries_idx').using('gin', t.countries),
  ],
);

/** A planned budget for one period. */
export const projectBudgets = pgTable(
  'project_budgets',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    /** IATI BudgetType: 1 original, 2 revised; BudgetStatus: 1 indicative, 2 committed. */
    type: text('type').notNull().default('1'),
    status: text('status').notNull().default('1'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    amount: numeric('amount').notNull(),
    /** Null only when an imported file states no currency (and no default): listed, not totalled. */
    currency: text('currency'),
    valueDate: date('value_date'),
  },
  (t) => [index('project_budgets_project_idx').on(t.projectId, t.position)],
);

/**
 * A financial transaction (IATI TransactionType: 1 incoming funds, 2 commitment, 3 disbursement,
 * 4 expenditure, …). When two publishers report the same flow (the funder's disbursement and the
 * recipient's incoming funds, linked by `provider-activity-id`), the incoming side points at the
 * other with `counterpartId` and totals leave it out.
 */
export const projectTransactions = pgTable(
  'project_transactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    ref: text('ref'),
    type: text('type').notNull(),
    date: date('date').notNull(),
    amount: numeric('amount').notNull(),
    /** Null only when an imported file states no currency (and no default): listed, not totalled. */
    currency: text('currency'),
    valueDate: date('value_date'),
    description: text('description'),
    providerRef: text('provider_ref'),
    providerName: text('provider_name'),
    providerActivityId: text('provider_activity_id'),
    receiverRef: text('receiver_ref'),
    receiverName: text('receiver_name'),
    receiverActivityId: text('receiver_activity_id'),
    counterpartId: bigint('counterpart_id', { mode: 'number' }).references(
      (): AnyPgColumn => projectTransactions.id,
      { onDelete: 'set null' },
    ),
  },
  (t) => [
    index('project_transactions_project_idx').on(t.projectId, t.position),
    index('project_transactions_provider_activity_idx').on(t.providerActivityId),
    index('project_transactions_receiver_activity_idx').on(t.receiverActivityId),
    // Replacing a project's transactions checks this self-reference for every deleted row.
    index('project_transactions_counterpart_idx').on(t.counterpartId),
  ],
);

export const RECOMMENDATION_PRIORITIES = ['high', 'medium', 'low'] as const;
export const RECOMMENDATION_STATUSES = ['open', 'in-progress', 'addressed', 'closed'] as const;
export type RecommendationPriority = (typeof RECOMMENDATION_PRIORITIES)[number];
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

export type RecommendationText = { title: string; text: string; translation?: TranslationSource };

/**
 * A technical-assistance recommendation from a country assessment. Needs and projects that
 * answer it list its id in their `recommendationIds`.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    texts: jsonb('texts').$type<Record<string, RecommendationText>>().notNull(),
    /** ISO 3166 alpha-3: the assessed country. */
    country: text('country').notNull(),
    themes: text('themes').array().notNull().default([]),
    sdgTargets: text('sdg_targets').array().notNull().default([]),
    sourceAssessment: text('source_assessment').notNull(),
    issuedOn: date('issued_on').notNull(),
    priority: text('priority').$type<RecommendationPriority>().notNull().default('medium'),
    status: text('status').$type<RecommendationStatus>().notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recommendations_country_idx').on(t.country, t.status),
    index('recommendations_owner_org_idx').on(t.ownerOrganisationId),
  ],
);
