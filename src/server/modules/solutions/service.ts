import { and, arrayOverlaps, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DashboardDimension } from '../../../shared/dashboard.js';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.js';
import { countByKeys } from '../../db/dimension-counts.js';
import { containsPattern } from '../../db/like.js';
import { type SolutionText, solutions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, collectPages, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { SearchableDocument } from '../../search/documents.js';
import type { Viewer } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import { readableSolutions } from './policy.js';
import type { SolutionListFilters, SolutionSummary } from './schema.js';

type Row = typeof solutions.$inferSelect;
export type SolutionRow = Row;

/** How a solution appears in the search index: every language's title, summary and description. */
export function solutionSearchDocument(row: Row): SearchableDocument {
  return {
    type: 'solution',
    id: row.id,
    slug: row.slug,
    originalLanguage: row.language,
    texts: Object.fromEntries(
      Object.entries(row.texts).map(([language, text]) => [
        language,
        { title: text.title, body: [text.summary, text.description].filter(Boolean).join('\n') },
      ]),
    ),
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    countries: [...new Set([...row.countries, ...row.replicatedIn])],
    visibility: row.visibility,
    isPublished: row.status === 'published',
    ...recordScope(row),
  };
}

// Sort on milliseconds: JavaScript dates (and so cursors) hold milliseconds, PostgreSQL microseconds.
const keys: SortKey<Row>[] = [
  {
    expr: sql`date_trunc('milliseconds', ${solutions.updatedAt})`,
    cast: 'timestamptz',
    of: (row) => row.updatedAt.toISOString(),
  },
  { expr: solutions.id, cast: 'uuid', of: (row) => row.id },
];

/** Chooses the text version to show and says how it was produced. */
function pickVersion(row: Row, lang: string): { language: string; text: SolutionText } {
  const language = pickLanguage(row.texts, lang, row.language);
  return { language, text: row.texts[language]! };
}

type Deps = { db: Db; reference: ReferenceService; organisations: OrganisationsService };

/** The knowledge base of solutions: good practices other countries can adapt. */
export function createSolutionsService({ db, reference, organisations }: Deps) {
  async function present(viewer: Viewer, rows: Row[], lang: string): Promise<SolutionSummary[]> {
    const [countryNames, themeLabels, modalityLabels, providers] = await Promise.all([
      reference.countryNames(
        rows.flatMap((row) => [...row.countries, ...row.replicatedIn]),
        lang,
      ),
      reference.termLabels('theme', lang),
      reference.termLabels('modality', lang),
      organisations.summaries(viewer, [...new Set(rows.flatMap((row) => row.providerIds))], lang),
    ]);
    const providerById = new Map(providers.map((p) => [p.id, p]));
    return rows.map((row) => {
      const version = pickVersion(row, lang);
      return {
        id: row.id,
        slug: row.slug,
        title: version.text.title,
        summary: version.text.summary,
        countries: row.countries.map((iso3) => ({ iso3, name: countryNames.get(iso3) ?? iso3 })),
        providers: row.providerIds.flatMap((id) => providerById.get(id) ?? []),
        themes: row.themes.map((id) => ({ id, label: themeLabels.get(id) ?? id })),
        sdgTargets: row.sdgTargets,
        modalities: row.modalities.map((id) => ({ id, label: modalityLabels.get(id) ?? id })),
        cooperationType: row.cooperationType,
        status: row.status,
        publishedAt: row.publishedAt?.toISOString() ?? null,
        language: version.language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
        translation:
          version.language === row.language ? 'original' : (version.text.translation ?? 'editorial'),
      };
    });
  }

  async function filterConditions(filters: Partial<SolutionListFilters>): Promise<Array<SQL | undefined>> {
    const regionCountries = filters.region ? await reference.countriesInRegion(filters.region) : undefined;
    const countryCodes = filters.country?.map((code) => code.toUpperCase());
    return [
      filters.q
        ? or(
            sql`${solutions.texts}::text ILIKE ${containsPattern(filters.q)}`,
            sql`${solutions.slug} ILIKE ${containsPattern(filters.q)}`,
          )
        : undefined,
      filters.theme ? arrayOverlaps(solutions.themes, filters.theme) : undefined,
      filters.sdg
        ? or(
            ...filters.sdg.map((code) =>
              code.includes('.')
                ? sql`${code} = ANY(${solutions.sdgTargets})`
                : sql`EXISTS (SELECT 1 FROM unnest(${solutions.sdgTargets}) AS t WHERE split_part(t, '.', 1) = ${code})`,
            ),
          )
        : undefined,
      countryCodes
        ? or(
            arrayOverlaps(solutions.countries, countryCodes),
            arrayOverlaps(solutions.replicatedIn, countryCodes),
          )
        : undefined,
      regionCountries
        ? or(
            arrayOverlaps(solutions.countries, regionCountries),
            arrayOverlaps(solutions.replicatedIn, regionCountries),
          )
        : undefined,
      filters.modality ? arrayOverlaps(solutions.modalities, filters.modality) : undefined,
      filters.language ? eq(solutions.language, filters.language) : undefined,
      filters.provider ? sql`${filters.provider}::uuid = ANY(${solutions.providerIds})` : undefined,
    ];
  }

  return {
    async list(viewer: Viewer, filters: SolutionListFilters) {
      const where = and(readableSolutions(viewer), ...(await filterConditions(filters)));
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(solutions)
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(solutions).where(where),
      ]);
      const page = toPage(rows, filters.limit, keys, count?.n ?? 0, (row) => row);
      return { ...page, items: await present(viewer, page.items, filters.lang) };
    },

    /** Every solution matching the filters (up to 10,000), for exports. */
    listAll(viewer: Viewer, filters: Omit<SolutionListFilters, 'limit' | 'cursor'>) {
      return collectPages((cursor) => this.list(viewer, { ...filters, limit: 100, cursor }));
    },

    /** Gets one solution by id or slug; 404 when missing or not readable. */
    async get(viewer: Viewer, idOrSlug: string, lang: string) {
      const [row] = await db
        .select()
        .from(solutions)
        .where(
          and(
            readableSolutions(viewer),
            UUID_PATTERN.test(idOrSlug) ? eq(solutions.id, idOrSlug) : eq(solutions.slug, idOrSlug),
          ),
        );
      if (!row) throw AppError.notFound('Solution', idOrSlug);
      const [summary] = await present(viewer, [row], lang);
      const countryNames = await reference.countryNames(row.replicatedIn, lang);
      const version = pickVersion(row, lang);
      const original = row.texts[row.language] ?? version.text;
      return {
        ...summary!,
        description: version.text.description ?? null,
        replicatedIn: row.replicatedIn.map((iso3) => ({ iso3, name: countryNames.get(iso3) ?? iso3 })),
        translations: Object.entries(row.texts).map(([language, text]) => ({
          language,
          source: language === row.language ? ('original' as const) : (text.translation ?? 'editorial'),
        })),
        original: {
          language: row.language,
          title: original.title,
          summary: original.summary,
          description: original.description ?? null,
        },
        evidence: row.evidence,
        contact: row.contact ?? null,
        inferred: { themes: !!row.inferred.themes, sdgTargets: !!row.inferred.sdgTargets },
        version: row.version,
        source: row.source ?? null,
        updatedAt: row.updatedAt.toISOString(),
      };
    },

    /** Every solution as a search document, for a full reindex. */
    /**
     * Rows by id without a permission check, for the matching engine: it only receives ids the
     * viewer may read from the search index.
     */
    async rowsById(ids: string[], tx: DbOrTx = db): Promise<Row[]> {
      if (ids.length === 0) return [];
      return tx.select().from(solutions).where(inArray(solutions.id, ids));
    },

    /** Ids of the solutions a person wrote or their organisation provides. */
    async idsHeldBy(owner: { ownerId: string | null; organisationId: string | null }): Promise<string[]> {
      const parts = [
        owner.ownerId ? eq(solutions.ownerId, owner.ownerId) : undefined,
        owner.organisationId ? sql`${owner.organisationId}::uuid = ANY(${solutions.providerIds})` : undefined,
      ].filter((part) => part !== undefined);
      if (parts.length === 0) return [];
      return (
        await db
          .select({ id: solutions.id })
          .from(solutions)
          .where(or(...parts))
      ).map((row) => row.id);
    },

    async searchDocuments(tx: DbOrTx = db): Promise<SearchableDocument[]> {
      return (await tx.select().from(solutions)).map(solutionSearchDocument);
    },

    /**
     * How many solutions the viewer may read are linked to each country (developed or adopted
     * there, each solution once), by ISO3: the same rule as `list` with a `country` filter.
     */
    async countsByCountry(viewer: Viewer): Promise<Map<string, number>> {
      const rows = rowsOf<{ code: string; n: number }>(
        await db.execute(sql`SELECT code, count(DISTINCT ${solutions.id})::int AS n
          FROM ${solutions} CROSS JOIN LATERAL unnest(${solutions.countries} || ${solutions.replicatedIn}) AS code
          WHERE ${readableSolutions(viewer)} GROUP BY code`),
      );
      return new Map(rows.map((row) => [row.code, row.n]));
    },

    /**
     * Replications the viewer may see as provider → recipient pairs: each country a solution was
     * developed in towards each country it was adopted in, with the number of solutions.
     */
    async replicationFlows(viewer: Viewer): Promise<Array<{ from: string; to: string; value: number }>> {
      const rows = rowsOf<{ origin: string; target: string; n: number }>(
        await db.execute(sql`SELECT origin, target, count(DISTINCT ${solutions.id})::int AS n
          FROM ${solutions}
          CROSS JOIN LATERAL unnest(${solutions.countries}) AS origin
          CROSS JOIN LATERAL unnest(${solutions.replicatedIn}) AS target
          WHERE ${readableSolutions(viewer)} AND origin <> target GROUP BY origin, target
          ORDER BY n DESC, origin, target`),
      );
      return rows.map((row) => ({ from: row.origin, to: row.target, value: row.n }));
    },

    /**
     * The solutions the viewer may read that were developed in (`role: 'developed'`) or adopted
     * in (`'replicated'`) a country, newest first, with how many there are.
     */
    async inCountry(
      viewer: Viewer,
      iso3: string,
      role: 'developed' | 'replicated',
      options: { lang: string; limit: number },
    ): Promise<{ total: number; items: SolutionSummary[] }> {
      const column = role === 'developed' ? solutions.countries : solutions.replicatedIn;
      const where = and(readableSolutions(viewer), sql`${iso3} = ANY(${column})`);
      const [rows, [count]] = await Promise.all([
        db.select().from(solutions).where(where).orderBy(orderBy(keys, 'desc')).limit(options.limit),
        db.select({ n: sql<number>`count(*)::int` }).from(solutions).where(where),
      ]);
      return { total: count?.n ?? 0, items: await present(viewer, rows, options.lang) };
    },

    /**
     * How many solutions the viewer may read fall under each value of a dashboard dimension
     * (SDG goal of their targets, theme, M49 region of any country linked, modality, cooperation
     * type, year created): the same rule as `list` with the matching filter.
     */
    countsBy(viewer: Viewer, dimension: DashboardDimension): Promise<Map<string, number>> {
      const keys: Record<DashboardDimension, SQL> = {
        sdg: sql`ARRAY(SELECT split_part(t, '.', 1) FROM unnest(${solutions.sdgTargets}) AS t)`,
        theme: sql`${solutions.themes}`,
        region: sql`${solutions.countries} || ${solutions.replicatedIn}`,
        modality: sql`${solutions.modalities}`,
        cooperationType: sql`ARRAY[${solutions.cooperationType}]`,
        year: sql`ARRAY[extract(year FROM ${solutions.createdAt})::int::text]`,
      };
      return countByKeys(
        db,
        {
          from: sql`${solutions}`,
          id: sql`${solutions.id}`,
          where: readableSolutions(viewer),
          keys: keys[dimension],
        },
        dimension,
        (codes) => reference.regionsOfCountries(codes),
      );
    },

    async count(viewer: Viewer): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(solutions)
        .where(readableSolutions(viewer));
      return row?.n ?? 0;
    },
  };
}

export type SolutionsService = ReturnType<typeof createSolutionsService>;
