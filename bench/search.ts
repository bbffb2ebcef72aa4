import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import MiniSearch from 'minisearch';
import { type Database, openDatabase, rowsOf } from '../src/server/db/client.js';
import { ANONYMOUS } from '../src/server/modules/access/policy.js';
import { loadLexicon } from '../src/server/search/lexicon.js';
import type { SearchFilters } from '../src/server/search/schema.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { createServices } from '../src/server/services.js';
import { openScratchPostgres } from '../tests/support/test-database.js';
import type { BenchResult } from './api.js';
import { buildCorpus, buildQueries } from './corpus.js';

const ROUNDS = 3;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95) };
}

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function benchEngine(
  name: string,
  database: Database,
  corpus: ReturnType<typeof buildCorpus>,
  queries: ReturnType<typeof buildQueries>,
) {
  await database.migrate();
  await loadReferenceData(database.db);
  const services = createServices(database, { authSecret: randomBytes(32).toString('hex') });
  const [, loadMs] = await time(() => database.db.transaction((tx) => services.indexer.index(tx, corpus)));
  const [, indexMs] = await time(() => database.db.execute(sql`REINDEX TABLE search_documents`));
  await database.db.execute(sql`ANALYZE search_documents`);
  const [size] = rowsOf<{ table: string; db: string }>(
    await database.db.execute(sql`SELECT pg_size_pretty(pg_total_relation_size('search_documents')) AS table,
      pg_size_pretty(pg_database_size(current_database())) AS db`),
  );
  const ours: number[] = [];
  const ilike: number[] = [];
  let found = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const { q, language } of queries) {
      const [result, ms] = await time(() =>
        services.search.search(ANONYMOUS, {
          q,
          lang: language as SearchFilters['lang'],
          limit: 10,
        } as SearchFilters),
      );
      ours.push(ms);
      if (round === 0 && result.total > 0) found++;
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const [, baseline] = await time(() =>
        database.db.execute(sql`SELECT entity_id, count(*) OVER () AS total FROM search_documents
          WHERE visibility = 'public' AND (title ILIKE ${pattern} OR body ILIKE ${pattern}) LIMIT 10`),
      );
      ilike.push(baseline);
    }
  }
  await database.close();
  return { name, loadMs, indexMs, size, ours: stats(ours), ilike: stats(ilike), found };
}

/**
 * Search at scale: a generated multilingual corpus, a fixed query set in seven languages, on PGlite
 * and (with DATABASE_URL) PostgreSQL, against an ILIKE scan and MiniSearch on the same data.
 */
export async function benchSearch(): Promise<BenchResult> {
  const sizeArg = process.argv.find((arg) => arg.startsWith('--size='));
  const size = sizeArg ? Number(sizeArg.slice('--size='.length)) : 100_000;
  const lexicon = loadLexicon();
  const corpus = buildCorpus(size, lexicon);
  const queries = buildQueries(lexicon);
  console.log(`search bench: ${size} solutions, ${queries.length} queries × ${ROUNDS} rounds`);

  const engines = [
    await benchEngine('PGlite', await openDatabase({ pgliteDir: 'memory://' }), corpus, queries),
  ];
  if (process.env.DATABASE_URL)
    engines.push(
      await benchEngine(
        'PostgreSQL',
        await openScratchPostgres(process.env.DATABASE_URL, 'southbridge_bench'),
        corpus,
        queries,
      ),
    );

  const heapBefore = process.memoryUsage().heapUsed;
  const mini = new MiniSearch({ fields: ['title', 'body'], storeFields: ['title'] });
  const [, miniBuildMs] = await time(() =>
    mini.addAll(corpus.map((d) => ({ id: d.id, ...Object.values(d.texts)[0]! }))),
  );
  const miniHeap = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const miniTimes: number[] = [];
  let miniFound = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (const { q } of queries) {
      const [hits, ms] = await time(() => mini.search(q, { prefix: true, fuzzy: 0.2 }).slice(0, 10));
      miniTimes.push(ms);
      if (round === 0 && hits.length > 0) miniFound++;
    }
  }
  const miniStats = stats(miniTimes);

  const rows: string[][] = [];
  for (const e of engines) {
    rows.push([
      `Southbridge on ${e.name}`,
      e.ours.p50.toFixed(1),
      e.ours.p95.toFixed(1),
      `${e.found}/${queries.length}`,
      `load ${(e.loadMs / 1000).toFixed(1)} s, index build ${(e.indexMs / 1000).toFixed(1)} s, table ${e.size?.table}, database ${e.size?.db}`,
    ]);
    rows.push([
      `ILIKE scan on ${e.name}`,
      e.ilike.p50.toFixed(1),
      e.ilike.p95.toFixed(1),
      '',
      `Southbridge p95 / ILIKE p95 = ${(e.ours.p95 / e.ilike.p95).toFixed(2)}`,
    ]);
  }
  rows.push([
    'MiniSearch (in-process)',
    miniStats.p50.toFixed(1),
    miniStats.p95.toFixed(1),
    `${miniFound}/${queries.length}`,
    `build ${(miniBuildMs / 1000).toFixed(1)} s, ~${miniHeap.toFixed(0)} MB heap; Southbridge PGlite p95 / MiniSearch p95 = ${(engines[0]!.ours.p95 / miniStats.p95).toFixed(2)}`,
  ]);
  return {
    title: `Search at ${size.toLocaleString('en')} solutions`,
    notes:
      `Corpus: ${size.toLocaleString('en')} generated solutions in seven languages (mostly Chinese and English), built from lexicon labels in realistic sentence frames; ` +
      `${queries.length} fixed queries (concept labels in ar, zh, en, fr, ru, es, vi, two-concept queries and typos), ${ROUNDS} rounds. ` +
      'Southbridge times are the whole search call (ranking, facets, snippets); "found" counts queries with at least one result. ' +
      'Targets: p95 ≤ 50 ms on PostgreSQL, ≤ 100 ms on PGlite.',
    columns: ['engine', 'p50 ms', 'p95 ms', 'found', 'notes'],
    rows,
  };
}
