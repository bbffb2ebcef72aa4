import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { projectRoot } from '../../../paths.js';

/** The IATI test fixtures, copied into the repository (tests/fixtures/iati). */
export const fixturesDir = join(projectRoot, 'tests/fixtures/iati');

export function readFixture(path: string): string {
  return readFileSync(join(fixturesDir, path), 'utf8');
}

/** Every `.xml` file under a fixtures folder, as paths relative to the fixtures root, sorted. */
export function xmlFilesUnder(path: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.xml')) files.push(relative(fixturesDir, full));
    }
  };
  walk(join(fixturesDir, path));
  return files;
}

/** Counts `<iati-activity>` start tags with a plain regular expression, independently of the reader. */
export function countActivityTags(xml: string): number {
  return xml.replace(/<!--[\s\S]*?-->/g, '').match(/<iati-activity[\s>/]/g)?.length ?? 0;
}

/** Runs `task` over `items`, `limit` at a time (each xmllint run is a worker thread). */
export async function mapLimit<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const SCALE = 12;

/** An exact decimal as an integer of 10^-12 units, so sums never go through floating point. */
export function units(value: string): bigint {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!match) throw new Error(`not a decimal: ${value}`);
  const [, sign, whole, fraction = ''] = match;
  const magnitude = BigInt((whole || '0') + fraction.padEnd(SCALE, '0').slice(0, SCALE));
  return sign === '-' ? -magnitude : magnitude;
}

export function addTo(totals: Map<string, bigint>, key: string, value: string): void {
  totals.set(key, (totals.get(key) ?? 0n) + units(value));
}

/** The same totals from the raw text with regular expressions: a second path that shares no code. */
export function rawTotals(xml: string): { totals: Map<string, bigint>; count: number } {
  const totals = new Map<string, bigint>();
  let count = 0;
  for (const activity of xml.split(/<iati-activity(?=[\s>])/).slice(1)) {
    const defaultCurrency = /^[^>]*\sdefault-currency="([^"]*)"/.exec(activity)?.[1];
    for (const [, transaction] of activity.matchAll(/<transaction[\s>]([\s\S]*?)<\/transaction>/g)) {
      const type = /<transaction-type\s+code="([^"]*)"/.exec(transaction!)![1];
      const [, attributes, amount] = /<value([^>]*)>([^<]*)<\/value>/.exec(transaction!)!;
      const currency = /\scurrency="([^"]*)"/.exec(attributes!)?.[1] ?? defaultCurrency;
      addTo(totals, `${currency} type ${type}`, amount!);
      count++;
    }
  }
  return { totals, count };
}
