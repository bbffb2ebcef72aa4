// Builds the web app (React Router + Vite) and bundles the server; `--if-stale` skips an up-to-date build.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inputsDigest, STAMP } from './build-inputs.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stampPath = join(root, STAMP);
const digest = inputsDigest(root);

if (
  process.argv.includes('--if-stale') &&
  existsSync(stampPath) &&
  readFileSync(stampPath, 'utf8') === digest
) {
  process.exit(0);
}

console.log('Building Southbridge…');
const bin = (name) => join(root, 'node_modules/.bin', name);
execFileSync(bin('react-router'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
await build({
  entryPoints: [join(root, 'src/server/main.ts'), join(root, 'src/server/cli/main.ts')],
  outdir: join(root, 'dist'),
  outbase: join(root, 'src'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
mkdirSync(dirname(stampPath), { recursive: true });
writeFileSync(stampPath, digest);
console.log('Build complete.');
