/** What the dashboard can break records down by. */
export const DASHBOARD_DIMENSIONS = [
  'sdg',
  'theme',
  'region',
  'modality',
  'cooperationType',
  'year',
] as const;
export type DashboardDimension = (typeof DASHBOARD_DIMENSIONS)[number];

export function isDashboardDimension(value: unknown): value is DashboardDimension {
  return typeof value === 'string' && (DASHBOARD_DIMENSIONS as readonly string[]).includes(value);
}

/**
 * Counts records per key from (record, key) pairs, each record once per key. `mapKey` turns a raw
 * key into the one counted (a country into its region), or drops it by answering undefined.
 */
export function tallyPairs(
  pairs: Array<{ id: string; key: string | null }>,
  mapKey: (key: string) => string | undefined = (key) => key,
): Map<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const { id, key } of pairs) {
    if (key === null || key === '') continue;
    const mapped = mapKey(key);
    if (mapped === undefined) continue;
    const ids = seen.get(mapped) ?? new Set<string>();
    ids.add(id);
    seen.set(mapped, ids);
  }
  return new Map([...seen].map(([key, ids]) => [key, ids.size]));
}
