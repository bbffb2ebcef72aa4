import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, rowsOf } from '../src/server/db/client.js';
import { SYSTEM } from '../src/server/modules/access/policy.js';
import { readIatiChunks } from '../src/server/modules/projects/iati/read.js';
import type { IatiActivity } from '../src/server/modules/projects/iati/types.js';
import { validateIatiXml } from '../src/server/modules/projects/iati/validate.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { createServices } from '../src/server/services.js';
import { openScratchPostgres } from '../tests/support/test-database.js';
import type { BenchResult } from './api.js';

/** Activities in all (IATI_BENCH_ACTIVITIES), split into files of this many, as publishers do. */
const TOTAL = Number(process.env.IATI_BENCH_ACTIVITIES ?? 100_000);
const PER_FILE = 10_000;
const COUNTRIES = ['KE', 'NE', 'ML', 'SN', 'VN', 'BD', 'HN', 'PE', 'ET', 'MG'];
const WORDS = [
  'school feeding',
  'early warning',
  'drip irrigation',
  'civil registration',
  'border management',
];

/**
 * A compact but complete 2.03 activity: two languages, participants, two countries, a sector, an
 * SDG tag, a budget, a commitment, a disbursement to the next activity and incoming funds from
 * the previous one (so counterpart links are made), and a result with an indicator.
 */
function activity(i: number): string {
  const publisher = `XM-BENCH-P${Math.floor(i / 1000)}`;
  const topic = WORDS[i % WORDS.length]!;
  const [a, b] = [COUNTRIES[i % COUNTRIES.length], COUNTRIES[(i + 3) % COUNTRIES.length]];
  const amount = `${250000 + (i % 997)}.50`;
  return `<iati-activity default-currency="USD" xml:lang="en" last-updated-datetime="2026-01-01T00:00:00Z">
 <iati-identifier>XM-BENCH-${i}</iati-identifier>
 <reporting-org ref="${publisher}" type="10"><narrative>Publisher ${publisher}</narrative></reporting-org>
 <title><narrative>${topic} programme ${i}</narrative><narrative xml:lang="fr">Programme ${i}</narrative></title>
 <description type="1"><narrative>South-South cooperation on ${topic}, sharing what worked between ministries (${i}).</narrative></description>
 <participating-org role="1" ref="${publisher}" type="10"><narrative>Publisher ${publisher}</narrative></participating-org>
 <participating-org role="4" type="10"><narrative>Ministry ${i % 50}</narrative></participating-org>
 <activity-status code="2"/>
 <activity-date type="1" iso-date="2025-01-01"/>
 <activity-date type="3" iso-date="2027-12-31"/>
 <recipient-country code="${a}" percentage="60"/>
 <recipient-country code="${b}" percentage="40"/>
 <sector vocabulary="1" code="11250" percentage="100"/>
 <tag vocabulary="2" code="4"/>
 <budget type="1" status="1"><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><value value-date="2025-01-01">500000</value></budget>
 <transaction><transaction-type code="2"/><transaction-date iso-date="2025-01-15"/><value value-date="2025-01-15">900000</value></transaction>
 <transaction><transaction-type code="3"/><transaction-date iso-date="2025-03-01"/><value value-date="2025-03-01">${amount}</value><receiver-org receiver-activity-id="XM-BENCH-${i + 1}"><narrative>Next</narrative></receiver-org></transaction>
 <transaction><transaction-type code="1"/><transaction-date iso-date="2025-03-02"/><value value-date="2025-03-02">${250000 + ((i - 1 + 997) % 997)}.50</value><provider-org provider-activity-id="XM-BENCH-${i - 1}"><narrative>Previous</narrative></provider-org></transaction>
 <result type="2"><title><narrative>Children reached</narrative></title><indicator measure="1" ascending="1"><title><narrative>Number of children</narrative></title><baseline year="2024" value="1000"/><period><period-start iso-date="2025-01-01"/><period-end iso-date="2025-12-31"/><target value="2000"/><actual value="1500"/></period></indicator></result>
</iati-activity>`;
}

function file(from: number, count: number): string {
  const body = Array.from({ length: count }, (_, k) => activity(from + k)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="2026-01-01T00:00:00Z">\n${body}\n</iati-activities>\n`;
}

const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000)).toLocaleString('en');
const seconds = (ms: number) => (ms / 1000).toFixed(1);

async function benchEngine(name: string, database: Database) {
  await database.migrate();
  await loadReferenceData(database.db);
  const services = createServices(database, { authSecret: randomBytes(32).toString('hex') });
  const timings = { validate: 0, read: 0, upsert: 0, update: 0 };
  let activities = 0;
  let firstFile: IatiActivity[] = [];
  for (let from = 0; from < TOTAL; from += PER_FILE) {
    const count = Math.min(PER_FILE, TOTAL - from);
    const xml = file(from, count);
    let start = performance.now();
    const errors = await validateIatiXml(xml, '2.03');
    timings.validate += performance.now() - start;
    if (errors.length) throw new Error(errors[0]!.message);
    start = performance.now();
    const read: IatiActivity[] = [];
    for await (const chunk of readIatiChunks(xml, { maxBytes: Number.POSITIVE_INFINITY })) {
      if (chunk.fileIssues.length || chunk.refused.length) throw new Error('the synthetic file was refused');
      read.push(...chunk.activities);
    }
    timings.read += performance.now() - start;
    start = performance.now();
    const stored = await services.iatiImport.importActivities({ viewer: SYSTEM }, `bench-${from}.xml`, read);
    timings.upsert += performance.now() - start;
    if (stored.created !== count) throw new Error(`${stored.created} of ${count} created`);
    activities += count;
    if (from === 0) firstFile = read;
    console.log(`  ${name}: ${activities} activities imported (${seconds(timings.read + timings.upsert)} s)`);
  }
  // Importing a file again replaces each project: the update path.
  let start = performance.now();
  const again = await services.iatiImport.importActivities({ viewer: SYSTEM }, 'bench-0.xml', firstFile);
  timings.update = performance.now() - start;
  if (again.updated !== firstFile.length) throw new Error('the re-import did not update every activity');
  start = performance.now();
  const [linked] = rowsOf<{ n: number }>(
    await database.db.execute(
      sql`SELECT count(*)::int AS n FROM project_transactions WHERE counterpart_id IS NOT NULL`,
    ),
  );
  await database.close();
  return { name, activities, linked: linked?.n ?? 0, timings, updated: firstFile.length };
}

/** Activities per second for IATI validation, reading (guard, validate, parse, map) and upserting. */
export async function benchIati(): Promise<BenchResult> {
  console.log(`IATI bench: ${TOTAL} activities in files of ${PER_FILE}`);
  const engines = [];
  if (process.env.DATABASE_URL)
    engines.push(
      await benchEngine(
        'PostgreSQL',
        await openScratchPostgres(process.env.DATABASE_URL, 'southbridge_bench'),
      ),
    );
  else engines.push(await benchEngine('PGlite', await openDatabase({ pgliteDir: 'memory://' })));
  const rows: string[][] = [];
  for (const e of engines) {
    rows.push(
      [
        'XSD validation alone (libxml2)',
        e.name,
        String(e.activities),
        seconds(e.timings.validate),
        perSecond(e.activities, e.timings.validate),
      ],
      [
        'read: guard + validate + parse + map, chunked',
        e.name,
        String(e.activities),
        seconds(e.timings.read),
        perSecond(e.activities, e.timings.read),
      ],
      [
        'store new activities (batches of 100)',
        e.name,
        String(e.activities),
        seconds(e.timings.upsert),
        perSecond(e.activities, e.timings.upsert),
      ],
      [
        'store again: re-import of one file (replace each)',
        e.name,
        String(e.updated),
        seconds(e.timings.update),
        perSecond(e.updated, e.timings.update),
      ],
      [
        'end to end (read + insert)',
        e.name,
        String(e.activities),
        seconds(e.timings.read + e.timings.upsert),
        perSecond(e.activities, e.timings.read + e.timings.upsert),
      ],
    );
  }
  return {
    title: `IATI import: ${TOTAL.toLocaleString('en')} activities`,
    notes:
      `Synthetic 2.03 files of ${PER_FILE.toLocaleString('en')} activities (two languages, two countries, a budget, ` +
      'three transactions with provider and receiver activity ids, a result with an indicator). Reading runs XSD ' +
      'validation in a worker while the previous chunk of 1,000 is parsed. New activities are stored 100 to a ' +
      'transaction with their budgets, transactions, audit entries, search rows and counterpart links; an activity ' +
      `already held is replaced on its own (${engines[0]?.linked.toLocaleString('en')} ` +
      'incoming transactions linked to the funder’s disbursement, so each flow counts once).',
    columns: ['step', 'database', 'activities', 'seconds', 'activities/s'],
    rows,
  };
}
