import { jsonb, text, uuid } from 'drizzle-orm/pg-core';

/** Where a record came from: a seed document and paragraph, or an import. */
export type SourceRef = { file: string; line?: number; paragraph?: string; note?: string };

/** How a translation was made; the original-language entry has none. */
export type TranslationSource = 'author' | 'editorial' | 'community';

export const VISIBILITIES = ['public', 'members', 'organization', 'working_group', 'private'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Columns every multilingual content record shares. */
export function contentColumns() {
  return {
    slug: text('slug').notNull().unique(),
    language: text('language').notNull(),
    visibility: text('visibility').$type<Visibility>().notNull().default('public'),
    source: jsonb('source').$type<SourceRef>(),
    /** The author: a `private` record is theirs (and the secretariat's) alone. */
    ownerId: text('owner_id'),
    /** The organisation an `organization` record is shared with, and whose admin may edit it. */
    ownerOrganisationId: uuid('owner_organisation_id'),
    /** The group a `working_group` record is shared with. */
    workingGroupId: uuid('working_group_id'),
  };
}
