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
