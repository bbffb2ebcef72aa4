import {
  bigserial,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { RawReason } from '../../modules/matching/types.js';
import { needs } from './needs-offers.js';

export const MATCH_STATUSES = ['suggested', 'interested', 'accepted', 'declined', 'agreed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** The two parties of a match: the need's side and the candidate's (solution or offer) side. */
export const MATCH_SIDES = ['need', 'candidate'] as const;
export type MatchSide = (typeof MATCH_SIDES)[number];

export type Agreement = { summary: string; agreedAt: string; agreedBy: string };

/**
 * A suggested or pursued pairing of a need with a solution or an offer. Reasons are stored
 * unlabelled (kinds and values) so they are shown in each reader's language.
 */
export const matches = pgTable(
  'matches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    candidateType: text('candidate_type').$type<'solution' | 'offer'>().notNull(),
    candidateId: uuid('candidate_id').notNull(),
    score: real('score').notNull(),
    reasons: jsonb('reasons').$type<RawReason[]>().notNull().default([]),
    status: text('status').$type<MatchStatus>().notNull().default('suggested'),
    /** The side that expressed interest first; the other side accepts or declines. */
    interestSide: text('interest_side').$type<MatchSide>(),
    declineReason: text('decline_reason'),
    agreement: jsonb('agreement').$type<Agreement>(),
    /** The draft project a converted match became (set by the projects module). */
    projectId: uuid('project_id'),
    /** When the weekly digest told the parties about this suggestion. */
    digestedAt: timestamp('digested_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('matches_pair_idx').on(t.needId, t.candidateType, t.candidateId),
    index('matches_candidate_idx').on(t.candidateType, t.candidateId),
    index('matches_status_idx').on(t.status, t.createdAt),
  ],
);

/** The history of a match: each state change with who made it and why. */
export const matchEvents = pgTable(
  'match_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status').$type<MatchStatus>(),
    toStatus: text('to_status').$type<MatchStatus>().notNull(),
    side: text('side').$type<MatchSide>(),
    actorId: text('actor_id'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('match_events_match_idx').on(t.matchId, t.createdAt)],
);

/** The message thread between the two parties of a match. */
export const matchMessages = pgTable(
  'match_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    matchId: uuid('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    authorId: text('author_id').notNull(),
    side: text('side').$type<MatchSide>().notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('match_messages_match_idx').on(t.matchId, t.createdAt)],
);
