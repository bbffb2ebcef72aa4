// `npm run bench [-- NAME]`: runs benchmarks, prints a table per benchmark and writes docs/benchmarks.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/server/paths.js';
import { type BenchResult, benchApi } from './api.js';
import { benchSearch } from './search.js';

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = { api: benchApi, search: benchSearch };

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}

const sections: string[] = [];
for (const name of wanted.length ? wanted : Object.keys(BENCHMARKS)) {
  const result = await BENCHMARKS[name]!();
  const table = [
    `| ${result.columns.join(' | ')} |`,
    `|${result.columns.map(() => '---').join('|')}|`,
    ...result.rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  console.log(`\n${result.title}\n\n${table}\n`);
  sections.push(`## ${result.title}\n\n${result.notes}\n\n${table}\n`);
}

const machine = `Node ${process.version}, ${process.platform}/${process.arch}, run on ${new Date().toISOString().slice(0, 10)}`;
writeFileSync(
  join(projectRoot, 'docs/benchmarks.md'),
  `# Benchmarks\n\nWritten by \`npm run bench\`. ${machine}.\n\n${sections.join('\n')}`,
);
