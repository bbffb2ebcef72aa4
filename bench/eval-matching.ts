import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { openDatabase } from '../src/server/db/client.js';
import { ANONYMOUS } from '../src/server/modules/access/policy.js';
import { dataFilesDir } from '../src/server/paths.js';
import { loadDemoContent } from '../src/server/seed/demo.js';
import { OfferFile, readDataFile, SolutionFile } from '../src/server/seed/files.js';
import { loadReferenceData } from '../src/server/seed/reference.js';
import { createServices } from '../src/server/services.js';
import type { BenchResult } from './api.js';

const EvalFile = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      language: z.string(),
      country: z.string().optional(),
      title: z.string(),
      text: z.string(),
      modalities: z.array(z.string()).optional(),
      gold: z.array(z.object({ type: z.enum(['solution', 'offer']), id: z.string() })).min(1),
    }),
  ),
});

/** How deep the ranking is read: gold items below this count as not found. */
const DEPTH = 10;
export const TARGETS = { hit5: 0.85, mrr: 0.65 };

type Tally = { n: number; hit1: number; hit5: number; rr: number };
const empty = (): Tally => ({ n: 0, hit1: 0, hit5: 0, rr: 0 });
function add(tally: Tally, rank: number | null) {
  tally.n++;
  if (rank === 1) tally.hit1++;
  if (rank !== null && rank <= 5) tally.hit5++;
  if (rank !== null) tally.rr += 1 / rank;
}
const fmt = (x: number) => x.toFixed(3);
const row = (name: string, t: Tally) => [
  name,
  String(t.n),
  fmt(t.hit1 / t.n),
  fmt(t.hit5 / t.n),
  fmt(t.rr / t.n),
];

/**
 * The matching evaluation: every need of data/eval/matching.json goes through the preview (as a
 * visitor, on the demo content), and its rank is the best rank of any of its gold items.
 * Per language pair, each gold item counts on its own (need language → item language).
 */
export async function evalMatching(): Promise<BenchResult & { misses: string[]; overall: Tally }> {
  const database = await openDatabase({ pgliteDir: 'memory://' });
  await database.migrate();
  await loadReferenceData(database.db);
  const services = createServices(database, { authSecret: randomBytes(32).toString('hex') });
  await loadDemoContent(database.db);
  await services.reindexAll();

  const { items } = EvalFile.parse(
    JSON.parse(readFileSync(join(dataFilesDir, 'eval/matching.json'), 'utf8')),
  );
  const languageOf = new Map<string, string>([
    ...readDataFile('demo/solutions.json', SolutionFile).map(
      (s) => [`solution:${s.id}`, s.language] as const,
    ),
    ...readDataFile('demo/offers.json', OfferFile).map((o) => [`offer:${o.id}`, o.language] as const),
  ]);

  const overall = empty();
  const byLanguage = new Map<string, Tally>();
  const byPair = new Map<string, Tally>();
  const misses: string[] = [];
  let crossGold = 0;
  let gold = 0;
  for (const item of items) {
    const result = await services.matching.preview(
      ANONYMOUS,
      {
        text: `${item.title}\n${item.text}`,
        language: item.language,
        country: item.country,
        modalities: item.modalities,
        types: ['solution', 'offer'],
        limit: DEPTH,
      },
      'en',
    );
    const ranked = result.items.map((r) => `${r.type}:${r.slug}`);
    const rankOf = (key: string) => {
      const index = ranked.indexOf(key);
      return index < 0 ? null : index + 1;
    };
    const ranks = item.gold.map((g) => rankOf(`${g.type}:${g.id}`));
    const best = ranks.reduce<number | null>((a, b) => (b !== null && (a === null || b < a) ? b : a), null);
    add(overall, best);
    const language = byLanguage.get(item.language) ?? empty();
    add(language, best);
    byLanguage.set(item.language, language);
    item.gold.forEach((g, i) => {
      const goldLanguage = languageOf.get(`${g.type}:${g.id}`) ?? '?';
      gold++;
      if (goldLanguage !== item.language) crossGold++;
      const pair = `${item.language} → ${goldLanguage}`;
      const tally = byPair.get(pair) ?? empty();
      add(tally, ranks[i]!);
      byPair.set(pair, tally);
    });
    if (best === null || best > 5) {
      const top = result.items
        .slice(0, 3)
        .map((r) => `${r.type}:${r.slug} ${r.score} [${r.reasons.map((x) => x.kind).join(', ')}]`);
      misses.push(
        `${item.id} (${item.language}) gold ${item.gold.map((g, i) => `${g.id}@${ranks[i] ?? '—'}`).join(', ')}; top: ${top.join(' | ')}`,
      );
    }
  }
  await database.close();

  const rows = [
    row('all needs', overall),
    ...[...byLanguage].sort().map(([language, t]) => row(`needs in ${language}`, t)),
    ...[...byPair].sort().map(([pair, t]) => row(`gold ${pair}`, t)),
  ];
  return {
    title: 'Matching evaluation (labelled needs)',
    notes:
      `${items.length} needs written in seven languages (data/eval/matching.json), each with the solutions or offers that belong in its top five; ` +
      `${gold} gold items, ${Math.round((100 * crossGold) / gold)}% in another language than the need. Run through the preview on the demo content as a visitor, ` +
      `ranking ${DEPTH} deep. A need's rank is the best rank of its gold items; language-pair rows count each gold item alone. ` +
      `Targets: hit@5 ≥ ${TARGETS.hit5}, MRR ≥ ${TARGETS.mrr}. Misses: ${misses.length}.`,
    columns: ['set', 'n', 'hit@1', 'hit@5', 'MRR'],
    rows,
    misses,
    overall,
  };
}
