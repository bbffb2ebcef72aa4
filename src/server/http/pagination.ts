import { z } from '@hono/zod-openapi';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';

/** `limit` and `cursor` query parameters shared by every list endpoint. */
export const pageQuery = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .openapi({ description: 'Items per page (1–100)', example: 20 }),
  cursor: z.string().max(500).optional().openapi({ description: 'The nextCursor of the previous page' }),
};

export type Page<T> = { items: T[]; nextCursor: string | null; total: number };

/** A sort key column and the SQL type its cursor value is cast back to. */
export type SortKey<Row> = {
  expr: SQLWrapper;
  cast: 'text' | 'uuid' | 'date' | 'timestamptz' | 'int';
  of: (row: Row) => string | number | null;
};

/** Encodes the sort-key values of the last row of a page into an opaque cursor. */
export function encodeCursor(values: Array<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor, answering 400 naming `cursor` when it was not made by this server. */
export function decodeCursor(cursor: string, length: number): Array<string | number> {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as Array<string | number>;
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('bad_request', 'The cursor is not valid; use the nextCursor of a previous page', [
    { field: 'query.cursor', message: 'Invalid cursor' },
  ]);
}

/**
 * The WHERE condition for keyset pagination: rows strictly after the cursor in the sort order.
 * All keys sort in one direction, so a row-value comparison expresses "after" in one index-friendly test.
 */
export function afterCursor<Row>(
  keys: SortKey<Row>[],
  direction: 'asc' | 'desc',
  cursor: string | undefined,
): SQL | undefined {
  if (!cursor) return undefined;
  const values = decodeCursor(cursor, keys.length);
  const left = sql.join(
    keys.map((k) => sql`${k.expr}`),
    sql`, `,
  );
  const right = sql.join(
    values.map((v, i) => sql`CAST(${String(v)} AS ${sql.raw(keys[i]!.cast)})`),
    sql`, `,
  );
  return direction === 'asc' ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
}

/** ORDER BY for the sort keys. */
export function orderBy<Row>(keys: SortKey<Row>[], direction: 'asc' | 'desc'): SQL {
  return sql.join(
    keys.map((k) => (direction === 'asc' ? sql`${k.expr} ASC` : sql`${k.expr} DESC`)),
    sql`, `,
  );
}

/** Cuts the extra row fetched to detect a next page, and builds its cursor. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keys: SortKey<Row>[],
  total: number,
  present: (row: Row) => Item,
): Page<Item> {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(present),
    nextCursor: hasMore && last ? encodeCursor(keys.map((k) => k.of(last))) : null,
    total,
  };
}

/** Walks every page of a list (up to `cap` items), for exports. */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  cap = 10_000,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < cap);
  return items.slice(0, cap);
}
