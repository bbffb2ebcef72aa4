import { type SQL, sql } from 'drizzle-orm';

/** A text[] literal with one bound parameter per value (an empty array stays typed). */
export function textArray(values: string[]): SQL {
  if (values.length === 0) return sql`ARRAY[]::text[]`;
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::text[]`;
}

/** A uuid[] literal, so comparisons with uuid columns can use their indexes. */
export function uuidArray(values: string[]): SQL {
  if (values.length === 0) return sql`ARRAY[]::uuid[]`;
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]::uuid[]`;
}
