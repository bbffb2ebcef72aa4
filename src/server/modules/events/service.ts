import {
  and,
  arrayOverlaps,
  count,
  desc,
  eq,
  gt,
  gte,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import { addDays, canonicalTimeZone, localDateTime, periodEnd } from '../../../shared/time-zones.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { eventRegistrations, events } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import { type CalendarEvent, toICalendar, zonedTimeToUtc } from '../../interchange/ical.js';
import type { SearchableDocument } from '../../search/documents.js';
import { canEdit, scopeOf, type Viewer, visibleWhere } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { Accounts } from '../accounts/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { EventListFilters } from './schema.js';

export type EventRow = typeof events.$inferSelect;
type Row = EventRow;

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
        {
          title: text.title,
          body: [row.city, row.location, text.description].filter(Boolean).join(' · '),
        },
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

/** The last day of a date-only event, widened to its month or year when only those are known. */
const effectiveEndOn = sql`(CASE ${events.datePrecision}
  WHEN 'month' THEN (date_trunc('month', coalesce(${events.endsOn}, ${events.startsOn})::timestamp) + interval '1 month - 1 day')::date
  WHEN 'year' THEN (date_trunc('year', coalesce(${events.endsOn}, ${events.startsOn})::timestamp) + interval '1 year - 1 day')::date
  ELSE coalesce(${events.endsOn}, ${events.startsOn}) END)`;

/** Events overlapping the days `from`…`to` (inclusive) as lived in `timeZone`. */
export function overlapping(from: string, to: string, timeZone: string): SQL {
  const rangeStart = zonedTimeToUtc(`${from}T00:00`, timeZone);
  const rangeEnd = zonedTimeToUtc(`${addDays(to, 1)}T00:00`, timeZone);
  return or(
    and(
      isNotNull(events.startsAt),
      lt(events.startsAt, rangeEnd),
      or(gt(events.endsAt, rangeStart), and(isNull(events.endsAt), gte(events.startsAt, rangeStart))),
    ),
    and(isNull(events.startsAt), lte(events.startsOn, to), gte(effectiveEndOn, from)),
  ) as SQL;
}

type Deps = {
  db: Db;
  reference: ReferenceService;
  organisations: OrganisationsService;
  accounts: Pick<Accounts, 'groupSummaries'>;
  /** Where the platform is reached, for links and UIDs in iCalendar files. */
  baseUrl?: string;
};

/** Conferences, meetings, side events and expos, newest first; and the joint calendar. */
export function createEventsService({
  db,
  reference,
  organisations,
  accounts,
  baseUrl = 'http://localhost:3000',
}: Deps) {
  const host = new URL(baseUrl).host;

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
      const zone = row.timeZone;
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
        timeZone: zone,
        startsAt: row.startsAt?.toISOString() ?? null,
        endsAt: row.endsAt?.toISOString() ?? null,
        localStart: zone && row.startsAt ? localDateTime(row.startsAt, zone) : null,
        localEnd: zone && row.endsAt ? localDateTime(row.endsAt, zone) : null,
        location: row.location,
        onlineUrl: row.onlineUrl,
        visibility: row.visibility,
        workingGroupId: row.workingGroupId,
        registration: row.registration,
        capacity: row.capacity,
        cancelled: row.cancelledAt !== null,
        language: title.language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
      };
    });
  }

  /** One event the viewer may read, by id or slug; 404 otherwise. */
  async function readable(viewer: Viewer, idOrSlug: string, tx: DbOrTx = db): Promise<Row> {
    const [row] = await tx
      .select()
      .from(events)
      .where(
        and(
          visibleWhere(viewer, scopeOf(events)),
          UUID_PATTERN.test(idOrSlug) ? eq(events.id, idOrSlug) : eq(events.slug, idOrSlug),
        ),
      );
    if (!row) throw AppError.notFound('Event', idOrSlug);
    return row;
  }

  /** Events as iCalendar VEVENTs: UTC instants for timed events, DATE values for all-day ones. */
  async function calendarEvents(rows: Row[], lang: string): Promise<CalendarEvent[]> {
    const countryNames = await reference.countryNames(
      rows.flatMap((row) => (row.countryIso3 ? [row.countryIso3] : [])),
      lang,
    );
    return rows.map((row) => {
      const language = pickLanguage(row.texts, lang, row.language);
      const text = row.texts[language]!;
      const place =
        row.location ??
        ([row.city, row.countryIso3 ? countryNames.get(row.countryIso3) : null].filter(Boolean).join(', ') ||
          undefined);
      const description = [text.description, row.onlineUrl].filter(Boolean).join('\n\n');
      const timed = row.startsAt !== null;
      return {
        uid: `${row.id}@${host}`,
        title: text.title,
        ...(description ? { description } : {}),
        start: timed ? row.startsAt! : row.startsOn,
        ...(timed
          ? row.endsAt
            ? { end: row.endsAt }
            : {}
          : { end: periodEnd(row.endsOn ?? row.startsOn, row.datePrecision) }),
        ...(place || row.onlineUrl ? { location: place ?? row.onlineUrl! } : {}),
        url: `${baseUrl}/${lang}/events/${row.slug}`,
        categories: [row.kind],
        status: row.cancelledAt ? 'CANCELLED' : 'CONFIRMED',
        sequence: row.sequence,
        updatedAt: row.updatedAt,
      } satisfies CalendarEvent;
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
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(events)
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(events).where(where),
      ]);
      const page = toPage(rows, filters.limit, keys, total?.n ?? 0, (row) => row);
      return { ...page, items: await present(page.items, filters.lang) };
    },

    /** Gets one event by id or slug; 404 when missing or not visible. */
    async get(viewer: Viewer, idOrSlug: string, lang: string) {
      const row = await readable(viewer, idOrSlug);
      const [summary] = await present([row], lang);
      const text = row.texts[summary!.language];
      const [organisers, groups, [registrations], mine] = await Promise.all([
        organisations.summaries(viewer, row.organiserIds, lang),
        row.workingGroupId ? accounts.groupSummaries([row.workingGroupId], lang) : [],
        db.select({ n: count() }).from(eventRegistrations).where(eq(eventRegistrations.eventId, row.id)),
        viewer.userId
          ? db
              .select({ id: eventRegistrations.eventId })
              .from(eventRegistrations)
              .where(
                and(eq(eventRegistrations.eventId, row.id), eq(eventRegistrations.userId, viewer.userId)),
              )
          : [],
      ]);
      const group = groups[0];
      return {
        ...summary!,
        description: text?.description ?? null,
        organisers,
        source: row.source ?? null,
        group: group ? { id: group.id, slug: group.slug, name: group.name } : null,
        registrations: registrations?.n ?? 0,
        registered: mine.length > 0,
        canEdit: canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }),
      };
    },

    /**
     * Events overlapping a range of days in a time zone that the viewer may read, in start order,
     * for the month and list views. Date-only events are matched on their dates (a month- or
     * year-precision event spans its month or year); timed events on their instants.
     */
    async calendar(viewer: Viewer, range: { from: string; to: string; tz: string; lang: string }) {
      const timeZone = canonicalTimeZone(range.tz);
      if (!timeZone)
        throw new AppError('bad_request', 'Unknown time zone', [
          { field: 'query.tz', message: `"${range.tz}" is not an IANA time zone such as Europe/Paris` },
        ]);
      const rows = await db
        .select()
        .from(events)
        .where(and(visibleWhere(viewer, scopeOf(events)), overlapping(range.from, range.to, timeZone)))
        .limit(2000);
      const sortKey = (row: Row) => row.startsAt?.toISOString() ?? `${row.startsOn}T00:00:00.000`;
      rows.sort((a, b) => sortKey(a).localeCompare(sortKey(b)) || a.id.localeCompare(b.id));
      const items = await present(rows, range.lang);
      return { from: range.from, to: range.to, timeZone, items, total: items.length };
    },

    /** One event as an iCalendar file; 404 when the viewer may not read it. */
    async ics(viewer: Viewer, idOrSlug: string, lang: string) {
      const row = await readable(viewer, idOrSlug);
      const [event] = await calendarEvents([row], lang);
      return {
        filename: `${row.slug}.ics`,
        body: toICalendar([event!], { name: event!.title }),
      };
    },

    /**
     * The iCalendar of a feed: the events `viewer` may read, or only a working group's. Newest
     * first, at most 2,000.
     */
    async feedCalendar(viewer: Viewer, options: { name: string; lang: string; workingGroupId?: string }) {
      const rows = await db
        .select()
        .from(events)
        .where(
          and(
            visibleWhere(viewer, scopeOf(events)),
            options.workingGroupId ? eq(events.workingGroupId, options.workingGroupId) : undefined,
          ),
        )
        .orderBy(desc(events.startsOn), desc(events.id))
        .limit(2000);
      return toICalendar(await calendarEvents(rows, options.lang), { name: options.name });
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
