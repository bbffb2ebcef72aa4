import { type SQL, sql } from 'drizzle-orm';
import { textArray } from '../db/arrays.js';
import type { Db } from '../db/client.js';
import { rowsOf } from '../db/client.js';
import { escapeLike } from '../db/like.js';
import { AppError } from '../errors.js';
import { decodeCursor, encodeCursor } from '../http/pagination.js';
import { isStaff, type Viewer, visibleWhere } from '../modules/access/policy.js';
import type { ReferenceService } from '../modules/reference/service.js';
import { SEARCH_TYPE_PATHS, type SearchType } from './documents.js';
import { matchSpans, snippet } from './highlight.js';
import type { Lexicon } from './lexicon.js';
import type { SearchFilters, SearchResponseBody } from './schema.js';
import { guessLanguage, isCjk, queryTerms, tokenize, tsqueryTerm } from './text.js';

/** How much each kind of evidence counts in the score. */
const WEIGHTS = { text: 4, concept: 1, narrower: 0.4 };

/** Exact terms and concepts first; trigram typo matching only when those find nothing. */
type MatchMode = 'exact' | 'fuzzy';
const MAX_OFFSET = 5000;

export type ParsedQuery = {
  text: string;
  language: string;
  terms: string[];
  tsquery: string | null;
  concepts: string[];
  expanded: string[];
  /** Folded words for trigram typo matching, or null when the query is unsuited (too short or long, or Chinese). */
  fuzzy: string | null;
};

/** Trigram matching suits one to four words of Latin, Cyrillic or Arabic script. */
function fuzzyText(q: string, language: string): string | null {
  const words = tokenize(q, language);
  const text = words.join(' ');
  if (words.length === 0 || words.length > 4 || text.length < 4 || words.some(isCjk)) return null;
  return text;
}

/** Segments, folds and tags a query the same way documents were indexed. */
export function parseQuery(q: string, readerLanguage: string, lexicon: Lexicon): ParsedQuery {
  const language = guessLanguage(q, readerLanguage);
  const terms = queryTerms(q, language);
  const last = terms.length - 1;
  // The last word is matched as a prefix, so partial words find their completion.
  const tsquery = terms.length
    ? terms.map((term, i) => tsqueryTerm(term, i === last && !isCjk(term) && term.length >= 2)).join(' & ')
    : null;
  const concepts = lexicon.conceptsIn(q, language);
  return {
    text: q,
    language,
    terms,
    tsquery,
    concepts,
    expanded: lexicon.withNarrower(concepts, 1),
    fuzzy: fuzzyText(q, language),
  };
}

/** The result offset a search cursor stands for; 400 naming `cursor` for anything else. */
function offsetFrom(cursor: string | undefined): number {
  if (!cursor) return 0;
  const [offset] = decodeCursor(cursor, 1);
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) {
    throw new AppError('bad_request', 'The cursor is not valid; use the nextCursor of a previous page', [
      { field: 'query.cursor', message: 'Invalid cursor' },
    ]);
  }
  return offset;
}

type Row = {
  entity_type: SearchType;
  entity_id: string;
  score: number;
  slug: string;
  language: string;
  original_language: string;
  title: string;
  body: string;
  concepts: string[];
};

type Deps = { db: Db; reference: ReferenceService; lexicon: Lexicon };

/** The index rows (aliased `d`) whose record the viewer may read, by its visibility columns. */
export function visibleIndexRows(viewer: Viewer): SQL {
  return visibleWhere(viewer, {
    visibility: sql`d.visibility`,
    owner: sql`d.owner_id`,
    organisation: sql`d.organisation_id`,
    workingGroup: sql`d.working_group_id`,
  });
}

/** Full-text, cross-lingual and typo-tolerant search over every searchable record. */
export function createSearchService({ db, reference, lexicon }: Deps) {
  /** What the viewer may see: visibility, and published records unless they are staff. */
  function permitted(viewer: Viewer): SQL[] {
    const parts = [visibleIndexRows(viewer)];
    if (!isStaff(viewer)) parts.push(sql`d.is_published`);
    return parts;
  }

  /** The WHERE clause: permissions first, then filters, then the match itself. */
  function conditions(viewer: Viewer, filters: SearchFilters, query: ParsedQuery, mode: MatchMode): SQL {
    const parts = permitted(viewer);
    if (filters.type?.length) parts.push(sql`d.entity_type = ANY(${textArray(filters.type)})`);
    if (filters.theme?.length) parts.push(sql`d.themes && ${textArray(filters.theme)}`);
    if (filters.sdg?.length) {
      const goals = filters.sdg.filter((code) => !code.includes('.'));
      const targets = filters.sdg.filter((code) => code.includes('.'));
      const either: SQL[] = [];
      if (goals.length) either.push(sql`d.sdg_goals && ${textArray(goals)}`);
      if (targets.length) either.push(sql`d.sdg_targets && ${textArray(targets)}`);
      parts.push(sql`(${sql.join(either, sql` OR `)})`);
    }
    if (filters.region) parts.push(sql`${filters.region} = ANY(d.regions)`);
    if (filters.country?.length) parts.push(sql`d.countries && ${textArray(filters.country)}`);
    if (filters.language) parts.push(sql`d.original_language = ${filters.language}`);
    if (query.text && mode === 'fuzzy') {
      parts.push(query.fuzzy ? sql`${query.fuzzy} <% d.fuzzy` : sql`false`);
    } else if (query.text) {
      const match: SQL[] = [];
      if (query.tsquery) match.push(sql`d.terms @@ ${query.tsquery}::tsquery`);
      if (query.expanded.length) match.push(sql`d.concepts && ${textArray(query.expanded)}`);
      parts.push(match.length ? sql`(${sql.join(match, sql` OR `)})` : sql`false`);
    }
    return sql.join(parts, sql` AND `);
  }

  function scoreOf(query: ParsedQuery, mode: MatchMode): SQL {
    if (!query.text) return sql`0`;
    if (mode === 'fuzzy') return query.fuzzy ? sql`word_similarity(${query.fuzzy}, d.fuzzy)` : sql`0`;
    const text = query.tsquery
      ? sql`CASE WHEN d.terms @@ ${query.tsquery}::tsquery THEN ts_rank(d.terms, ${query.tsquery}::tsquery) ELSE 0 END`
      : sql`0`;
    // The share of the query's concepts a record holds, as a sum of containment tests (cheaper
    // per row than unnesting the array).
    const direct = query.concepts.length
      ? sql`(${sql.join(
          query.concepts.map((id) => sql`(d.concepts @> ARRAY[${id}]::text[])::int`),
          sql` + `,
        )})::real / ${sql.raw(String(query.concepts.length))}`
      : sql`0`;
    const narrower =
      query.expanded.length > query.concepts.length
        ? sql`(CASE WHEN d.concepts && ${textArray(query.expanded)} THEN 1 ELSE 0 END)`
        : sql`0`;
    // Weights are our own constants, written into the SQL so PostgreSQL types them as numbers.
    const w = (value: number) => sql.raw(value.toFixed(3));
    return sql`(${w(WEIGHTS.text)} * ${text} + ${w(WEIGHTS.concept)} * ${direct} + ${w(WEIGHTS.narrower)} * ${narrower})`;
  }

  async function facetLabels(lang: string, facets: Array<{ facet: string; value: string; count: number }>) {
    const [themes, sdgs, regions, countryNames] = await Promise.all([
      reference.termLabels('theme', lang),
      reference.listSdgs(lang),
      reference.listRegions(lang),
      reference.countryNames(
        facets.filter((f) => f.facet === 'country').map((f) => f.value),
        lang,
      ),
    ]);
    const goalLabels = new Map(sdgs.map((g) => [g.code, `${g.code}. ${g.short}`]));
    const regionLabels = new Map(regions.map((r) => [r.m49, r.name]));
    const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
    const label = (facet: string, value: string): string => {
      switch (facet) {
        case 'theme':
          return themes.get(value) ?? value;
        case 'sdg':
          return goalLabels.get(value) ?? value;
        case 'region':
          return regionLabels.get(value) ?? value;
        case 'country':
          return countryNames.get(value) ?? value;
        case 'language':
          return languageNames.of(value) ?? value;
        default:
          return value;
      }
    };
    const out: SearchResponseBody['facets'] = {
      type: [],
      theme: [],
      sdg: [],
      region: [],
      country: [],
      language: [],
    };
    for (const f of facets) {
      out[f.facet as keyof typeof out]?.push({
        value: f.value,
        label: label(f.facet, f.value),
        count: f.count,
      });
    }
    for (const list of Object.values(out))
      list.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
    return out;
  }

  /**
   * One statement: the matching records are computed once (MATERIALIZED), then the page (each
   * record's text in the reader's language where it exists, else English, else the original) and
   * the facet counts are both read from them.
   */
  async function run(
    viewer: Viewer,
    filters: SearchFilters,
    query: ParsedQuery,
    offset: number,
    mode: MatchMode,
  ) {
    const where = conditions(viewer, filters, query, mode);
    // One row per record: its best-scoring language row, which also carries the facet columns
    // (the same in every language row of a record), so facets need no second lookup.
    const hits = sql`SELECT DISTINCT ON (d.entity_type, d.entity_id)
        d.entity_type, d.entity_id, ${scoreOf(query, mode)} AS score, d.updated_at,
        d.original_language, d.themes, d.sdg_goals, d.regions, d.countries
      FROM search_documents d WHERE ${where}
      ORDER BY d.entity_type, d.entity_id, score DESC`;
    const result = await db.transaction(async (tx) => {
      // Typos in two or three words fall below pg_trgm's default 0.6 word similarity; 0.4
      // catches them while the score still ranks exact matches first.
      await tx.execute(sql`SET LOCAL pg_trgm.word_similarity_threshold = 0.4`);
      // Every match condition has a GIN index; a sequential scan that evaluates array overlap or
      // tsquery on every row is never the faster plan here, though row estimates can suggest it.
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return tx.execute(sql`
        WITH hits AS MATERIALIZED (${hits}),
        page AS (
          SELECT * FROM hits ORDER BY score DESC, updated_at DESC, entity_id
          LIMIT ${filters.limit + 1} OFFSET ${offset}
        ),
        items AS (
          SELECT DISTINCT ON (p.score, p.updated_at, p.entity_id)
            p.entity_type, p.entity_id, p.score, p.updated_at, d.slug, d.language, d.original_language,
            d.title, d.body, d.concepts
          FROM page p JOIN search_documents d ON d.entity_type = p.entity_type AND d.entity_id = p.entity_id
          ORDER BY p.score DESC, p.updated_at DESC, p.entity_id,
            (d.language = ${filters.lang}) DESC, (d.language = 'en') DESC, (d.language = d.original_language) DESC
        ),
        facets AS (
          SELECT 'total' AS facet, '' AS value, count(*)::int AS count FROM hits
          UNION ALL SELECT 'type', entity_type, count(*)::int FROM hits GROUP BY entity_type
          UNION ALL SELECT 'theme', t, count(*)::int FROM hits, unnest(themes) t GROUP BY t
          UNION ALL SELECT 'sdg', g, count(*)::int FROM hits, unnest(sdg_goals) g GROUP BY g
          UNION ALL SELECT 'region', r, count(*)::int FROM hits, unnest(regions) r GROUP BY r
          UNION ALL SELECT 'country', c, count(*)::int FROM hits, unnest(countries) c GROUP BY c
          UNION ALL SELECT 'language', original_language, count(*)::int FROM hits GROUP BY original_language
        )
        SELECT
          (SELECT coalesce(json_agg(i ORDER BY i.score DESC, i.updated_at DESC, i.entity_id), '[]'::json) FROM items i) AS items,
          (SELECT coalesce(json_agg(f), '[]'::json) FROM facets f) AS facets`);
    });

    const [combined] = rowsOf<{
      items: Row[];
      facets: Array<{ facet: string; value: string; count: number }>;
    }>(result);
    return combined;
  }

  return {
    parse: (q: string, lang: string) => parseQuery(q, lang, lexicon),

    /**
     * A subquery of the ids of records of one type whose indexed text (title, body, concepts) matches
     * `q`, for a module's own list to filter on with `id IN (…)`; the module applies visibility.
     */
    matchingIds(type: SearchType, q: string, lang: string): SQL {
      const query = parseQuery(q, lang, lexicon);
      const match: SQL[] = [];
      if (query.tsquery) match.push(sql`d.terms @@ ${query.tsquery}::tsquery`);
      if (query.expanded.length) match.push(sql`d.concepts && ${textArray(query.expanded)}`);
      return sql`(SELECT d.entity_id FROM search_documents d WHERE d.entity_type = ${type} AND ${
        match.length ? sql`(${sql.join(match, sql` OR `)})` : sql`false`
      })`;
    },

    async search(viewer: Viewer, filters: SearchFilters): Promise<SearchResponseBody> {
      const query = parseQuery(filters.q, filters.lang, lexicon);
      const offset = offsetFrom(filters.cursor);
      let combined = await run(viewer, filters, query, offset, 'exact');
      if (query.fuzzy && (combined?.facets.find((f) => f.facet === 'total')?.count ?? 0) === 0) {
        combined = await run(viewer, filters, query, offset, 'fuzzy');
      }
      const rows = combined?.items ?? [];
      const facetRows = combined?.facets ?? [];
      const total = facetRows.find((f) => f.facet === 'total')?.count ?? 0;
      const hasMore = rows.length > filters.limit;
      const wanted = new Set(query.expanded);
      const items = rows.slice(0, filters.limit).map((row) => {
        const matched = row.concepts.filter((id) => wanted.has(id));
        const spans = matchSpans(row.body, row.language, { terms: query.terms, concepts: matched }, lexicon);
        return {
          type: row.entity_type,
          id: row.entity_id,
          slug: row.slug,
          title: row.title,
          snippet: snippet(row.body, spans),
          language: row.language,
          originalLanguage: row.original_language,
          score: Math.round(Number(row.score) * 1000) / 1000,
          matchedConcepts: matched.map((id) => ({ id, label: lexicon.label(id, filters.lang) })),
          url: `/${filters.lang}/${SEARCH_TYPE_PATHS[row.entity_type]}/${row.slug}`,
        };
      });
      const broader = [...new Set(query.concepts.flatMap((id) => lexicon.concepts.get(id)?.broader ?? []))];
      return {
        items,
        facets: await facetLabels(
          filters.lang,
          facetRows.filter((f) => f.facet !== 'total'),
        ),
        total,
        nextCursor: hasMore ? encodeCursor([offset + filters.limit]) : null,
        query: {
          terms: query.terms,
          concepts: query.concepts.map((id) => ({ id, label: lexicon.label(id, filters.lang) })),
          broader: broader.map((id) => ({ id, label: lexicon.label(id, filters.lang) })),
        },
      };
    },

    /** Completions for a partial query: concept labels, then titles, in the reader's language first. */
    async suggest(viewer: Viewer, q: string, lang: string, limit: number) {
      const folded = tokenize(q, guessLanguage(q, lang)).join(' ');
      const concepts = lexicon.complete(folded, lang, limit);
      const titles = rowsOf<{ title: string }>(
        await db.execute(sql`
          SELECT DISTINCT ON (d.title) d.title FROM search_documents d
          WHERE ${sql.join(permitted(viewer), sql` AND `)}
            AND (d.language = ${lang} OR d.language = d.original_language)
            AND (d.fuzzy ILIKE ${`${escapeLike(folded)}%`} OR d.fuzzy ILIKE ${`% ${escapeLike(folded)}%`})
          ORDER BY d.title LIMIT ${limit}`),
      );
      return [
        ...concepts.map((text) => ({ text, kind: 'concept' as const })),
        ...titles.map((row) => ({ text: row.title, kind: 'title' as const })),
      ].slice(0, limit);
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
