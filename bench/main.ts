// `npm run bench [-- NAME ...]`: runs benchmarks, prints a table per benchmark and updates their
// sections of docs/benchmarks.md (sections of benchmarks not run are kept).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/server/paths.js';
import { type BenchResult, benchApi } from './api.js';
import { benchMatching } from './matching.js';
import { benchSearch } from './search.js';

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  api: benchApi,
  search: benchSearch,
  matching: benchMatching,
};
const FILE = join(projectRoot, 'docs/benchmarks.md');
const MARKER = /<!-- bench:([a-z]+) -->\n/;

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}

/** The sections already recorded, by benchmark name. */
function recordedSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(FILE)) return sections;
  const parts = readFileSync(FILE, 'utf8').split(MARKER);
  for (let i = 1; i + 1 < parts.length; i += 2) sections.set(parts[i]!, parts[i + 1]!.trimEnd());
  return sections;
}

const sections = recordedSections();
const machine = `Node ${process.version}, ${process.platform}/${process.arch}, 2 cores`;
for (const name of wanted.length ? wanted : Object.keys(BENCHMARKS)) {
  const result = await BENCHMARKS[name]!();
  const table = [
    `| ${result.columns.join(' | ')} |`,
    `|${result.columns.map(() => '---').join('|')}|`,
    ...result.rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  console.log(`\n${result.title}\n\n${table}\n`);
  const date = new Date().toISOString().slice(0, 10);
  sections.set(name, `## ${result.title}\n\nRun on ${date}, ${machine}. ${result.notes}\n\n${table}`);
}

const body = Object.keys(BENCHMARKS)
  .filter((name) => sections.has(name))
  .map((name) => `<!-- bench:${name} -->\n${sections.get(name)}\n`)
  .join('\n');
writeFileSync(
  FILE,
  `# Benchmarks\n\nWritten by \`npm run bench\`; each section is replaced when its benchmark runs again.\n\n${body}`,
);
