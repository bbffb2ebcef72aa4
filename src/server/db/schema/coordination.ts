import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { GROUP_ROLES, type GroupRole } from '../../../shared/groups.js';
import { users } from './accounts.js';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

export type WorkingGroupText = { name: string; description?: string; translation?: TranslationSource };

/** Working groups of the coordination space; seeded with the eight Compact working groups. */
export const workingGroups = pgTable('working_groups', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...contentColumns(),
  number: integer('number'),
  pillar: integer('pillar'),
  /** The theme (taxonomy id) the group works on; the Compact groups each have their own term. */
  theme: text('theme'),
  texts: jsonb('texts').$type<Record<string, WorkingGroupText>>().notNull(),
  chairIds: uuid('chair_ids').array().notNull().default([]),
  coChairIds: uuid('co_chair_ids').array().notNull().default([]),
  viceChairIds: uuid('vice_chair_ids').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export { GROUP_ROLES, type GroupRole };

/** People in a working group, with their role in it. */
export const workingGroupMembers = pgTable(
  'working_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => workingGroups.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<GroupRole>().notNull().default('member'),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    index('working_group_members_user_idx').on(t.userId),
  ],
);
