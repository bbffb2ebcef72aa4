import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';

/** Contact fields a person may show to, or hide from, other members; email is shared by default. */
export const CONTACT_FIELDS = ['email', 'phone', 'website'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/**
 * A focal point's directory profile. Name, email, role and organisation stay on `users`; a person
 * without a row here is listed with empty details and only their email shared.
 */
export const profiles = pgTable(
  'profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    jobTitle: text('job_title'),
    countryIso3: text('country_iso3'),
    /** BCP 47 tags, canonicalised, most used first. */
    languages: text('languages').array().notNull().default([]),
    /** Theme taxonomy ids. */
    themes: text('themes').array().notNull().default([]),
    expertise: text('expertise'),
    bio: text('bio'),
    phone: text('phone'),
    website: text('website'),
    /** IANA time zone name. */
    timeZone: text('time_zone'),
    sharedFields: text('shared_fields')
      .array()
      .$type<ContactField[]>()
      .notNull()
      .default(sql`ARRAY['email']::text[]`),
    /** False when the person opted out of the directory. */
    listed: boolean('listed').notNull().default(true),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('profiles_country_idx').on(t.countryIso3)],
);
