import { type SQL, sql } from 'drizzle-orm';
import { textArray, uuidArray } from '../../db/arrays.js';
import { type DbOrTx, rowsOf } from '../../db/client.js';
import { tsqueryTerm } from '../../search/text.js';
import { type Viewer, visibleWhere } from '../access/policy.js';

/**
 * Candidate retrieval: the search index narrows hundreds of thousands of records to a few hundred
 * worth scoring. A record is retrieved when it shares a concept with the probe (in any language)
 * or, in the probe's own language, one of its content words. The pre-score that orders them is a
 * cheap stand-in for the full score: the rarity-weighted concepts it holds, plus text rank.
 */

/** How many index rows are pre-scored into the candidate pool. */
export const POOL_SIZE = 300;
/** At most this many of the probe's words go into the text query. */
const MAX_TERMS = 24;

export type RetrievalQuery = {
  types: Array<'solution' | 'offer' | 'need'>;
  /** Concepts with their retrieval weight (rarity; less for related concepts). */
  concepts: Array<{ id: string; weight: number }>;
  language: string;
  terms: string[];
  /** Records never to return (the probe itself). */
  exclude: string[];
};

export type RetrievedDocument = {
  type: 'solution' | 'offer' | 'need';
  id: string;
  /** Concepts the index found in any of its languages. */
  concepts: string[];
  /** Its text in the probe's language, when it has one (for same-language wording). */
  sameLanguageText: string | null;
  /** The language of that text. */
  textLanguage: string | null;
};

/** Index rows the viewer may read, as the search service filters them. */
function readable(viewer: Viewer): SQL {
  return sql`d.is_published AND ${visibleWhere(viewer, {
    visibility: sql`d.visibility`,
    owner: sql`d.owner_id`,
    organisation: sql`d.organisation_id`,
    workingGroup: sql`d.working_group_id`,
  })}`;
}

const literal = (value: number) => sql.raw(value.toFixed(4));

/** The candidate pool for a probe: distinct records, best pre-score first. */
export async function retrieve(
  tx: DbOrTx,
  viewer: Viewer,
  query: RetrievalQuery,
): Promise<RetrievedDocument[]> {
  const terms = query.terms.slice(0, MAX_TERMS);
  const tsquery = terms.length ? terms.map((term) => tsqueryTerm(term)).join(' | ') : null;
  const conceptIds = query.concepts.map((c) => c.id);
  if (!tsquery && conceptIds.length === 0) return [];
  const textMatch = tsquery
    ? sql`(d.language = ${query.language} AND d.terms @@ ${tsquery}::tsquery)`
    : sql`false`;
  const conceptMatch = conceptIds.length ? sql`d.concepts && ${textArray(conceptIds)}` : sql`false`;
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
  const pool = rowsOf<{ entity_type: RetrievedDocument['type']; entity_id: string; concepts: string[] }>(
    await tx.execute(sql`
      SELECT d.entity_type, d.entity_id, d.concepts
      FROM search_documents d
      WHERE d.entity_type = ANY(${textArray(query.types)})
        AND ${readable(viewer)}
        AND (${conceptMatch} OR ${textMatch})
        ${query.exclude.length ? sql`AND NOT (d.entity_id = ANY(${uuidArray(query.exclude)}))` : sql``}
      ORDER BY (${conceptScore}) + 2 * ${textScore} DESC, d.entity_id
      LIMIT ${POOL_SIZE}`),
  );
  const byId = new Map<string, RetrievedDocument>();
  for (const row of pool)
    if (!byId.has(row.entity_id))
      byId.set(row.entity_id, {
        type: row.entity_type,
        id: row.entity_id,
        concepts: row.concepts,
        sameLanguageText: null,
        textLanguage: null,
      });
  if (byId.size === 0) return [];
  const texts = rowsOf<{ entity_id: string; title: string; body: string }>(
    await tx.execute(sql`
      SELECT d.entity_id, d.title, d.body FROM search_documents d
      WHERE d.entity_id = ANY(${uuidArray([...byId.keys()])}) AND d.language = ${query.language}`),
  );
  for (const row of texts) {
    const doc = byId.get(row.entity_id);
    if (doc) {
      doc.sameLanguageText = `${row.title}\n${row.body}`;
      doc.textLanguage = query.language;
    }
  }
  return [...byId.values()];
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
