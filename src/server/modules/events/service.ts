import { and, arrayOverlaps, eq, gte, lte, sql } from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { events } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { SearchableDocument } from '../../search/documents.js';
import { scopeOf, type Viewer, visibleWhere } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { EventListFilters } from './schema.js';

type Row = typeof events.$inferSelect;

const keys: SortKey<Row>[] = [
  { expr: events.startsOn, cast: 'date', of: (row) => row.startsOn },
  { expr: events.id, cast: 'uuid', of: (row) => row.id },
];

/** How an event appears in the search index: its title, place and description in each language. */
export function eventSearchDocument(row: Row): SearchableDocument {
  return {
    type: 'event',
    id: row.id,
    slug: row.slug,
    originalLanguage: row.language,
    texts: Object.fromEntries(
      Object.entries(row.texts).map(([language, text]) => [
        language,
        { title: text.title, body: [row.city, text.description].filter(Boolean).join(' · ') },
      ]),
    ),
    themes: row.themes,
    sdgTargets: [],
    countries: row.countryIso3 ? [row.countryIso3] : [],
    visibility: row.visibility,
    isPublished: true,
    ...recordScope(row),
  };
}

type Deps = { db: Db; reference: ReferenceService; organisations: OrganisationsService };

/** Conferences, meetings, side events and expos, newest first. */
export function createEventsService({ db, reference, organisations }: Deps) {
  async function present(rows: Row[], lang: string) {
    const [countryNames, themeLabels] = await Promise.all([
      reference.countryNames(
        rows.flatMap((row) => (row.countryIso3 ? [row.countryIso3] : [])),
        lang,
      ),
      reference.termLabels('theme', lang),
    ]);
    return rows.map((row) => {
      const language = pickLanguage(row.texts, lang, row.language);
      const title = { text: row.texts[language]!.title, language };
      return {
        id: row.id,
        slug: row.slug,
        title: title.text,
        kind: row.kind,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        datePrecision: row.datePrecision,
        city: row.city,
        country: row.countryIso3
          ? { iso3: row.countryIso3, name: countryNames.get(row.countryIso3) ?? row.countryIso3 }
          : null,
        themes: row.themes.map((id) => ({ id, label: themeLabels.get(id) ?? id })),
        language: title.language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
      };
    });
  }

  return {
    async list(viewer: Viewer, filters: EventListFilters) {
      const where = and(
        visibleWhere(viewer, scopeOf(events)),
        filters.q ? sql`${events.texts}::text ILIKE ${containsPattern(filters.q)}` : undefined,
        filters.from ? gte(sql`coalesce(${events.endsOn}, ${events.startsOn})`, filters.from) : undefined,
        filters.to ? lte(events.startsOn, filters.to) : undefined,
        filters.kind ? eq(events.kind, filters.kind) : undefined,
        filters.country ? eq(events.countryIso3, filters.country) : undefined,
        filters.theme ? arrayOverlaps(events.themes, filters.theme) : undefined,
      );
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(events)
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(events).where(where),
      ]);
      const page = toPage(rows, filters.limit, keys, count?.n ?? 0, (row) => row);
      return { ...page, items: await present(page.items, filters.lang) };
    },

    /** Gets one event by id or slug; 404 when missing or not visible. */
    async get(viewer: Viewer, idOrSlug: string, lang: string) {
      const [row] = await db
        .select()
        .from(events)
        .where(
          and(
            visibleWhere(viewer, scopeOf(events)),
            UUID_PATTERN.test(idOrSlug) ? eq(events.id, idOrSlug) : eq(events.slug, idOrSlug),
          ),
        );
      if (!row) throw AppError.notFound('Event', idOrSlug);
      const [summary] = await present([row], lang);
      const text = row.texts[summary!.language];
      return {
        ...summary!,
        description: text?.description ?? null,
        organisers: await organisations.summaries(viewer, row.organiserIds, lang),
        source: row.source ?? null,
      };
    },

    /** Every event as a search document, for a full reindex. */
    async searchDocuments(tx: DbOrTx = db): Promise<SearchableDocument[]> {
      return (await tx.select().from(events)).map(eventSearchDocument);
    },

    async count(viewer: Viewer): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(events)
        .where(visibleWhere(viewer, scopeOf(events)));
      return row?.n ?? 0;
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
