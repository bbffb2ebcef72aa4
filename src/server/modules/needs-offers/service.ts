import { and, arrayContains, arrayOverlaps, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DashboardDimension } from '../../../shared/dashboard.js';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { countByKeys } from '../../db/dimension-counts.js';
import { needs, offers } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { SearchableDocument } from '../../search/documents.js';
import { canEdit, scopeOf, type Viewer, visibleWhere } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { Need, Offer, PostingListFilters } from './schema.js';

export type PostingKind = 'need' | 'offer';
export type NeedRow = typeof needs.$inferSelect;
export type OfferRow = typeof offers.$inferSelect;
export type PostingRow = NeedRow | OfferRow;

export const TABLES = { need: needs, offer: offers } as const;

/**
 * The table for a kind, typed by the columns needs and offers share: Drizzle cannot select from a
 * union of two tables, and every query here only names shared columns.
 */
export const tableOf = (kind: PostingKind) => TABLES[kind] as unknown as typeof needs;
const NAMES = { need: 'Need', offer: 'Offer' } as const;

/** How a need or offer appears in the search index; only open ones are "published". */
export function postingSearchDocument(kind: PostingKind, row: PostingRow): SearchableDocument {
  return {
    type: kind,
    id: row.id,
    slug: row.slug,
    originalLanguage: row.language,
    texts: Object.fromEntries(
      Object.entries(row.texts).map(([language, text]) => [
        language,
        { title: text.title, body: text.description },
      ]),
    ),
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    countries: [row.country],
    visibility: row.visibility,
    isPublished: row.status === 'open',
    ...recordScope(row),
  };
}

const keysOf = (kind: PostingKind): SortKey<PostingRow>[] => [
  {
    expr: sql`date_trunc('milliseconds', ${TABLES[kind].updatedAt})`,
    cast: 'timestamptz',
    of: (row) => row.updatedAt.toISOString(),
  },
  { expr: TABLES[kind].id, cast: 'uuid', of: (row) => row.id },
];

/** The dates PostgreSQL returns as strings, or null. */
const day = (value: string | null) => value ?? null;

type Deps = { db: Db; reference: ReferenceService; organisations: OrganisationsService };

/** Reading needs and offers: lists, details, search documents and matching profiles. */
export function createNeedsOffersService({ db, reference, organisations }: Deps) {
  function readable(kind: PostingKind, viewer: Viewer): SQL {
    return visibleWhere(viewer, scopeOf(TABLES[kind]));
  }

  async function present<K extends PostingKind>(
    kind: K,
    viewer: Viewer,
    rows: PostingRow[],
    lang: string,
  ): Promise<Array<K extends 'need' ? Need : Offer>> {
    const [countryNames, themeLabels, modalityLabels, orgs] = await Promise.all([
      reference.countryNames(
        rows.map((row) => row.country),
        lang,
      ),
      reference.termLabels('theme', lang),
      reference.termLabels('modality', lang),
      organisations.summaries(
        viewer,
        [...new Set(rows.flatMap((row) => (row.ownerOrganisationId ? [row.ownerOrganisationId] : [])))],
        lang,
      ),
    ]);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    return rows.map((row) => {
      const language = pickLanguage(row.texts, lang, row.language);
      const text = row.texts[language]!;
      const common = {
        id: row.id,
        slug: row.slug,
        title: text.title,
        description: text.description,
        language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
        organisation: (row.ownerOrganisationId && orgById.get(row.ownerOrganisationId)) || null,
        country: { iso3: row.country, name: countryNames.get(row.country) ?? row.country },
        themes: row.themes.map((id) => ({ id, label: themeLabels.get(id) ?? id })),
        sdgTargets: row.sdgTargets,
        modalities: row.modalities.map((id) => ({ id, label: modalityLabels.get(id) ?? id })),
        workingLanguages: row.workingLanguages,
        visibility: row.visibility,
        workingGroupId: row.workingGroupId,
        status: row.status,
        closedAt: row.closedAt?.toISOString() ?? null,
        closeReason: row.closeReason,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        canEdit: canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }),
      };
      if (kind === 'need') {
        const need = row as NeedRow;
        return {
          ...common,
          kind: 'need',
          timeframe: { startsOn: day(need.startsOn), endsOn: day(need.endsOn) },
          budget:
            need.budgetAmount && need.budgetCurrency
              ? { amount: need.budgetAmount, currency: need.budgetCurrency }
              : null,
          coFinancing: need.coFinancing,
          recommendationIds: need.recommendationIds,
        } satisfies Need as never;
      }
      const offer = row as OfferRow;
      return {
        ...common,
        kind: 'offer',
        capacity: {
          places: offer.capacityPlaces,
          experts: offer.capacityExperts,
          amount: offer.capacityAmount,
          currency: offer.capacityCurrency,
        },
        costSharing: offer.costSharing,
        availability: { from: day(offer.availableFrom), until: day(offer.availableUntil) },
      } satisfies Offer as never;
    });
  }

  function filterConditions(kind: PostingKind, viewer: Viewer, filters: Partial<PostingListFilters>) {
    const table = TABLES[kind];
    const mine =
      filters.mine === 'true'
        ? or(
            viewer.userId ? eq(table.ownerId, viewer.userId) : sql`false`,
            viewer.organisationId ? eq(table.ownerOrganisationId, viewer.organisationId) : sql`false`,
          )
        : undefined;
    return [
      filters.status && filters.status !== 'all' ? eq(table.status, filters.status) : undefined,
      filters.country ? inArray(table.country, filters.country) : undefined,
      filters.theme ? arrayOverlaps(table.themes, filters.theme) : undefined,
      filters.modality ? arrayOverlaps(table.modalities, filters.modality) : undefined,
      filters.organisation ? eq(table.ownerOrganisationId, filters.organisation) : undefined,
      mine,
    ];
  }

  /** The row, by id or slug, if the viewer may read it. */
  async function find(kind: PostingKind, viewer: Viewer, idOrSlug: string, tx: DbOrTx = db) {
    const table = TABLES[kind];
    const [row] = await tx
      .select()
      .from(table)
      .where(
        and(
          readable(kind, viewer),
          UUID_PATTERN.test(idOrSlug) ? eq(table.id, idOrSlug) : eq(table.slug, idOrSlug),
        ),
      );
    return row as PostingRow | undefined;
  }

  return {
    present,
    readable,

    async list<K extends PostingKind>(kind: K, viewer: Viewer, filters: PostingListFilters) {
      const table = tableOf(kind);
      const keys = keysOf(kind);
      const where = and(readable(kind, viewer), ...filterConditions(kind, viewer, filters));
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(table)
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(table).where(where),
      ]);
      const page = toPage(rows as PostingRow[], filters.limit, keys, count?.n ?? 0, (row) => row);
      return { ...page, items: await present(kind, viewer, page.items, filters.lang) };
    },

    /** One need or offer by id or slug; 404 when missing or not readable. */
    async get<K extends PostingKind>(kind: K, viewer: Viewer, idOrSlug: string, lang: string) {
      const row = await find(kind, viewer, idOrSlug);
      if (!row) throw AppError.notFound(NAMES[kind], idOrSlug);
      const [item] = await present(kind, viewer, [row], lang);
      return item!;
    },

    /** The raw row the viewer may read, or a 404. */
    async row(kind: PostingKind, viewer: Viewer, idOrSlug: string, tx: DbOrTx = db): Promise<PostingRow> {
      const row = await find(kind, viewer, idOrSlug, tx);
      if (!row) throw AppError.notFound(NAMES[kind], idOrSlug);
      return row;
    },

    /** Rows by id, without a permission check: for the matching module's own checks. */
    async rowsById(kind: PostingKind, ids: string[], tx: DbOrTx = db): Promise<PostingRow[]> {
      if (ids.length === 0) return [];
      const table = TABLES[kind];
      return (await tx.select().from(table).where(inArray(table.id, ids))) as PostingRow[];
    },

    /** Ids of the needs or offers a person wrote or their organisation holds. */
    async idsHeldBy(
      kind: PostingKind,
      owner: { ownerId: string | null; organisationId: string | null },
      tx: DbOrTx = db,
    ): Promise<string[]> {
      const table = tableOf(kind);
      const parts = [
        owner.ownerId ? eq(table.ownerId, owner.ownerId) : undefined,
        owner.organisationId ? eq(table.ownerOrganisationId, owner.organisationId) : undefined,
      ].filter((part) => part !== undefined);
      if (parts.length === 0) return [];
      return (
        await tx
          .select({ id: table.id })
          .from(table)
          .where(or(...parts))
      ).map((row) => row.id);
    },

    /** The needs the viewer may read that list a recommendation, titled in the reader's language. */
    async addressing(viewer: Viewer, recommendationId: string, lang: string) {
      const rows = await db
        .select()
        .from(needs)
        .where(and(readable('need', viewer), arrayContains(needs.recommendationIds, [recommendationId])))
        .orderBy(needs.createdAt);
      return rows.map((row) => {
        const language = pickLanguage(row.texts, lang, row.language);
        return {
          type: 'need' as const,
          id: row.id,
          slug: row.slug,
          title: row.texts[language]!.title,
          language,
          status: row.status,
        };
      });
    },

    /** Every open need or offer, without a permission check: for refreshing match suggestions. */
    async openRows(kind: PostingKind, tx: DbOrTx = db): Promise<PostingRow[]> {
      const table = tableOf(kind);
      return (await tx.select().from(table).where(eq(table.status, 'open'))) as PostingRow[];
    },

    /**
     * How many open needs (or offers) the viewer may read each country has, by ISO3: the same
     * rule as `list` with its default `status=open` and a `country` filter.
     */
    async countsByCountry(kind: PostingKind, viewer: Viewer): Promise<Map<string, number>> {
      const table = tableOf(kind);
      const rows = await db
        .select({ code: table.country, n: sql<number>`count(*)::int` })
        .from(table)
        .where(and(readable(kind, viewer), eq(table.status, 'open')))
        .groupBy(table.country);
      return new Map(rows.map((row) => [row.code, row.n]));
    },

    /**
     * How many open needs (or offers) the viewer may read fall under each value of a dashboard
     * dimension (SDG goal of their targets, theme, M49 region of their country, modality, year
     * created; postings have no cooperation type): the rule of `list` with `status=open`.
     */
    countsBy(kind: PostingKind, viewer: Viewer, dimension: DashboardDimension): Promise<Map<string, number>> {
      const table = tableOf(kind);
      const keys: Record<DashboardDimension, SQL> = {
        sdg: sql`ARRAY(SELECT split_part(t, '.', 1) FROM unnest(${table.sdgTargets}) AS t)`,
        theme: sql`${table.themes}`,
        region: sql`ARRAY[${table.country}]`,
        modality: sql`${table.modalities}`,
        cooperationType: sql`ARRAY[]::text[]`,
        year: sql`ARRAY[extract(year FROM ${table.createdAt})::int::text]`,
      };
      return countByKeys(
        db,
        {
          from: sql`${table}`,
          id: sql`${table.id}`,
          where: and(readable(kind, viewer), eq(table.status, 'open')) as SQL,
          keys: keys[dimension],
        },
        dimension,
        (codes) => reference.regionsOfCountries(codes),
      );
    },

    /** Every need and offer as search documents, for a full reindex. */
    async searchDocuments(tx: DbOrTx = db): Promise<SearchableDocument[]> {
      const [needRows, offerRows] = [await tx.select().from(needs), await tx.select().from(offers)];
      return [
        ...needRows.map((row) => postingSearchDocument('need', row)),
        ...offerRows.map((row) => postingSearchDocument('offer', row)),
      ];
    },
  };
}

export type NeedsOffersService = ReturnType<typeof createNeedsOffersService>;
