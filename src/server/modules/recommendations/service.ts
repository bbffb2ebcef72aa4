import { and, arrayOverlaps, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { recommendations } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { SearchableDocument } from '../../search/documents.js';
import { canEdit, scopeOf, type Viewer, visibleWhere } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { MatchingService } from '../matching/service.js';
import type { NeedsOffersService } from '../needs-offers/service.js';
import type { ProjectsService } from '../projects/service.js';
import type { ReferenceService } from '../reference/service.js';
import type {
  Addressing,
  GapFilters,
  Gaps,
  Recommendation,
  RecommendationDetail,
  RecommendationListFilters,
} from './schema.js';

export type RecommendationRow = typeof recommendations.$inferSelect;

/**
 * The score (0–1, see docs/matching.md) at which the matching engine's ranking of an open offer
 * for a recommendation's text counts as the offer addressing it. 0.25 asks for the shared concepts
 * of the subject (up to 0.45) plus the shared theme, not just a neighbouring country or language.
 */
export const ADDRESSING_SCORE = 0.25;

/** How many ranked offers and solutions are examined for each recommendation in the gap view. */
const RANKED_PER_RECOMMENDATION = 10;

/** At most this many open recommendations are examined in one gap view (filter to see others). */
export const GAP_LIMIT = 100;

export const GAP_RULE =
  'A recommendation that is open or in progress is addressed when a project you may see lists it, ' +
  'or when an open offer you may see has its main (first) theme and the matching engine ranks it for ' +
  `the recommendation's text with a score of at least ${ADDRESSING_SCORE}. Every other one is a gap. ` +
  'Needs that list a recommendation ask for help with it; they do not address it.';

/** How a recommendation appears in the search index. */
export function recommendationSearchDocument(row: RecommendationRow): SearchableDocument {
  return {
    type: 'recommendation',
    id: row.id,
    slug: row.slug,
    originalLanguage: row.language,
    texts: Object.fromEntries(
      Object.entries(row.texts).map(([language, text]) => [language, { title: text.title, body: text.text }]),
    ),
    themes: row.themes,
    sdgTargets: row.sdgTargets,
    countries: [row.country],
    visibility: row.visibility,
    isPublished: true,
    ...recordScope(row),
  };
}

const KEYS: SortKey<RecommendationRow>[] = [
  { expr: recommendations.issuedOn, cast: 'date', of: (row) => row.issuedOn },
  { expr: recommendations.id, cast: 'uuid', of: (row) => row.id },
];

type Deps = {
  db: Db;
  reference: Pick<ReferenceService, 'countryNames' | 'termLabels'>;
  needsOffers: Pick<NeedsOffersService, 'addressing' | 'rowsById'>;
  projects: Pick<ProjectsService, 'addressing' | 'addressedRecommendations'>;
  matching: Pick<MatchingService, 'preview'>;
};

/** Technical-assistance recommendations from country assessments: reads, links and the gap view. */
export function createRecommendationsService({ db, reference, needsOffers, projects, matching }: Deps) {
  function readable(viewer: Viewer): SQL {
    return visibleWhere(viewer, scopeOf(recommendations));
  }

  async function present(viewer: Viewer, rows: RecommendationRow[], lang: string): Promise<Recommendation[]> {
    const [countryNames, themeLabels] = await Promise.all([
      reference.countryNames(
        rows.map((row) => row.country),
        lang,
      ),
      reference.termLabels('theme', lang),
    ]);
    return rows.map((row) => {
      const language = pickLanguage(row.texts, lang, row.language);
      const text = row.texts[language]!;
      return {
        id: row.id,
        slug: row.slug,
        title: text.title,
        text: text.text,
        language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
        country: { iso3: row.country, name: countryNames.get(row.country) ?? row.country },
        themes: row.themes.map((id) => ({ id, label: themeLabels.get(id) ?? id })),
        sdgTargets: row.sdgTargets,
        sourceAssessment: row.sourceAssessment,
        issuedOn: row.issuedOn,
        priority: row.priority,
        status: row.status,
        visibility: row.visibility,
        workingGroupId: row.workingGroupId,
        organisationId: row.ownerOrganisationId,
        source: row.source
          ? {
              file: row.source.file,
              ...(row.source.line ? { line: row.source.line } : {}),
              ...(row.source.paragraph ? { paragraph: row.source.paragraph } : {}),
            }
          : null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        canEdit: canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }),
      };
    });
  }

  function filterConditions(filters: Partial<RecommendationListFilters>) {
    return [
      filters.country ? inArray(recommendations.country, filters.country) : undefined,
      filters.theme ? arrayOverlaps(recommendations.themes, filters.theme) : undefined,
      filters.status ? inArray(recommendations.status, filters.status as never[]) : undefined,
      filters.priority ? inArray(recommendations.priority, filters.priority as never[]) : undefined,
    ];
  }

  async function find(viewer: Viewer, idOrSlug: string, tx: DbOrTx = db) {
    const [row] = await tx
      .select()
      .from(recommendations)
      .where(
        and(
          readable(viewer),
          UUID_PATTERN.test(idOrSlug) ? eq(recommendations.id, idOrSlug) : eq(recommendations.slug, idOrSlug),
        ),
      );
    return row;
  }

  /** The ranked offers and solutions, and the open offers on its main theme that rank high enough. */
  async function rankFor(viewer: Viewer, row: RecommendationRow, lang: string) {
    const text = row.texts[row.language]!;
    const preview = await matching.preview(
      viewer,
      {
        text: `${text.title}\n${text.text}`.slice(0, 4000),
        language: row.language,
        country: row.country,
        themes: row.themes,
        sdgTargets: row.sdgTargets,
        types: ['solution', 'offer'],
        limit: RANKED_PER_RECOMMENDATION,
      },
      lang,
    );
    const offerIds = preview.items.filter((item) => item.type === 'offer').map((item) => item.id);
    const offers = new Map((await needsOffers.rowsById('offer', offerIds)).map((o) => [o.id, o]));
    const addressing = preview.items.filter((item) => {
      const offer = item.type === 'offer' ? offers.get(item.id) : undefined;
      return (
        !!offer &&
        offer.status === 'open' &&
        item.score >= ADDRESSING_SCORE &&
        offer.themes.includes(row.themes[0]!)
      );
    });
    return { items: preview.items, addressing };
  }

  return {
    readable,
    present,

    async list(viewer: Viewer, filters: RecommendationListFilters) {
      const where = and(readable(viewer), ...filterConditions(filters));
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(recommendations)
          .where(and(where, afterCursor(KEYS, 'desc', filters.cursor)))
          .orderBy(orderBy(KEYS, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(recommendations).where(where),
      ]);
      const page = toPage(rows, filters.limit, KEYS, count?.n ?? 0, (row) => row);
      return { ...page, items: await present(viewer, page.items, filters.lang) };
    },

    /** One recommendation with the needs and projects (that the viewer may see) addressing it. */
    async get(viewer: Viewer, idOrSlug: string, lang: string): Promise<RecommendationDetail> {
      const row = await find(viewer, idOrSlug);
      if (!row) throw AppError.notFound('Recommendation', idOrSlug);
      const [item] = await present(viewer, [row], lang);
      const [needs, linked] = await Promise.all([
        needsOffers.addressing(viewer, row.id, lang),
        projects.addressing(viewer, row.id, lang),
      ]);
      return {
        ...item!,
        addressedBy: { needs: needs as Addressing[], projects: linked as Addressing[] },
      };
    },

    /** The raw row the viewer may read, or a 404. */
    async row(viewer: Viewer, idOrSlug: string, tx: DbOrTx = db): Promise<RecommendationRow> {
      const row = await find(viewer, idOrSlug, tx);
      if (!row) throw AppError.notFound('Recommendation', idOrSlug);
      return row;
    },

    /** Which of these ids are recommendations that exist, for records that link to them. */
    async existingIds(ids: string[], tx: DbOrTx = db): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await tx
        .select({ id: recommendations.id })
        .from(recommendations)
        .where(inArray(recommendations.id, [...new Set(ids)]));
      return new Set(rows.map((row) => row.id));
    },

    /**
     * The gap view: open and in-progress recommendations that no project and no open offer
     * addresses (see GAP_RULE), grouped by country and main theme, each with the offers and
     * solutions the matching engine suggests and its reasons in the reader's language.
     */
    async gaps(viewer: Viewer, filters: GapFilters): Promise<Gaps> {
      const rows = await db
        .select()
        .from(recommendations)
        .where(
          and(
            readable(viewer),
            or(eq(recommendations.status, 'open'), eq(recommendations.status, 'in-progress')),
            ...filterConditions({ country: filters.country, theme: filters.theme }),
          ),
        )
        .orderBy(recommendations.country, sql`${recommendations.themes}[1]`, recommendations.issuedOn)
        .limit(GAP_LIMIT);
      const linked = await projects.addressedRecommendations(
        viewer,
        rows.map((row) => row.id),
      );
      const open: Array<{
        row: RecommendationRow;
        suggestions: Gaps['groups'][number]['items'][number]['suggestions'];
      }> = [];
      for (const row of rows) {
        if (linked.has(row.id)) continue;
        const ranked = await rankFor(viewer, row, filters.lang);
        if (ranked.addressing.length > 0) continue;
        open.push({ row, suggestions: ranked.items.slice(0, filters.suggestions) });
      }
      const presented = await present(
        viewer,
        open.map((gap) => gap.row),
        filters.lang,
      );
      const groups: Gaps['groups'] = [];
      presented.forEach((recommendation, i) => {
        const theme = recommendation.themes[0]!;
        let group = groups.at(-1);
        if (!group || group.country.iso3 !== recommendation.country.iso3 || group.theme.id !== theme.id) {
          group = { country: recommendation.country, theme, items: [] };
          groups.push(group);
        }
        group.items.push({ recommendation, suggestions: open[i]!.suggestions });
      });
      return {
        rule: GAP_RULE,
        threshold: ADDRESSING_SCORE,
        considered: rows.length,
        addressed: rows.length - open.length,
        gaps: open.length,
        groups,
      };
    },

    /** Every recommendation as a search document, for a full reindex. */
    async searchDocuments(tx: DbOrTx = db): Promise<SearchableDocument[]> {
      return (await tx.select().from(recommendations)).map(recommendationSearchDocument);
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
