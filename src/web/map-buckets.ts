/**
 * Sequential blues to dark blue-green (ColorBrewer YlGnBu without its palest step): ordered by
 * lightness, so they read correctly with any colour vision and in greyscale. Countries without
 * records are a neutral grey with a hatch, distinct from the palest class.
 */
export const MAP_PALETTE = ['#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'] as const;
export const NO_DATA_FILL = '#e6e8eb';

/** One class of the legend: the values from `min` to `max` (inclusive) share `colour`. */
export type Bucket = { min: number; max: number; colour: string };

/**
 * Classes for a choropleth of counts. With few distinct values each gets its own class; otherwise
 * quantile classes over the distinct values (counts are heavily skewed, so equal intervals would
 * put almost every country in the first class). Colours are spread across the palette.
 */
export function bucketsFor(values: number[], classes = 5): Bucket[] {
  const distinct = [...new Set(values.filter((v) => v > 0))].sort((a, b) => a - b);
  if (distinct.length === 0) return [];
  const groups: number[][] = [];
  if (distinct.length <= classes) for (const value of distinct) groups.push([value]);
  else
    for (let k = 0; k < classes; k++) {
      const from = Math.floor((k * distinct.length) / classes);
      const to = Math.floor(((k + 1) * distinct.length) / classes);
      groups.push(distinct.slice(from, to));
    }
  const colours = spread(groups.length);
  return groups.map((group, i) => ({ min: group[0]!, max: group[group.length - 1]!, colour: colours[i]! }));
}

/** `n` colours of the palette, evenly spaced from light to dark. */
function spread(n: number): string[] {
  if (n === 1) return [MAP_PALETTE[3]];
  return Array.from(
    { length: n },
    (_, i) => MAP_PALETTE[Math.round((i * (MAP_PALETTE.length - 1)) / (n - 1))]!,
  );
}

/** The colour of a value, or the no-data fill. */
export function colourOf(buckets: Bucket[], value: number | undefined): string {
  if (!value) return NO_DATA_FILL;
  return buckets.find((b) => value <= b.max)?.colour ?? buckets[buckets.length - 1]?.colour ?? NO_DATA_FILL;
}

/**
 * A provider → recipient arc between two points as an SVG quadratic curve, bent to one side by a
 * quarter of its length so arcs in opposite directions do not overlap.
 */
export function arcPath(from: [number, number], to: [number, number]): string {
  const [x1, y1] = from;
  const [x2, y2] = to;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const cx = (x1 + x2) / 2 - dy * 0.25;
  const cy = (y1 + y2) / 2 + dx * 0.25;
  const r = (n: number) => Math.round(n * 10) / 10;
  return `M${r(x1)},${r(y1)}Q${r(cx)},${r(cy)} ${r(x2)},${r(y2)}`;
}
