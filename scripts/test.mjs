// `npm test`: lint, type-check, unit and integration tests on PGlite, the integration tests again on
// PostgreSQL when TEST_DATABASE_URL is set (required under CI), then the build and the browser tests.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const isCi = process.env.CI === 'true' || process.env.CI === '1';
const { TEST_DATABASE_URL, ...withoutServer } = process.env;

if (isCi && !TEST_DATABASE_URL) {
  console.error('CI=true needs TEST_DATABASE_URL: the integration suite must also run on PostgreSQL.');
  process.exit(1);
}

const steps = [
  ['Lint', bin('biome'), ['check', '.'], process.env],
  ['Type-check', bin('react-router'), ['typegen'], process.env],
  ['Type-check', bin('tsc'), ['--noEmit'], process.env],
  [
    'Unit and integration tests (PGlite)',
    bin('vitest'),
    ['run', '--project', 'unit', '--project', 'integration'],
    withoutServer,
  ],
  ...(TEST_DATABASE_URL
    ? [['Integration tests (PostgreSQL)', bin('vitest'), ['run', '--project', 'integration'], process.env]]
    : []),
  ['Build', process.execPath, [join(root, 'scripts/build.mjs'), '--if-stale'], process.env],
  ['Browser and process tests (Chromium)', bin('vitest'), ['run', '--project', 'e2e'], process.env],
];

for (const [title, command, args, env] of steps) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed`);
    process.exit(result.status ?? 1);
  }
}
if (!TEST_DATABASE_URL) console.log('\n(TEST_DATABASE_URL not set: the PostgreSQL run was not requested.)');
console.log('\n✔ All checks passed');
