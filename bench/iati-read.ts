/**
 * Measures reading IATI activity XML (guard, XSD validation, parse and mapping) on a synthetic file
 * of N copies of IATI's official example activity with unique identifiers, read in chunks.
 *
 *   npx tsx bench/iati-read.ts [activities=10000] [chunkSize=1000]
 *   node --expose-gc --import tsx bench/iati-read.ts …   (also reports the live heap after each chunk)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { guardIatiInput } from '../src/server/modules/projects/iati/guard.js';
import { scanLayout } from '../src/server/modules/projects/iati/layout.js';
import { readIatiChunks } from '../src/server/modules/projects/iati/read.js';
import { repeatActivity } from '../src/server/modules/projects/iati/synthetic.js';
import { validateIatiXml } from '../src/server/modules/projects/iati/validate.js';
import { projectRoot } from '../src/server/paths.js';

const count = Number(process.argv[2] ?? 10_000);
const chunkSize = Number(process.argv[3] ?? 1000);

const example = readFileSync(
  join(projectRoot, 'tests/fixtures/iati/examples/activity-standard-example-annotated.xml'),
  'utf8',
).replace(/\s*<!--[\s\S]*?-->/g, '');
const xml = repeatActivity(example, count);
const bytes = Buffer.byteLength(xml);
const mb = (value: number) => (value / 1024 / 1024).toFixed(1);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 20);

const guardStart = performance.now();
const guarded = guardIatiInput(xml, { maxBytes: Number.POSITIVE_INFINITY });
if (!guarded.ok) throw new Error(guarded.issues[0]!.message);
const layout = scanLayout(guarded.text);
if ('issues' in layout) throw new Error(layout.issues[0]!.message);
const guardMs = performance.now() - guardStart;

const oneChunk = repeatActivity(example, chunkSize);
const validateStart = performance.now();
const errors = await validateIatiXml(oneChunk, '2.03');
const validateMs = performance.now() - validateStart;
if (errors.length > 0) throw new Error(errors[0]!.message);

const readStart = performance.now();
let activities = 0;
let refused = 0;
let chunks = 0;
let liveHeap = 0;
const gc = (globalThis as { gc?: () => void }).gc;
for await (const result of readIatiChunks(xml, { chunkSize, maxBytes: Number.POSITIVE_INFINITY })) {
  if (result.fileIssues.length > 0) throw new Error(result.fileIssues[0]!.message);
  activities += result.activities.length;
  refused += result.refused.length;
  chunks++;
  if (gc) {
    gc();
    liveHeap = Math.max(liveHeap, process.memoryUsage().heapUsed);
  }
}
const readMs = performance.now() - readStart;
clearInterval(sampler);

console.log(`IATI read: ${count} activities, ${mb(bytes)} MB, chunks of ${chunkSize} (${chunks} chunks)`);
console.log(`  guard + layout scan of the whole file: ${guardMs.toFixed(0)} ms`);
console.log(`  XSD validation of one ${chunkSize}-activity chunk: ${validateMs.toFixed(0)} ms`);
console.log(
  `  guard + validate + parse + map, chunked: ${(readMs / 1000).toFixed(1)} s, ` +
    `${Math.round(activities / (readMs / 1000))} activities/s (${activities} read, ${refused} refused)`,
);
console.log(`  peak RSS: ${mb(peakRss)} MB (the synthetic text itself: ${mb(bytes)} MB)`);
if (gc) console.log(`  largest live heap after a chunk (after GC): ${mb(liveHeap)} MB`);
