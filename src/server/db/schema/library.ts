import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { TranslationSource } from './content.js';
import { contentColumns } from './content.js';

/**
 * PostgreSQL `bytea` as a Uint8Array. node-postgres returns a Buffer (a Uint8Array) and PGlite a
 * Uint8Array; both take a Buffer as a parameter. A driver configured to return the text form
 * (`\x…` hex) is read back too.
 */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array | string }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => {
    if (typeof value === 'string') {
      return value.startsWith('\\x')
        ? new Uint8Array(Buffer.from(value.slice(2), 'hex'))
        : Buffer.from(value);
    }
    return value;
  },
});

export type ResourceText = { title: string; description?: string; translation?: TranslationSource };

export const RESOURCE_KINDS = ['file', 'link'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/**
 * A library item: an uploaded document or a link, with its themes and who may read it. A working
 * group's shared document is a resource with visibility `working_group` and `workingGroupId` set.
 */
export const resources = pgTable(
  'resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ...contentColumns(),
    kind: text('kind').$type<ResourceKind>().notNull(),
    texts: jsonb('texts').$type<Record<string, ResourceText>>().notNull(),
    themes: text('themes').array().notNull().default([]),
    /** The address of a `link` (http or https only). */
    url: text('url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('resources_created_idx').on(t.createdAt, t.id),
    index('resources_working_group_idx').on(t.workingGroupId),
    index('resources_themes_idx').using('gin', t.themes).with({ fastupdate: false }),
  ],
);

/**
 * The stored document of a `file` resource, kept apart so lists never load its bytes. `type` is the
 * type sniffed from the bytes (see files/limits.ts), never the one the uploader declared.
 */
export const files = pgTable('files', {
  id: uuid('id').primaryKey().defaultRandom(),
  resourceId: uuid('resource_id')
    .notNull()
    .unique()
    .references(() => resources.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  type: text('type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  bytes: bytea('bytes').notNull(),
  /** Text extracted for search (PDF, DOCX, TXT, CSV); '' when there is none. */
  extractedText: text('extracted_text').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
