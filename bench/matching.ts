import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, rowsOf } from '../src/server/db/client.js';
import { offers, organisations, solutions } from '../src/server/db/schema/index.js';
import type { Viewer } from '../src/server/modules/access/policy.js';
import { createMatchingEngine } from '../src/server/modules/matching/engine.js';
import { conceptsOf, textProfile } from '../src/server/modules/matching/profiles.js';
import { postingSearchDocument } from '../src/server/modules/needs-offers/service.js';
import { solutionSearchDocument } from '../src/server/modules/solutions/service.js';
import type { SearchableDocument } from '../src/server/search/documents.js';
import { type Lexicon, loadLexicon } from '../src/server/search/lexicon.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { createServices } from '../src/server/services.js';
import { openScratchPostgres } from '../tests/support/test-database.js';
import type { BenchResult } from './api.js';
import { buildNeedTexts, buildOfferRows, buildOrganisations, buildSolutionRows } from './corpus.js';

const ROUNDS = 3;
const CHUNK = 1000;
const ORGANISATIONS = 300;

/** A signed-in member with no organisation: someone writing a need in the web form. */
const VIEWER: Viewer = { userId: 'bench-member', role: 'member', organisationId: null, workingGroupIds: [] };

type Data = {
  organisations: ReturnType<typeof buildOrganisations>;
  solutions: ReturnType<typeof buildSolutionRows>;
  offers: ReturnType<typeof buildOfferRows>;
  needs: ReturnType<typeof buildNeedTexts>;
};

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: at(50), p95: at(95), max: sorted[sorted.length - 1]! };
}

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

function chunks<T>(items: T[], size = CHUNK): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Builds the generated data for `size` solutions and `size` offers. */
export function buildMatchingData(size: number, lexicon: Lexicon): Data {
  const orgs = buildOrganisations(ORGANISATIONS);
  return {
    organisations: orgs,
    solutions: buildSolutionRows(size, lexicon, orgs),
    offers: buildOfferRows(size, lexicon, orgs),
    needs: buildNeedTexts(lexicon),
  };
}

/**
 * Migrates a fresh database and loads the data into it: the rows first, as an import writes them
 * (multi-row inserts, one transaction per chunk), then their search documents as the modules that
 * own them build them; then the index is rebuilt, as after a bulk import, and statistics gathered.
 */
export async function loadMatchingData(database: Database, data: Data, lexicon: Lexicon) {
  const { db } = database;
  await database.migrate();
  await loadReferenceData(db);
  const services = createServices(database, { authSecret: randomBytes(32).toString('hex'), lexicon });
  const stored = {
    solutions: [] as (typeof solutions.$inferSelect)[],
    offers: [] as (typeof offers.$inferSelect)[],
  };
  const [, rowsMs] = await time(async () => {
    await db.insert(organisations).values(data.organisations);
    for (const chunk of chunks(data.solutions))
      stored.solutions.push(
        ...(await db.transaction((tx) => tx.insert(solutions).values(chunk).returning())),
      );
    for (const chunk of chunks(data.offers))
      stored.offers.push(...(await db.transaction((tx) => tx.insert(offers).values(chunk).returning())));
  });
  const documents: SearchableDocument[] = [
    ...stored.solutions.map(solutionSearchDocument),
    ...stored.offers.map((row) => postingSearchDocument('offer', row)),
  ];
  const [, indexMs] = await time(async () => {
    for (const chunk of chunks(documents)) await db.transaction((tx) => services.indexer.index(tx, chunk));
  });
  const [, reindexMs] = await time(() => db.execute(sql`REINDEX TABLE search_documents`));
  await db.execute(sql`ANALYZE`);
  const [size] = rowsOf<{ index: string; rows: string; db: string; documents: number }>(
    await db.execute(sql`SELECT pg_size_pretty(pg_total_relation_size('search_documents')) AS index,
      pg_size_pretty(pg_total_relation_size('solutions') + pg_total_relation_size('offers')) AS rows,
      pg_size_pretty(pg_database_size(current_database())) AS db,
      (SELECT count(*)::int FROM search_documents) AS documents`),
  );
  return { services, rowsMs, indexMs, reindexMs, size };
}

async function benchEngine(name: string, database: Database, data: Data, lexicon: Lexicon) {
  const { db } = database;
  const { services, rowsMs, indexMs, reindexMs, size } = await loadMatchingData(database, data, lexicon);
  console.log(
    `${name}: rows ${seconds(rowsMs)}, search documents ${seconds(indexMs)}, index rebuild ${seconds(reindexMs)}, ${size?.documents} index rows`,
  );

  const preview = (need: Data['needs'][number]) =>
    services.matching.preview(
      VIEWER,
      {
        text: need.text,
        language: need.language,
        country: need.country,
        modalities: need.modalities,
        types: ['solution', 'offer'],
        limit: 10,
      },
      'en',
    );

  // The first call counts concept frequencies (cached for ten minutes); the rest of the warm-up
  // round fills caches and plans.
  const [, firstMs] = await time(() => preview(data.needs[0]!));
  for (const need of data.needs.slice(1)) await preview(need);

  const times: number[] = [];
  const results: number[] = [];
  const byLanguage = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const need of data.needs) {
      const [result, ms] = await time(() => preview(need));
      times.push(ms);
      byLanguage.set(need.language, [...(byLanguage.get(need.language) ?? []), ms]);
      if (round === 0) results.push(result.items.length);
    }
  }

  // The candidate pool behind each preview, outside the timings.
  const engine = createMatchingEngine({
    db,
    lexicon,
    reference: services.reference,
    organisations: services.organisations,
    solutions: services.solutions,
    needsOffers: services.needsOffers,
  });
  const pools: number[] = [];
  for (const need of data.needs) {
    const profile = textProfile({
      language: need.language,
      concepts: conceptsOf(services.lexicon, { [need.language]: { title: need.text } }, []),
      country: need.country,
      modalities: need.modalities,
    });
    pools.push((await engine.candidates(VIEWER, { profile, text: need.text }, ['solution', 'offer'])).length);
  }
  await database.close();
  const slowest = [...byLanguage]
    .map(([language, ms]) => [language, stats(ms).p95] as const)
    .sort((a, b) => b[1] - a[1])[0]!;
  return {
    name,
    rowsMs,
    indexMs,
    reindexMs,
    size,
    firstMs,
    timing: stats(times),
    results: mean(results),
    found: results.filter((n) => n > 0).length,
    pool: mean(pools),
    slowest,
  };
}

/**
 * Matching at scale: generated published solutions and open offers (real rows and their search
 * documents) on PGlite and (with DATABASE_URL) PostgreSQL, previewed with need texts in seven
 * languages.
 */
export async function benchMatching(): Promise<BenchResult> {
  const sizeArg = process.argv.find((arg) => arg.startsWith('--size='));
  const size = sizeArg ? Number(sizeArg.slice('--size='.length)) : 100_000;
  const lexicon = loadLexicon();
  const data = buildMatchingData(size, lexicon);
  console.log(
    `matching bench: ${size} solutions + ${size} offers, ${data.needs.length} need texts × ${ROUNDS} rounds`,
  );

  const engines = [
    await benchEngine('PGlite', await openDatabase({ pgliteDir: 'memory://' }), data, lexicon),
  ];
  if (process.env.DATABASE_URL)
    engines.push(
      await benchEngine(
        'PostgreSQL',
        await openScratchPostgres(process.env.DATABASE_URL, 'southbridge_bench'),
        data,
        lexicon,
      ),
    );

  const rows: string[][] = [];
  for (const e of engines) {
    rows.push([
      `preview on ${e.name}`,
      e.timing.p50.toFixed(1),
      e.timing.p95.toFixed(1),
      `${e.pool.toFixed(0)}`,
      `${e.results.toFixed(1)} (${e.found}/${data.needs.length})`,
      `max ${e.timing.max.toFixed(0)} ms; slowest language ${e.slowest[0]} (p95 ${e.slowest[1].toFixed(0)} ms)`,
    ]);
    rows.push([
      `first call on ${e.name} (frequency count)`,
      e.firstMs.toFixed(1),
      '',
      '',
      '',
      'the first preview counts concept frequencies, cached for ten minutes',
    ]);
    rows.push([
      `load on ${e.name}`,
      '',
      '',
      '',
      '',
      `rows ${seconds(e.rowsMs)}, search documents ${seconds(e.indexMs)}, index rebuild ${seconds(e.reindexMs)}; ` +
        `${e.size?.documents.toLocaleString('en')} index rows, index ${e.size?.index}, rows ${e.size?.rows}, database ${e.size?.db}`,
    ]);
  }
  return {
    title: `Matching at ${size.toLocaleString('en')} solutions and ${size.toLocaleString('en')} offers`,
    notes:
      `Data: ${size.toLocaleString('en')} published public solutions and ${size.toLocaleString('en')} open public offers ` +
      `from ${ORGANISATIONS} organisations, generated from lexicon labels in sentence frames in seven languages (mostly Chinese and English; ` +
      'one solution in ten also in English), with themes, SDG targets, modalities, countries, working languages and availability; ' +
      `real rows inserted ${CHUNK} at a time, then their search documents, then the index rebuilt and ANALYZE. ` +
      `${data.needs.length} need texts (two or three sentences, eight per language, half naming a country, some a modality) previewed ` +
      `for solutions and offers (limit 10) by a signed-in member, ${ROUNDS} rounds after a warm-up round. ` +
      'Times are the whole preview call (validation, retrieval, candidate rows, scoring, labels) in milliseconds; ' +
      '"pool" is the mean number of candidates retrieved and scored, "results" the mean number suggested (and how many texts got any). ' +
      'Targets: p95 ≤ 150 ms on PostgreSQL.',
    columns: ['measure', 'p50 ms', 'p95 ms', 'pool', 'results', 'notes'],
    rows,
  };
}
