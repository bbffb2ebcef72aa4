import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  ACTION_LINK_TYPES,
  ACTION_STATUSES,
  type ActionLinkType,
  type ActionStatus,
  PRIORITY_STATUSES,
  type PriorityStatus,
} from '../../../shared/groups.js';
import { users } from './accounts.js';
import { workingGroups } from './coordination.js';

/** Discussion threads inside a working group; only its members and staff read them. */
export const groupThreads = pgTable(
  'group_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    replyCount: integer('reply_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_threads_group_activity_idx').on(t.groupId, t.lastActivityAt, t.id)],
);

/** Replies in a thread, oldest first. */
export const groupPosts = pgTable(
  'group_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => groupThreads.id, { onDelete: 'cascade' }),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_posts_thread_idx').on(t.threadId, t.createdAt)],
);

export { ACTION_LINK_TYPES, ACTION_STATUSES, type ActionLinkType, type ActionStatus };

/** The action tracker: who does what by when, optionally tied to a need, offer or match. */
export const groupActions = pgTable(
  'group_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    ownerId: text('owner_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').$type<ActionStatus>().notNull().default('open'),
    linkType: text('link_type').$type<ActionLinkType>(),
    linkId: text('link_id'),
    /** When the owner was reminded of the due date; cleared when the date or owner changes. */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('group_actions_group_due_idx').on(t.groupId, t.dueOn, t.id),
    index('group_actions_owner_due_idx').on(t.ownerId, t.dueOn, t.id),
    index('group_actions_reminder_idx')
      .on(t.dueOn)
      .where(sql`${t.remindedAt} IS NULL AND ${t.status} IN ('open', 'in_progress')`),
  ],
);

export { PRIORITY_STATUSES, type PriorityStatus };

/** Priorities members propose for the group's joint planning. */
export const groupPriorities = pgTable(
  'group_priorities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description'),
    status: text('status').$type<PriorityStatus>().notNull().default('open'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('group_priorities_group_idx').on(t.groupId, t.createdAt)],
);

/** One member's ranking: rank 1 is their top priority. */
export const priorityRankings = pgTable(
  'priority_rankings',
  {
    priorityId: uuid('priority_id')
      .notNull()
      .references(() => groupPriorities.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    rank: integer('rank').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.priorityId, t.userId] }),
    index('priority_rankings_user_idx').on(t.userId),
  ],
);
