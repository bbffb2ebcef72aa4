import { type SQL, sql } from 'drizzle-orm';

/** An array literal of `type` with one bound parameter per value (an empty array stays typed). */
function typedArray(values: string[], type: 'text' | 'uuid'): SQL {
  const cast = sql.raw(`::${type}[]`);
  if (values.length === 0) return sql`ARRAY[]${cast}`;
  return sql`ARRAY[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]${cast}`;
}

/** A text[] literal. */
export const textArray = (values: string[]): SQL => typedArray(values, 'text');

/** A uuid[] literal, so comparisons with uuid columns can use their indexes. */
export const uuidArray = (values: string[]): SQL => typedArray(values, 'uuid');
