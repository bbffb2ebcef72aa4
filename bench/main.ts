// `npm run bench [-- NAME ...]`: runs benchmarks, prints a table per benchmark and updates their
// sections of docs/benchmarks.md (other sections are kept).
import { type BenchResult, benchApi } from './api.js';
import { benchIati } from './iati.js';
import { benchMatching } from './matching.js';
import { recordResult } from './report.js';
import { benchSearch } from './search.js';

const BENCHMARKS: Record<string, () => Promise<BenchResult>> = {
  api: benchApi,
  search: benchSearch,
  matching: benchMatching,
  iati: benchIati,
};
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}

for (const name of wanted.length ? wanted : Object.keys(BENCHMARKS))
  recordResult(name, await BENCHMARKS[name]!(), Object.keys(BENCHMARKS));
