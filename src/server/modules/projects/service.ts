import { and, arrayContains, arrayOverlaps, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { DashboardDimension } from '../../../shared/dashboard.js';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import { type Db, type DbOrTx, rowsOf } from '../../db/client.js';
import { countByKeys } from '../../db/dimension-counts.js';
import { containsPattern } from '../../db/like.js';
import { projectBudgets, projects, projectTransactions } from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { SearchableDocument } from '../../search/documents.js';
import { canEdit, isStaff, scopeOf, type Viewer, visibleWhere } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import { indicatorProgress } from './progress.js';
import type { Project, ProjectListFilters } from './schema.js';
import { type MoneyRow, totalsByCurrency } from './totals.js';

export type ProjectRow = typeof projects.$inferSelect;
export type BudgetRow = typeof projectBudgets.$inferSelect;
export type TransactionRow = typeof projectTransactions.$inferSelect;
/** A project with its budgets and transactions, in their order. */
export type ProjectRecord = { row: ProjectRow; budgets: BudgetRow[]; transactions: TransactionRow[] };

/** How a project appears in the search index; drafts are not "published". */
export function projectSearchDocument(row: ProjectRow): SearchableDocument {
  return {
    type: 'project',
    id: row.id,
    slug: row.slug,
    originalLanguage: row.language,
    texts: Object.fromEntries(
      Object.entries(row.texts).map(([language, text]) => [
        language,
        { title: text.title, body: text.description },
      ]),
    ),
    themes: row.themes.map((theme) => theme.id),
    sdgTargets: row.sdgTargets,
    countries: row.countries.map((country) => country.iso3),
    visibility: row.visibility,
    isPublished: row.publication === 'published',
    ...recordScope(row),
  };
}

/** A transaction's provider or receiver organisation, or null when it names none. */
export function partyOf(t: TransactionRow, side: 'provider' | 'receiver') {
  const [name, ref, activityId] =
    side === 'provider'
      ? [t.providerName, t.providerRef, t.providerActivityId]
      : [t.receiverName, t.receiverRef, t.receiverActivityId];
  return name || ref || activityId ? { name, ref, activityId } : null;
}

const KEYS: SortKey<ProjectRow>[] = [
  {
    expr: sql`date_trunc('milliseconds', ${projects.updatedAt})`,
    cast: 'timestamptz',
    of: (row) => row.updatedAt.toISOString(),
  },
  { expr: projects.id, cast: 'uuid', of: (row) => row.id },
];

type Deps = { db: Db; reference: ReferenceService; organisations: OrganisationsService };

/** Each project's values of a dashboard dimension, as an SQL text array. */
function projectKeys(dimension: DashboardDimension): SQL {
  switch (dimension) {
    case 'sdg':
      return sql`${projects.sdgGoals}`;
    case 'theme':
      return sql`ARRAY(SELECT x->>'id' FROM jsonb_array_elements(${projects.themes}) AS x)`;
    case 'region':
      return sql`ARRAY(SELECT x->>'iso3' FROM jsonb_array_elements(${projects.countries}) AS x)`;
    case 'modality':
      return sql`${projects.modalities}`;
    case 'cooperationType':
      return sql`ARRAY[${projects.cooperationType}]`;
    case 'year':
      return sql`ARRAY[extract(year FROM coalesce(${projects.actualStart}, ${projects.plannedStart}))::int::text]`;
  }
}

/**
 * Each project's values of a dashboard dimension with the share of its money each takes: the
 * stated percentages of countries and themes (normalised to their sum), an equal split when none
 * is stated and for SDG goals and modalities, the whole for a single value.
 */
function projectShares(dimension: DashboardDimension): SQL {
  const stated = (column: SQL, key: 'iso3' | 'id') => sql`SELECT x->>${sql.raw(`'${key}'`)} AS key,
      CASE WHEN agg.stated > 0 THEN coalesce((x->>'percentage')::numeric, 0) / agg.stated
        ELSE 1::numeric / agg.n END AS weight
    FROM jsonb_array_elements(${column}) AS x,
      (SELECT coalesce(sum((y->>'percentage')::numeric), 0) AS stated, count(*) AS n
        FROM jsonb_array_elements(${column}) AS y) AS agg`;
  const equal = (column: SQL) => sql`SELECT k AS key, 1::numeric / cardinality(${column}) AS weight
    FROM unnest(${column}) AS k`;
  switch (dimension) {
    case 'region':
      return stated(sql`${projects.countries}`, 'iso3');
    case 'theme':
      return stated(sql`${projects.themes}`, 'id');
    case 'sdg':
      return equal(sql`${projects.sdgGoals}`);
    case 'modality':
      return equal(sql`${projects.modalities}`);
    default:
      return sql`SELECT k AS key, 1::numeric AS weight FROM unnest(${projectKeys(dimension)}) AS k`;
  }
}

/** Reading projects: lists, details, totals, search documents and the rows IATI export needs. */
export function createProjectsService({ db, reference, organisations }: Deps) {
  /** Published projects the viewer may read; drafts for staff and for whoever may read them. */
  function readable(viewer: Viewer, publication: ProjectListFilters['publication'] = 'all'): SQL {
    const scope = visibleWhere(viewer, scopeOf(projects));
    if (publication === 'all') return scope;
    return and(scope, eq(projects.publication, publication)) as SQL;
  }

  function filterConditions(filters: Partial<ProjectListFilters> & { identifiers?: string[] }) {
    const jsonHas = (column: SQL | typeof projects.countries, key: string, values: string[]) =>
      or(...values.map((value) => sql`${column} @> ${JSON.stringify([{ [key]: value }])}::jsonb`));
    const org = filters.organisation;
    return [
      filters.identifiers ? inArray(projects.iatiIdentifier, filters.identifiers) : undefined,
      filters.q
        ? or(
            ilike(sql`${projects.texts}::text`, containsPattern(filters.q)),
            ilike(projects.iatiIdentifier, containsPattern(filters.q)),
          )
        : undefined,
      filters.country ? jsonHas(projects.countries, 'iso3', filters.country) : undefined,
      filters.region ? jsonHas(sql`${projects.regions}`, 'code', filters.region) : undefined,
      filters.sector ? jsonHas(sql`${projects.sectors}`, 'code', filters.sector) : undefined,
      filters.theme ? jsonHas(sql`${projects.themes}`, 'id', filters.theme) : undefined,
      filters.sdg ? arrayOverlaps(projects.sdgGoals, filters.sdg) : undefined,
      filters.status ? inArray(projects.status, filters.status) : undefined,
      filters.cooperationType ? eq(projects.cooperationType, filters.cooperationType) : undefined,
      org
        ? or(
            UUID_PATTERN.test(org) ? eq(projects.ownerOrganisationId, org) : undefined,
            sql`${projects.participants} @> ${JSON.stringify([UUID_PATTERN.test(org) ? { organisationId: org } : { ref: org }])}::jsonb`,
            sql`${projects.reportingOrg}->>'ref' = ${org}`,
          )
        : undefined,
    ];
  }

  /** Budgets and transactions of the given projects, grouped by project. */
  async function moneyOf(ids: string[], tx: DbOrTx = db) {
    if (ids.length === 0)
      return { budgets: new Map<string, BudgetRow[]>(), transactions: new Map<string, TransactionRow[]>() };
    const budgets = await tx
      .select()
      .from(projectBudgets)
      .where(inArray(projectBudgets.projectId, ids))
      .orderBy(asc(projectBudgets.position));
    const transactions = await tx
      .select()
      .from(projectTransactions)
      .where(inArray(projectTransactions.projectId, ids))
      .orderBy(asc(projectTransactions.position));
    const group = <T extends { projectId: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) map.set(row.projectId, [...(map.get(row.projectId) ?? []), row]);
      return map;
    };
    return { budgets: group(budgets), transactions: group(transactions) };
  }

  async function records(rows: ProjectRow[], tx: DbOrTx = db): Promise<ProjectRecord[]> {
    const money = await moneyOf(
      rows.map((row) => row.id),
      tx,
    );
    return rows.map((row) => ({
      row,
      budgets: money.budgets.get(row.id) ?? [],
      transactions: money.transactions.get(row.id) ?? [],
    }));
  }

  async function present(viewer: Viewer, list: ProjectRecord[], lang: string): Promise<Project[]> {
    const rows = list.map((record) => record.row);
    const [
      countryNames,
      themes,
      modalities,
      cooperation,
      ssRoles,
      sectors,
      regions,
      statuses,
      types,
      roles,
      orgs,
    ] = await Promise.all([
      reference.countryNames(
        rows.flatMap((row) => row.countries.map((c) => c.iso3)),
        lang,
      ),
      reference.termLabels('theme', lang),
      reference.termLabels('modality', lang),
      reference.termLabels('cooperation-type', lang),
      reference.termLabels('participant-role', lang),
      reference.codelistLabels('Sector', lang),
      reference.codelistLabels('Region', lang),
      reference.codelistLabels('ActivityStatus', lang),
      reference.codelistLabels('TransactionType', lang),
      reference.codelistLabels('OrganisationRole', lang),
      organisations.summaries(
        viewer,
        [...new Set(rows.flatMap((row) => (row.ownerOrganisationId ? [row.ownerOrganisationId] : [])))],
        lang,
      ),
    ]);
    const orgById = new Map(orgs.map((o) => [o.id, o]));
    const ssLabel = (role: string) => ssRoles.get(role.replace(/^(first|second)-/, '')) ?? role;
    return list.map(({ row, budgets, transactions }) => {
      const language = pickLanguage(row.texts, lang, row.language);
      const text = row.texts[language]!;
      return {
        id: row.id,
        slug: row.slug,
        identifier: row.iatiIdentifier,
        title: text.title,
        description: text.description,
        language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
        reportingOrg: row.reportingOrg,
        organisation: (row.ownerOrganisationId && orgById.get(row.ownerOrganisationId)) || null,
        participants: row.participants.map((p) => ({
          name: p.name,
          ref: p.ref,
          type: p.type,
          role: p.role,
          roleLabel: p.role ? (roles.get(p.role) ?? p.role) : null,
          southSouthRole: p.southSouthRole,
          southSouthRoleLabel: p.southSouthRole ? ssLabel(p.southSouthRole) : null,
          organisationId: p.organisationId,
          activityId: p.activityId,
        })),
        countries: row.countries.map((c) => ({
          iso3: c.iso3,
          name: countryNames.get(c.iso3) ?? c.iso3,
          percentage: c.percentage,
        })),
        regions: row.regions.map((r) => ({
          code: r.code,
          label: regions.get(r.code) ?? r.code,
          percentage: r.percentage,
        })),
        sectors: row.sectors.map((s) => ({
          code: s.code,
          label: (s.vocabulary === '1' && sectors.get(s.code)) || s.code,
          percentage: s.percentage,
        })),
        themes: row.themes.map((t) => ({
          id: t.id,
          label: themes.get(t.id) ?? t.id,
          percentage: t.percentage,
        })),
        sdgGoals: row.sdgGoals,
        sdgTargets: row.sdgTargets,
        modalities: row.modalities.map((id) => ({ id, label: modalities.get(id) ?? id })),
        cooperationType: row.cooperationType
          ? { id: row.cooperationType, label: cooperation.get(row.cooperationType) ?? row.cooperationType }
          : null,
        status: { id: row.status, label: statuses.get(row.status) ?? row.status },
        publication: row.publication,
        dates: {
          plannedStart: row.plannedStart,
          actualStart: row.actualStart,
          plannedEnd: row.plannedEnd,
          actualEnd: row.actualEnd,
        },
        defaultCurrency: row.defaultCurrency,
        budgets: budgets.map((b) => ({
          type: b.type,
          status: b.status,
          periodStart: b.periodStart,
          periodEnd: b.periodEnd,
          amount: b.amount,
          currency: b.currency,
        })),
        transactions: transactions.map((t) => ({
          id: t.id,
          ref: t.ref,
          type: { id: t.type, label: types.get(t.type) ?? t.type },
          date: t.date,
          amount: t.amount,
          currency: t.currency,
          description: t.description,
          provider: partyOf(t, 'provider'),
          receiver: partyOf(t, 'receiver'),
          countedElsewhere: t.counterpartId !== null,
        })),
        totals: totalsByCurrency(budgets as MoneyRow[], transactions as MoneyRow[]),
        results: row.results,
        needIds: row.needIds,
        matchIds: row.matchIds,
        recommendationIds: row.recommendationIds,
        visibility: row.visibility,
        workingGroupId: row.workingGroupId,
        iatiVersion: row.iatiVersion,
        source: row.source
          ? { file: row.source.file, ...(row.source.line ? { line: row.source.line } : {}) }
          : null,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        canEdit: canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }),
      };
    });
  }

  /** The row, by id, slug or IATI identifier, if the viewer may read it. */
  async function find(viewer: Viewer, key: string, tx: DbOrTx = db) {
    const [row] = await tx
      .select()
      .from(projects)
      .where(
        and(
          readable(viewer),
          UUID_PATTERN.test(key)
            ? eq(projects.id, key)
            : or(eq(projects.slug, key), eq(projects.iatiIdentifier, key)),
        ),
      );
    return row;
  }

  /** Drafts are listed only to staff; others see the drafts they may read on their own pages. */
  function publicationFor(viewer: Viewer, asked: ProjectListFilters['publication']) {
    return asked !== 'published' && !isStaff(viewer) && viewer.role === 'visitor' ? 'published' : asked;
  }

  return {
    readable,
    present,
    records,

    async list(viewer: Viewer, filters: ProjectListFilters) {
      const where = and(
        readable(viewer, publicationFor(viewer, filters.publication)),
        ...filterConditions(filters),
      );
      const rows = await db
        .select()
        .from(projects)
        .where(and(where, afterCursor(KEYS, 'desc', filters.cursor)))
        .orderBy(orderBy(KEYS, 'desc'))
        .limit(filters.limit + 1);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(projects).where(where);
      const page = toPage(rows, filters.limit, KEYS, count?.n ?? 0, (row) => row);
      return { ...page, items: await present(viewer, await records(page.items), filters.lang) };
    },

    /** One project by id, slug or IATI identifier; 404 when missing or not readable. */
    async get(viewer: Viewer, key: string, lang: string): Promise<Project> {
      const row = await find(viewer, key);
      if (!row) throw AppError.notFound('Project', key);
      const [item] = await present(viewer, await records([row]), lang);
      return item!;
    },

    /** The published projects the viewer may read among the ids, in the reader's language. */
    async byIds(viewer: Viewer, ids: string[], lang: string): Promise<Project[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select()
        .from(projects)
        .where(and(readable(viewer, 'published'), inArray(projects.id, [...new Set(ids)])));
      return present(viewer, await records(rows), lang);
    },

    /** Which of the ids are published projects the viewer may read (`byIds` without presenting them). */
    async publishedIds(viewer: Viewer, ids: string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: projects.id })
        .from(projects)
        .where(and(readable(viewer, 'published'), inArray(projects.id, [...new Set(ids)])));
      return new Set(rows.map((row) => row.id));
    },

    /** The raw row the viewer may read, or a 404. */
    async row(viewer: Viewer, key: string, tx: DbOrTx = db): Promise<ProjectRow> {
      const row = await find(viewer, key, tx);
      if (!row) throw AppError.notFound('Project', key);
      return row;
    },

    /** Every project matching the filters with its money, in a stable order: for IATI export. */
    async recordsFor(
      viewer: Viewer,
      filters: Partial<ProjectListFilters> & { identifiers?: string[] },
      cap = 100_000,
    ): Promise<ProjectRecord[]> {
      const rows = await db
        .select()
        .from(projects)
        .where(and(readable(viewer, 'published'), ...filterConditions(filters)))
        .orderBy(asc(projects.iatiIdentifier))
        .limit(cap);
      return records(rows);
    },

    /** Published projects the viewer may read, per recipient country (ISO3). */
    /**
     * How many published projects the viewer may read fall under each value of a dashboard
     * dimension (SDG goal, theme, M49 region of a recipient country, modality, cooperation type,
     * year of the actual or else planned start): the rule of `list` with the matching filter.
     */
    countsBy(viewer: Viewer, dimension: DashboardDimension): Promise<Map<string, number>> {
      return countByKeys(
        db,
        {
          from: sql`${projects}`,
          id: sql`${projects.id}`,
          where: readable(viewer, 'published'),
          keys: projectKeys(dimension),
        },
        dimension,
        (codes) => reference.regionsOfCountries(codes),
      );
    },

    /**
     * Budget (revised budgets replacing originals for the same period) and disbursements of the
     * published projects the viewer may read, per value of a dimension and currency, summed
     * exactly in SQL. Each project's amount is split by `projectShares` and rounded to cents, the
     * last share taking the remainder, so a project's shares add up to its total exactly. For
     * `region` the keys are ISO3 codes (the caller sums them per region). Amounts without a
     * currency are left out, as in the project totals.
     */
    async moneyBy(
      viewer: Viewer,
      dimension: DashboardDimension,
    ): Promise<
      Array<{ key: string; currency: string; budget: string; disbursement: string; projects: number }>
    > {
      return rowsOf(
        await db.execute(sql`
          WITH shares AS (
            SELECT ${projects.id} AS project_id, s.key, s.weight,
              row_number() OVER (PARTITION BY ${projects.id} ORDER BY s.key) AS rn,
              count(*) OVER (PARTITION BY ${projects.id}) AS cnt
            FROM ${projects} CROSS JOIN LATERAL (${projectShares(dimension)}) AS s
            WHERE ${readable(viewer, 'published')} AND s.key IS NOT NULL
          ),
          flows AS (
            SELECT b.project_id, b.currency, b.amount AS budget, 0::numeric AS disbursement
            FROM ${projectBudgets} AS b
            WHERE b.type = '2' OR NOT EXISTS (SELECT 1 FROM ${projectBudgets} AS r
              WHERE r.project_id = b.project_id AND r.type = '2'
                AND r.period_start = b.period_start AND r.period_end = b.period_end)
            UNION ALL
            SELECT t.project_id, t.currency, 0::numeric, t.amount
            FROM ${projectTransactions} AS t WHERE t.type = '3'
          ),
          money AS (
            SELECT project_id, currency, sum(budget) AS budget, sum(disbursement) AS disbursement
            FROM flows WHERE currency IS NOT NULL AND project_id IN (SELECT project_id FROM shares)
            GROUP BY project_id, currency
          ),
          parts AS (
            SELECT s.key, m.currency, s.project_id,
              CASE WHEN s.rn = s.cnt
                THEN m.budget - coalesce(sum(round(m.budget * s.weight, 2)) OVER w, 0)
                ELSE round(m.budget * s.weight, 2) END AS budget,
              CASE WHEN s.rn = s.cnt
                THEN m.disbursement - coalesce(sum(round(m.disbursement * s.weight, 2)) OVER w, 0)
                ELSE round(m.disbursement * s.weight, 2) END AS disbursement
            FROM shares AS s JOIN money AS m ON m.project_id = s.project_id
            WINDOW w AS (PARTITION BY s.project_id, m.currency ORDER BY s.rn
              ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
          )
          SELECT key, currency, sum(budget)::text AS budget, sum(disbursement)::text AS disbursement,
            count(DISTINCT project_id)::int AS projects
          FROM parts GROUP BY key, currency ORDER BY key, currency`),
      );
    },

    /**
     * Every indicator of the published projects the viewer may read that report results, with its
     * baseline, latest target and actual values and progress, in the reader's language.
     */
    async indicators(viewer: Viewer, lang: string) {
      const rows = await db
        .select()
        .from(projects)
        .where(and(readable(viewer, 'published'), sql`jsonb_array_length(${projects.results}) > 0`))
        .orderBy(asc(projects.iatiIdentifier));
      return rows.flatMap((row) => {
        const language = pickLanguage(row.texts, lang, row.language);
        const title = row.texts[language]!.title;
        return row.results.flatMap((result, r) =>
          result.indicators.map((indicator, i) => ({
            key: `${row.id}:${r}:${i}`,
            projectId: row.id,
            project: title,
            result: result.title,
            indicator: indicator.title,
            ascending: indicator.ascending,
            ...indicatorProgress(indicator),
          })),
        );
      });
    },

    /** The currencies budgets and disbursements of readable published projects are in, most projects first. */
    async moneyCurrencies(viewer: Viewer): Promise<Array<{ currency: string; projects: number }>> {
      return rowsOf(
        await db.execute(sql`SELECT currency, count(DISTINCT project_id)::int AS projects FROM (
            SELECT project_id, currency FROM ${projectBudgets}
            UNION ALL SELECT project_id, currency FROM ${projectTransactions} WHERE type = '3'
          ) AS m
          WHERE currency IS NOT NULL
            AND project_id IN (SELECT ${projects.id} FROM ${projects} WHERE ${readable(viewer, 'published')})
          GROUP BY currency ORDER BY projects DESC, currency`),
      );
    },

    async countsByCountry(viewer: Viewer): Promise<Map<string, number>> {
      const rows = rowsOf<{ code: string; n: number }>(
        await db.execute(sql`SELECT c->>'iso3' AS code, count(DISTINCT ${projects.id})::int AS n
          FROM ${projects} CROSS JOIN LATERAL jsonb_array_elements(${projects.countries}) AS c
          WHERE ${readable(viewer, 'published')} GROUP BY code`),
      );
      return new Map(rows.map((row) => [row.code, row.n]));
    },

    /**
     * Provider → recipient flows of published projects: the country of each participating platform
     * organisation with a provider role, towards each recipient country, with the number of projects.
     */
    async flows(viewer: Viewer): Promise<Array<{ from: string; to: string; value: number }>> {
      const rows = await db
        .select({ id: projects.id, participants: projects.participants, countries: projects.countries })
        .from(projects)
        .where(readable(viewer, 'published'));
      const providerOrgs = (row: (typeof rows)[number]) =>
        row.participants.flatMap((p) =>
          p.organisationId &&
          p.southSouthRole &&
          p.southSouthRole !== 'recipient' &&
          p.southSouthRole !== 'facilitator'
            ? [p.organisationId]
            : [],
        );
      const countryOf = await organisations.countriesOf(rows.flatMap(providerOrgs));
      const flows = new Map<string, { from: string; to: string; projects: Set<string> }>();
      for (const row of rows)
        for (const org of providerOrgs(row)) {
          const from = countryOf.get(org);
          if (!from) continue;
          for (const { iso3: to } of row.countries) {
            if (to === from) continue;
            const flow = flows.get(`${from}>${to}`) ?? { from, to, projects: new Set<string>() };
            flow.projects.add(row.id);
            flows.set(`${from}>${to}`, flow);
          }
        }
      return [...flows.values()]
        .map((flow) => ({ from: flow.from, to: flow.to, value: flow.projects.size }))
        .sort((a, b) => b.value - a.value || a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    },

    /** The projects the viewer may read that list a recommendation, titled in the reader's language. */
    async addressing(viewer: Viewer, recommendationId: string, lang: string) {
      const rows = await db
        .select()
        .from(projects)
        .where(and(readable(viewer), arrayContains(projects.recommendationIds, [recommendationId])))
        .orderBy(asc(projects.createdAt));
      const statuses = await reference.codelistLabels('ActivityStatus', lang);
      return rows.map((row) => {
        const language = pickLanguage(row.texts, lang, row.language);
        return {
          type: 'project' as const,
          id: row.id,
          slug: row.slug,
          title: row.texts[language]!.title,
          language,
          status: statuses.get(row.status) ?? row.status,
        };
      });
    },

    /** Which of these recommendations a project the viewer may read lists. */
    async addressedRecommendations(viewer: Viewer, recommendationIds: string[]): Promise<Set<string>> {
      if (recommendationIds.length === 0) return new Set();
      const rows = await db
        .select({ ids: projects.recommendationIds })
        .from(projects)
        .where(and(readable(viewer), arrayOverlaps(projects.recommendationIds, recommendationIds)));
      const wanted = new Set(recommendationIds);
      return new Set(rows.flatMap((row) => row.ids.filter((id) => wanted.has(id))));
    },

    /** Every project as a search document, for a full reindex. */
    async searchDocuments(tx: DbOrTx = db): Promise<SearchableDocument[]> {
      return (await tx.select().from(projects)).map(projectSearchDocument);
    },
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;
