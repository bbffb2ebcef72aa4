import { randomBytes } from 'node:crypto';
import { createApp } from '../src/server/app.js';
import { openDatabase } from '../src/server/db/client.js';
import { createLogger } from '../src/server/logger.js';
import { createMetrics } from '../src/server/metrics.js';
import { loadDemoContent } from '../src/server/seed/demo.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { createServices } from '../src/server/services.js';

export type BenchResult = { title: string; notes: string; columns: string[]; rows: string[][] };

const ITERATIONS = 200;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Cold start on in-memory PGlite, then in-process latency of the main API endpoints. */
export async function benchApi(): Promise<BenchResult> {
  const t0 = performance.now();
  const database = await openDatabase({ pgliteDir: 'memory://' });
  await database.migrate();
  const t1 = performance.now();
  await loadReferenceData(database.db);
  const t2 = performance.now();
  await loadDemoContent(database.db);
  const t3 = performance.now();
  const app = createApp({
    services: createServices(database, { authSecret: randomBytes(32).toString('hex') }),
    logger: createLogger('silent'),
    metrics: createMetrics(),
  });
  const first = (await (await app.request('/api/v1/solutions?limit=1')).json()) as {
    items: Array<{ slug: string }>;
  };
  const endpoints = [
    '/api/v1/solutions?limit=20',
    '/api/v1/solutions?limit=20&theme=health,education&sdg=4',
    '/api/v1/solutions?limit=20&region=142&lang=zh',
    `/api/v1/solutions/${first.items[0]!.slug}?lang=ar`,
    '/api/v1/organisations?limit=50',
    '/api/v1/events?limit=20',
    '/api/v1/countries',
    '/api/v1/sdgs',
  ];
  const rows: string[][] = [
    ['start: open + migrate', '', '', `${(t1 - t0).toFixed(0)} ms`],
    ['start: reference data', '', '', `${(t2 - t1).toFixed(0)} ms`],
    ['start: demo content', '', '', `${(t3 - t2).toFixed(0)} ms`],
  ];
  for (const path of endpoints) {
    for (let i = 0; i < 10; i++) await app.request(path);
    const times: number[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const start = performance.now();
      const response = await app.request(path);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rows.push([`GET ${path}`, percentile(times, 50).toFixed(2), percentile(times, 95).toFixed(2), '']);
  }
  await database.close();
  return {
    title: 'API on embedded PGlite (demo data)',
    notes: `In-process requests (no network), ${ITERATIONS} sequential requests per endpoint after 10 warm-up requests. Times in milliseconds.`,
    columns: ['measure', 'p50 ms', 'p95 ms', 'total'],
    rows,
  };
}
