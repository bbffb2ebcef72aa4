import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { pickText } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { codelistItems, organisations } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { SearchableDocument } from '../../search/documents.js';
import { scopeOf, type Viewer, visibleWhere } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { OrganisationSummary } from './schema.js';

type Row = typeof organisations.$inferSelect;

export type OrganisationFilters = {
  lang: string;
  limit: number;
  cursor?: string;
  q?: string;
  category?: string;
  country?: string;
  compact?: 'member' | 'observer';
};

const sortName = sql<string>`lower(coalesce(${organisations.names}->>'en', ${organisations.slug}))`;
const keys: SortKey<Row>[] = [
  { expr: sortName, cast: 'text', of: (row) => (row.names.en ?? row.slug).toLowerCase() },
  { expr: organisations.id, cast: 'uuid', of: (row) => row.id },
];

function presentSummary(row: Row, lang: string): OrganisationSummary {
  const name = pickText(row.names, lang, row.language);
  return {
    id: row.id,
    slug: row.slug,
    name: name.text,
    acronym: row.acronym,
    category: row.category,
    country: row.countryIso3,
    compactStatus: (row.compactStatus as 'member' | 'observer' | null) ?? null,
    language: name.language,
    originalLanguage: row.language,
    availableLanguages: Object.keys(row.names),
  };
}

/** How an organisation appears in the search index: its names (with acronym) and description. */
export function organisationSearchDocument(row: Row): SearchableDocument {
  const languages = new Set([...Object.keys(row.names), ...Object.keys(row.descriptions)]);
  return {
    type: 'organisation',
    id: row.id,
    slug: row.slug,
    originalLanguage: row.language,
    texts: Object.fromEntries(
      [...languages].map((language) => {
        const name = pickText(row.names, language, row.language).text;
        return [
          language,
          { title: row.acronym ? `${name} (${row.acronym})` : name, body: row.descriptions[language] ?? '' },
        ];
      }),
    ),
    themes: [],
    sdgTargets: [],
    countries: row.countryIso3 ? [row.countryIso3] : [],
    visibility: row.visibility,
    isPublished: true,
    ...recordScope(row),
  };
}

/** Organisations: UN entities, governments and partners that provide solutions and join the Compact. */
export function createOrganisationsService({ db }: { db: Db }) {
  return {
    async list(viewer: Viewer, filters: OrganisationFilters) {
      const where = and(
        visibleWhere(viewer, scopeOf(organisations)),
        filters.q
          ? or(
              ilike(organisations.acronym, containsPattern(filters.q)),
              sql`${organisations.names}::text ILIKE ${containsPattern(filters.q)}`,
            )
          : undefined,
        filters.category ? eq(organisations.category, filters.category) : undefined,
        filters.country ? eq(organisations.countryIso3, filters.country) : undefined,
        filters.compact ? eq(organisations.compactStatus, filters.compact) : undefined,
      );
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(organisations)
          .where(and(where, afterCursor(keys, 'asc', filters.cursor)))
          .orderBy(orderBy(keys, 'asc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(organisations).where(where),
      ]);
      return toPage(rows, filters.limit, keys, count?.n ?? 0, (row) => presentSummary(row, filters.lang));
    },

    /** Gets one organisation by id or slug; 404 when missing or not visible. */
    async get(viewer: Viewer, idOrSlug: string, lang: string) {
      const [row] = await db
        .select()
        .from(organisations)
        .where(
          and(
            visibleWhere(viewer, scopeOf(organisations)),
            UUID_PATTERN.test(idOrSlug) ? eq(organisations.id, idOrSlug) : eq(organisations.slug, idOrSlug),
          ),
        );
      if (!row) throw AppError.notFound('Organisation', idOrSlug);
      const [type] = row.iatiType
        ? await db
            .select()
            .from(codelistItems)
            .where(and(eq(codelistItems.list, 'OrganisationType'), eq(codelistItems.code, row.iatiType)))
        : [];
      return {
        ...presentSummary(row, lang),
        names: row.names as Record<string, string>,
        description: pickText(row.descriptions, lang, row.language).text || null,
        iatiType: type ? { code: type.code, name: pickText(type.name, lang).text } : null,
        website: row.website,
        source: row.source ?? null,
      };
    },

    /** Summaries of the given organisations, in the order asked, for records that reference them. */
    async summaries(viewer: Viewer, ids: string[], lang: string): Promise<OrganisationSummary[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(organisations)
        .where(
          and(visibleWhere(viewer, scopeOf(organisations)), inArray(organisations.id, [...new Set(ids)])),
        );
      const byId = new Map(rows.map((row) => [row.id, presentSummary(row, lang)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    /**
     * Organisations as IATI names them (a reference on the platform's prefix, the name in its own
     * language, the IATI OrganisationType), by id: for projects' reporting and participating orgs.
     */
    async iatiOrgs(
      ids: string[],
      tx: DbOrTx = db,
    ): Promise<Map<string, { ref: string; name: string; type: string | null }>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select()
        .from(organisations)
        .where(inArray(organisations.id, [...new Set(ids)]));
      return new Map(
        rows.map((row) => [
          row.id,
          {
            ref: `XM-SOUTHBRIDGE-${row.slug.toUpperCase()}`,
            name: pickText(row.names, row.language, row.language).text,
            type: row.iatiType,
          },
        ]),
      );
    },

    /** The country each organisation is based in (null for international ones), by id. */
    async countriesOf(ids: string[], tx: DbOrTx = db): Promise<Map<string, string | null>> {
      if (ids.length === 0) return new Map();
      const rows = await tx
        .select({ id: organisations.id, country: organisations.countryIso3 })
        .from(organisations)
        .where(inArray(organisations.id, [...new Set(ids)]));
      return new Map(rows.map((row) => [row.id, row.country]));
    },

    /** Resolves organisation ids or slugs to ids, reporting the ones that do not exist. */
    async resolve(idsOrSlugs: string[]): Promise<{ ids: string[]; unknown: number[] }> {
      if (idsOrSlugs.length === 0) return { ids: [], unknown: [] };
      const uuids = idsOrSlugs.filter((key) => UUID_PATTERN.test(key));
      const rows = await db
        .select({ id: organisations.id, slug: organisations.slug })
        .from(organisations)
        .where(
          uuids.length
            ? or(inArray(organisations.slug, idsOrSlugs), inArray(organisations.id, uuids))
            : inArray(organisations.slug, idsOrSlugs),
        );
      const byKey = new Map(rows.flatMap((row) => [[row.id, row.id] as const, [row.slug, row.id] as const]));
      const ids: string[] = [];
      const unknown: number[] = [];
      idsOrSlugs.forEach((key, index) => {
        const id = byKey.get(key);
        if (id) ids.push(id);
        else unknown.push(index);
      });
      return { ids, unknown };
    },

    /** Every organisation as a search document, for a full reindex. */
    async searchDocuments(tx: DbOrTx = db): Promise<SearchableDocument[]> {
      return (await tx.select().from(organisations)).map(organisationSearchDocument);
    },

    async count(viewer: Viewer): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(organisations)
        .where(visibleWhere(viewer, scopeOf(organisations)) as SQL);
      return row?.n ?? 0;
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
