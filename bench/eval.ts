// `npm run eval [-- NAME ...]`: runs quality evaluations, prints their figures and misses, and
// records them in docs/benchmarks.md beside the benchmarks.
import { evalMatching, TARGETS } from './eval-matching.js';
import { recordResult } from './report.js';

const EVALUATIONS = { matching: evalMatching };

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !(name in EVALUATIONS));
if (unknown.length) {
  console.error(
    `Unknown evaluation: ${unknown.join(', ')}. Available: ${Object.keys(EVALUATIONS).join(', ')}`,
  );
  process.exit(2);
}

for (const name of wanted.length ? wanted : Object.keys(EVALUATIONS)) {
  const result = await EVALUATIONS[name as keyof typeof EVALUATIONS]();
  recordResult(`eval-${name}`, result);
  console.log(`Misses (no gold item in the top five): ${result.misses.length}`);
  for (const miss of result.misses) console.log(`  ${miss}`);
  const { n, hit5, rr } = result.overall;
  const met = hit5 / n >= TARGETS.hit5 && rr / n >= TARGETS.mrr;
  console.log(
    `\nhit@5 ${(hit5 / n).toFixed(3)}, MRR ${(rr / n).toFixed(3)}: targets ${met ? 'met' : 'NOT met'}.`,
  );
}
