import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../src/server/paths.js';
import type { BenchResult } from './api.js';

const FILE = join(projectRoot, 'docs/benchmarks.md');
const MARKER = /<!-- bench:([a-z-]+) -->\n/;
const HEADER =
  '# Benchmarks\n\nWritten by `npm run bench` and `npm run eval`; each section is replaced when it runs again.\n\n';

/** The sections already recorded, by name, in file order. */
function recordedSections(): Map<string, string> {
  const sections = new Map<string, string>();
  if (!existsSync(FILE)) return sections;
  const parts = readFileSync(FILE, 'utf8').split(MARKER);
  for (let i = 1; i + 1 < parts.length; i += 2) sections.set(parts[i]!, parts[i + 1]!.trimEnd());
  return sections;
}

/** Prints a result as a table and replaces (or adds) its section of docs/benchmarks.md. */
export function recordResult(name: string, result: BenchResult, order: string[] = []): void {
  const table = [
    `| ${result.columns.join(' | ')} |`,
    `|${result.columns.map(() => '---').join('|')}|`,
    ...result.rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
  console.log(`\n${result.title}\n\n${table}\n`);
  const sections = recordedSections();
  const date = new Date().toISOString().slice(0, 10);
  const machine = `Node ${process.version}, ${process.platform}/${process.arch}, 2 cores`;
  sections.set(name, `## ${result.title}\n\nRun on ${date}, ${machine}. ${result.notes}\n\n${table}`);
  const names = [...new Set([...order.filter((n) => sections.has(n)), ...sections.keys()])];
  const body = names.map((n) => `<!-- bench:${n} -->\n${sections.get(n)}\n`).join('\n');
  writeFileSync(FILE, `${HEADER}${body}`);
}
