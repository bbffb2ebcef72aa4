import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (no package.json above the code)');
    dir = parent;
  }
  return dir;
}

/** The checkout's root folder, found from this file so it works from src/ and from dist/. */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** Where the reference data, taxonomy and demo content files live. */
export const dataFilesDir = join(projectRoot, 'data');

/** Where the SQL migrations live. */
export const migrationsDir = join(projectRoot, 'src/server/db/migrations');

/** The built web app (React Router server bundle and client assets). */
export const webBuildDir = join(projectRoot, 'build/web');
