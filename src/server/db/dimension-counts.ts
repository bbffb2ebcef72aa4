import { type SQL, sql } from 'drizzle-orm';
import { type DashboardDimension, tallyPairs } from '../../shared/dashboard.js';
import { type DbOrTx, rowsOf } from './client.js';

/**
 * Counts the records a query selects per value of a dimension: `from` is the table (and its
 * condition, with the viewer's permissions), `keys` an SQL array of each record's values. Each
 * record counts once per value. For `region` the values are ISO3 codes counted under their M49
 * region (from `regionOf`), each record once per region.
 */
export async function countByKeys(
  db: DbOrTx,
  query: { from: SQL; id: SQL; where: SQL; keys: SQL },
  dimension: DashboardDimension,
  regionOf: (iso3: string[]) => Promise<Map<string, string[]>>,
): Promise<Map<string, number>> {
  const pairs = rowsOf<{ id: string; key: string | null }>(
    await db.execute(sql`SELECT DISTINCT ${query.id}::text AS id, k::text AS key
      FROM ${query.from} CROSS JOIN LATERAL unnest(${query.keys}) AS k
      WHERE ${query.where} AND k IS NOT NULL`),
  );
  if (dimension !== 'region') return tallyPairs(pairs);
  const regions = await regionOf([...new Set(pairs.flatMap((p) => (p.key ? [p.key] : [])))]);
  return tallyPairs(pairs, (code) => regions.get(code)?.[0]);
}
