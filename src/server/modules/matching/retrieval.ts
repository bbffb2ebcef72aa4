import { type SQL, sql } from 'drizzle-orm';
import { textArray, uuidArray } from '../../db/arrays.js';
import { type DbOrTx, rowsOf } from '../../db/client.js';
import { visibleIndexRows } from '../../search/service.js';
import { tsqueryTerm } from '../../search/text.js';
import type { Viewer } from '../access/policy.js';

/**
 * Candidate retrieval: the search index narrows hundreds of thousands of records to a few hundred
 * worth scoring. A record is retrieved when it shares a concept with the probe (in any language)
 * or, in the probe's own language, at least two of its content words. The pre-score that orders
 * them is a cheap stand-in for the full score: the rarity-weighted concepts it holds, plus text rank.
 *
 * What makes retrieval cheap is how many index rows the query must read, so it only retrieves by
 * what is selective: the probe's concepts, highest weight (rarest) first, until the records they
 * find would exceed a budget; and words other than the most common ones. Everything the probe holds
 * still counts in the pre-score of the rows found.
 */

/** How many index rows are pre-scored into the candidate pool. */
export const POOL_SIZE = 300;
/** At most this many of the probe's words go into the text query. */
const MAX_TERMS = 24;
/**
 * Concepts retrieve, highest weight first, while the records they are found in add up to at most
 * this many, ten pools' worth (the first always does). A concept held by tens of thousands of
 * records would make the query read all of them to find a few hundred; the records that matter
 * share a rarer concept too. On the matching benchmark (200,000 records) it keeps 99 % of the top
 * ten that retrieving by every concept finds; a third less loses a tenth of them.
 */
export const CONCEPT_ROW_BUDGET = 3000;
/**
 * A word the index statistics find in more than this share of rows (and in more than
 * COMMON_TERM_MIN_ROWS) is too common to retrieve by: « government », « training », « 方面 ».
 */
export const COMMON_TERM_SHARE = 0.01;
const COMMON_TERM_MIN_ROWS = 500;

export type RetrievalQuery = {
  types: Array<'solution' | 'offer' | 'need'>;
  /**
   * Concepts with their retrieval weight (rarity; less for related concepts) and how many records
   * hold them.
   */
  concepts: Array<{ id: string; weight: number; documents: number }>;
  language: string;
  terms: string[];
  /** Records never to return (the probe itself). */
  exclude: string[];
  /** Words too common to retrieve by (see `commonTerms`); they still rank. */
  common?: ReadonlySet<string>;
  /** The probe's words outside the concept labels it holds (all words count as such if absent). */
  unlabelled?: ReadonlySet<string>;
};

export type RetrievedDocument = {
  type: 'solution' | 'offer' | 'need';
  id: string;
  /** Concepts the index found in any of its languages. */
  concepts: string[];
  /**
   * The probe's words its text in the probe's language holds, as the index stored that text (the
   * same `indexTerms` the scorer's `lexicalEvidence` applies); null when it has no such text.
   */
  sameLanguageTerms: string[] | null;
};

/** Published index rows the viewer may read (staff too: matching suggests only published records). */
function readable(viewer: Viewer): SQL {
  return sql`d.is_published AND ${visibleIndexRows(viewer)}`;
}

const literal = (value: number) => sql.raw(value.toFixed(4));

/** The concepts to retrieve by: highest weight first, within the row budget. */
export function retrievalConceptIds(concepts: RetrievalQuery['concepts']): string[] {
  const ordered = [...concepts].sort(
    (a, b) => b.weight - a.weight || a.documents - b.documents || a.id.localeCompare(b.id),
  );
  const ids: string[] = [];
  let rows = 0;
  for (const concept of ordered) {
    if (ids.length > 0 && rows + concept.documents > CONCEPT_ROW_BUDGET) continue;
    ids.push(concept.id);
    rows += concept.documents;
  }
  return ids;
}

/**
 * The text query to retrieve by: two of the probe's words that are not common, at least one of them
 * outside the concept labels the probe holds (those retrieve through their concepts). One shared
 * word is worth at most a quarter of WORDING, under MIN_TOPICAL_SCORE (weights.ts), so a candidate
 * sharing one word and no concept is not suggested on its wording. GIN evaluates the pairs inside
 * the index, so rows holding only common or labelled words are never read. A probe of one word
 * retrieves by it unless it is common.
 */
export function retrievalTsquery(
  terms: string[],
  common: ReadonlySet<string> = new Set(),
  unlabelled?: ReadonlySet<string>,
): string | null {
  const selective = [...new Set(terms.filter((term) => !common.has(term)))];
  const free = selective.filter((term) => !unlabelled || unlabelled.has(term));
  const labelled = selective.filter((term) => !free.includes(term));
  if (terms.length === 1) return free.length ? tsqueryTerm(free[0]!) : null;
  const any = (words: string[]) => words.map((word) => tsqueryTerm(word)).join(' | ');
  // A free word with a labelled one, or two free words: the same as every pair, in a much smaller
  // query (GIN tests it against each row holding any of the words).
  const parts = free.length && labelled.length ? [`(${any(free)}) & (${any(labelled)})`] : [];
  free.forEach((term, i) => {
    for (const other of free.slice(i + 1)) parts.push(`${tsqueryTerm(term)} & ${tsqueryTerm(other)}`);
  });
  return parts.length ? parts.map((part) => `(${part})`).join(' | ') : null;
}

/** The candidate pool for a probe: distinct records, best pre-score first. */
export async function retrieve(
  tx: DbOrTx,
  viewer: Viewer,
  query: RetrievalQuery,
): Promise<RetrievedDocument[]> {
  const terms = query.terms.slice(0, MAX_TERMS);
  const tsquery = terms.length ? terms.map((term) => tsqueryTerm(term)).join(' | ') : null;
  const pairs = retrievalTsquery(terms, query.common, query.unlabelled);
  const conceptIds = retrievalConceptIds(query.concepts);
  if (!pairs && conceptIds.length === 0) return [];
  const conceptScore = query.concepts.length
    ? sql.join(
        query.concepts.map((c) => sql`(d.concepts @> ARRAY[${c.id}]::text[])::int * ${literal(c.weight)}`),
        sql` + `,
      )
    : sql`0`;
  const textScore = tsquery
    ? sql`CASE WHEN d.language = ${query.language} AND d.terms @@ ${tsquery}::tsquery
        THEN ts_rank(d.terms, ${tsquery}::tsquery) ELSE 0 END`
    : sql`0`;
  // One branch per way of being found, each answered by its own GIN index and cut to the pool
  // size: with an OR of the two, the planner may scan the whole table and test every row's words.
  const branch = (match: SQL) => sql`(
    SELECT d.entity_type, d.entity_id, d.concepts, (${conceptScore}) + 2 * ${textScore} AS score
    FROM search_documents d
    WHERE d.entity_type = ANY(${textArray(query.types)})
      AND ${readable(viewer)}
      AND ${match}
      ${query.exclude.length ? sql`AND NOT (d.entity_id = ANY(${uuidArray(query.exclude)}))` : sql``}
    ORDER BY score DESC, d.entity_id
    LIMIT ${POOL_SIZE})`;
  const branches = [
    ...(conceptIds.length ? [branch(sql`d.concepts && ${textArray(conceptIds)}`)] : []),
    ...(pairs ? [branch(sql`d.language = ${query.language} AND d.terms @@ ${pairs}::tsquery`)] : []),
  ];
  const pool = rowsOf<{ entity_type: RetrievedDocument['type']; entity_id: string; concepts: string[] }>(
    await tx.execute(sql`
      SELECT u.entity_type, u.entity_id, u.concepts
      FROM (${sql.join(branches, sql` UNION `)}) u
      ORDER BY u.score DESC, u.entity_id
      LIMIT ${POOL_SIZE}`),
  );
  const byId = new Map<string, RetrievedDocument>();
  for (const row of pool)
    if (!byId.has(row.entity_id))
      byId.set(row.entity_id, {
        type: row.entity_type,
        id: row.entity_id,
        concepts: row.concepts,
        sameLanguageTerms: null,
      });
  if (byId.size === 0) return [];
  // The words are read from the index rather than by segmenting each text again here. By type, id
  // and language: the index's unique key, so each row is one index lookup.
  const held = rowsOf<{ entity_id: string; terms: string[] }>(
    await tx.execute(sql`
      SELECT d.entity_id, ARRAY(
          SELECT unnest(tsvector_to_array(d.terms)) INTERSECT SELECT unnest(${textArray(query.terms)})
        ) AS terms
      FROM search_documents d
      WHERE d.entity_type = ANY(${textArray(query.types)})
        AND d.entity_id = ANY(${uuidArray([...byId.keys()])}) AND d.language = ${query.language}`),
  );
  for (const row of held) {
    const doc = byId.get(row.entity_id);
    if (doc) doc.sameLanguageTerms = row.terms;
  }
  return [...byId.values()];
}

/**
 * Words too common to retrieve by, from the statistics PostgreSQL keeps on the index (its most
 * common words and their share of rows, gathered by ANALYZE or autovacuum). Without statistics
 * (a new or small database) no word is common.
 */
export async function commonTerms(tx: DbOrTx): Promise<Set<string>> {
  const [stats] = rowsOf<{ terms: string[] | null; shares: number[] | null; rows: number }>(
    await tx.execute(sql`
      SELECT s.most_common_elems::text::text[] AS terms, s.most_common_elem_freqs AS shares,
        c.reltuples::float8 AS rows
      FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename
        AND c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = s.schemaname)
      WHERE s.schemaname = current_schema() AND s.tablename = 'search_documents' AND s.attname = 'terms'`),
  );
  const common = new Set<string>();
  if (!stats?.terms || !stats.shares) return common;
  stats.terms.forEach((term, i) => {
    const share = stats.shares![i]!;
    if (share > COMMON_TERM_SHARE && share * stats.rows > COMMON_TERM_MIN_ROWS) common.add(term);
  });
  return common;
}

/** How many published records carry each concept, and how many there are: for rarity weights. */
export async function conceptFrequencies(
  tx: DbOrTx,
): Promise<{ frequency: Map<string, number>; documents: number }> {
  const rows = rowsOf<{ concept: string; n: number }>(
    await tx.execute(sql`
      SELECT c AS concept, count(DISTINCT d.entity_id)::int AS n
      FROM search_documents d, unnest(d.concepts) AS c
      WHERE d.is_published AND d.entity_type IN ('solution', 'offer', 'need')
      GROUP BY c`),
  );
  const [total] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      SELECT count(DISTINCT entity_id)::int AS n FROM search_documents
      WHERE is_published AND entity_type IN ('solution', 'offer', 'need')`),
  );
  return { frequency: new Map(rows.map((row) => [row.concept, row.n])), documents: total?.n ?? 0 };
}
