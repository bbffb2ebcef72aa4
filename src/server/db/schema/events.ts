import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

export type EventText = { title: string; description?: string; translation?: TranslationSource };

export const REGISTRATION_MODES = ['none', 'open', 'closed'] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/**
 * Conferences, meetings and the joint calendar's events. Date-only events (most of the seeded
 * history) have `starts_on`/`ends_on` at a precision and no time zone. Timed events also have
 * `time_zone` (IANA) and the instants `starts_at`/`ends_at`; their `starts_on`/`ends_on` are the
 * local dates in that zone, so lists and filters treat both kinds alike.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    texts: jsonb('texts').$type<Record<string, EventText>>().notNull(),
    kind: text('kind').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    datePrecision: text('date_precision').$type<'day' | 'month' | 'year'>().notNull().default('day'),
    city: text('city'),
    countryIso3: text('country_iso3'),
    organiserIds: uuid('organiser_ids').array().notNull().default([]),
    themes: text('themes').array().notNull().default([]),
    /** IANA zone of a timed event; null for an all-day (date-only) event. */
    timeZone: text('time_zone'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    location: text('location'),
    onlineUrl: text('online_url'),
    registration: text('registration').$type<RegistrationMode>().notNull().default('none'),
    capacity: integer('capacity'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** iCalendar SEQUENCE: goes up with every change calendar clients should notice. */
    sequence: integer('sequence').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('events_starts_on_idx').on(t.startsOn),
    index('events_starts_at_idx').on(t.startsAt),
    index('events_working_group_idx').on(t.workingGroupId),
  ],
);

/** Who registered for an event; cancelling a registration deletes the row. */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.userId] }), index('event_registrations_user_idx').on(t.userId)],
);

export const FEED_KINDS = ['user', 'group'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/**
 * Secret iCalendar feed URLs. Only a SHA-256 digest of the token is kept. A `user` feed holds what
 * its owner may read; a `group` feed (subject: the working group) the group's events, for as long
 * as its owner stays in the group. Rotating a feed revokes the old row and adds a new one.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<FeedKind>().notNull(),
    /** The user (for `user`) or working group (for `group`) the feed is about. */
    subjectId: text('subject_id').notNull(),
    /** Whose rights the feed reads with. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Language of the events' titles and descriptions. */
    language: text('language').notNull().default('en'),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('calendar_feeds_owner_idx').on(t.userId, t.kind, t.subjectId)],
);
