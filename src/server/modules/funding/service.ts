import { and, asc, desc, eq, ilike, inArray, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import { subtractDecimal, sumDecimals } from '../../../shared/decimal.js';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import {
  appealProjects,
  contributions,
  exchangeRates,
  fundAllocations,
  funds,
  rateTables,
} from '../../db/schema/index.js';
import { AppError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { Viewer } from '../access/policy.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { Project } from '../projects/schema.js';
import type { ProjectsService } from '../projects/service.js';
import type { ReferenceService } from '../reference/service.js';
import {
  type Convert,
  converter,
  explore,
  type Flow,
  FUNDING_RULE,
  type Line,
  type Money,
} from './explorer.js';
import { type ProjectFunding, sumByProject } from './project-funding.js';
import type {
  Allocation,
  Contribution,
  ContributionFilters,
  Explorer,
  ExplorerFilters,
  Fund,
  FundDetail,
  RateTable,
} from './schema.js';

export type FundRow = typeof funds.$inferSelect;
export type ContributionRow = typeof contributions.$inferSelect;
export type AllocationRow = typeof fundAllocations.$inferSelect;
type Kind = FundRow['kind'];

/** Which rate table figures were converted at: enough to name it in a legend. */
export type RateTableRef = { id: string; name: string; effectiveOn: string; source: string };

/** What every published project the viewer may read received, in one currency. */
export type FundingByProject = {
  /** The report currency: the rate table's base (USD when no table is stated). */
  currency: string;
  rateTable: RateTableRef | null;
  projects: ProjectFunding[];
  /** Amounts in currencies the rate table lacks, left out of the figures. */
  unconverted: Money[];
};

type Deps = {
  db: Db;
  reference: Pick<ReferenceService, 'regionsOfCountries' | 'listRegions'>;
  organisations: Pick<OrganisationsService, 'summaries'>;
  projects: Pick<ProjectsService, 'byIds' | 'row' | 'publishedIds'>;
};

const ZERO = '0.00';
const KEYS: SortKey<ContributionRow>[] = [
  { expr: contributions.madeOn, cast: 'date', of: (row) => row.madeOn },
  { expr: contributions.id, cast: 'uuid', of: (row) => row.id },
];

const byKey = (key: string) => (UUID_PATTERN.test(key) ? eq(funds.id, key) : eq(funds.slug, key));

/** Appeals, trust funds, their contributions and allocations, and the appeal explorer. */
export function createFundingService({ db, reference, organisations, projects }: Deps) {
  /** The rate table asked for, or the latest; null when there is none at all. */
  async function rateTable(id?: string): Promise<RateTable | null> {
    const [table] = await db
      .select()
      .from(rateTables)
      .where(id ? eq(rateTables.id, id) : undefined)
      .orderBy(desc(rateTables.effectiveOn), asc(rateTables.id))
      .limit(1);
    if (!table) {
      if (id)
        throw new AppError('validation_failed', 'No such rate table', [
          { field: 'query.rates', message: `unknown rate table "${id}"` },
        ]);
      return null;
    }
    const rates = await db
      .select()
      .from(exchangeRates)
      .where(eq(exchangeRates.rateTableId, table.id))
      .orderBy(asc(exchangeRates.currency));
    return {
      id: table.id,
      name: table.name,
      baseCurrency: table.baseCurrency,
      effectiveOn: table.effectiveOn,
      source: table.source,
      rates: rates.map((rate) => ({ currency: rate.currency, rate: rate.rate })),
    };
  }

  function convertWith(table: RateTable | null): { currency: string; convert: Convert } {
    const base = table?.baseCurrency ?? 'USD';
    return {
      currency: base,
      convert: converter(base, new Map(table?.rates.map((r) => [r.currency, r.rate]) ?? [])),
    };
  }

  async function fundRow(key: string, kind?: Kind, tx: DbOrTx = db): Promise<FundRow> {
    const [row] = await tx.select().from(funds).where(byKey(key));
    if (!row || (kind && row.kind !== kind))
      throw AppError.notFound(kind === 'appeal' ? 'Appeal' : 'Fund', key);
    return row;
  }

  /** The projects the appeal lists that the viewer may read, as explorer lines. */
  async function linesOf(viewer: Viewer, appealId: string, lang: string): Promise<Line[]> {
    const listed = await db
      .select()
      .from(appealProjects)
      .where(eq(appealProjects.appealId, appealId))
      .orderBy(asc(appealProjects.createdAt));
    const readable = new Map(
      (
        await projects.byIds(
          viewer,
          listed.map((line) => line.projectId),
          lang,
        )
      ).map((p) => [p.id, p]),
    );
    const countryCodes = [...readable.values()].flatMap((p) => p.countries.map((c) => c.iso3));
    const [regionsOf, regionList] = await Promise.all([
      reference.regionsOfCountries(countryCodes),
      reference.listRegions(lang),
    ]);
    const regionNames = new Map(regionList.map((region) => [region.m49, region.name]));
    return listed.flatMap((line) => {
      const project = readable.get(line.projectId);
      return project ? [toLine(project, line, regionsOf, regionNames)] : [];
    });
  }

  /** Contributions and allocations toward an appeal, as explorer flows. */
  async function flowsOf(appealId: string): Promise<Flow[]> {
    const [given, allocated] = await Promise.all([
      db.select().from(contributions).where(eq(contributions.appealId, appealId)),
      db.select().from(fundAllocations).where(eq(fundAllocations.appealId, appealId)),
    ]);
    return [
      ...given.map((c) => ({
        projectId: c.projectId,
        amount: c.amount,
        currency: c.currency,
        paid: c.status === 'paid',
      })),
      ...allocated.map((a) => ({
        projectId: a.projectId,
        amount: a.amount,
        currency: a.currency,
        paid: true,
      })),
    ];
  }

  async function explorer(viewer: Viewer, appeal: FundRow, filters: ExplorerFilters): Promise<Explorer> {
    const table = await rateTable(filters.rates);
    const { currency, convert } = convertWith(table);
    const [lines, flows] = await Promise.all([linesOf(viewer, appeal.id, filters.lang), flowsOf(appeal.id)]);
    return { ...explore(lines, flows, filters, convert), currency, rateTable: table, rule: FUNDING_RULE };
  }

  /** A trust fund's totals: contributions in, allocations out, converted at the rate table. */
  async function fundTotals(viewer: Viewer, row: FundRow, table: RateTable | null, lang: string) {
    const { currency, convert } = convertWith(table);
    const toBase = (money: { amount: string; currency: string }) => convert(money) ?? ZERO;
    if (row.kind === 'appeal') {
      const result = explore(
        await linesOf(viewer, row.id, lang),
        await flowsOf(row.id),
        { groupBy: 'project' },
        convert,
      );
      const allocated = await db.select().from(fundAllocations).where(eq(fundAllocations.appealId, row.id));
      const [count] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(contributions)
        .where(eq(contributions.appealId, row.id));
      return {
        currency,
        projects: result.totals.projects,
        requirement: result.totals.requirement,
        pledged: result.totals.pledged,
        paid: result.totals.paid,
        gap: result.totals.gap,
        contributions: count?.n ?? 0,
        allocated: sumDecimals(allocated.map(toBase), 2),
        balance: null,
      };
    }
    const [given, allocated] = await Promise.all([
      db.select().from(contributions).where(eq(contributions.fundId, row.id)),
      db.select().from(fundAllocations).where(eq(fundAllocations.fundId, row.id)),
    ]);
    const paid = sumDecimals(given.filter((c) => c.status === 'paid').map(toBase), 2);
    const allocatedTotal = sumDecimals(allocated.map(toBase), 2);
    const funded = new Set([
      ...allocated.map((a) => a.projectId),
      ...given.flatMap((c) => (c.projectId ? [c.projectId] : [])),
    ]);
    return {
      currency,
      projects: funded.size,
      requirement: null,
      pledged: sumDecimals(given.map(toBase), 2),
      paid,
      gap: null,
      contributions: given.length,
      allocated: allocatedTotal,
      balance: subtractDecimal(paid, allocatedTotal, 2),
    };
  }

  async function presentFund(
    viewer: Viewer,
    row: FundRow,
    lang: string,
    table: RateTable | null,
  ): Promise<Fund> {
    const language = pickLanguage(row.texts, lang, row.language);
    const text = row.texts[language]!;
    const managers = await organisations.summaries(viewer, row.managerIds, lang);
    return {
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      name: text.name,
      description: text.description ?? '',
      language,
      originalLanguage: row.language,
      availableLanguages: Object.keys(row.texts),
      currency: row.currency,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      managers: managers.map((m) => ({ id: m.id, slug: m.slug, name: m.acronym ?? m.name })),
      figures: row.figures.map((figure) => ({
        metric: figure.metric,
        amount: figure.amount,
        currency: figure.currency,
        year: figure.year,
        note: figure.note ? (figure.note[pickLanguage(figure.note, lang, row.language)] ?? null) : null,
      })),
      totals: await fundTotals(viewer, row, table, lang),
      rateTable: table?.id ?? null,
      source: row.source
        ? {
            file: row.source.file,
            ...(row.source.line ? { line: row.source.line } : {}),
            ...(row.source.paragraph ? { paragraph: row.source.paragraph } : {}),
          }
        : null,
    };
  }

  /** Names of the funds and titles of the projects that contributions and allocations point at. */
  async function references(viewer: Viewer, fundIds: string[], projectIds: string[], lang: string) {
    const [fundRows, projectRows] = await Promise.all([
      fundIds.length
        ? db
            .select()
            .from(funds)
            .where(inArray(funds.id, [...new Set(fundIds)]))
        : [],
      projects.byIds(viewer, projectIds, lang),
    ]);
    const fundsById = new Map(
      fundRows.map((row) => [
        row.id,
        { id: row.id, slug: row.slug, name: row.texts[pickLanguage(row.texts, lang, row.language)]!.name },
      ]),
    );
    const projectsById = new Map(
      projectRows.map((p) => [p.id, { id: p.id, slug: p.slug, title: p.title, language: p.language }]),
    );
    return { fundsById, projectsById };
  }

  async function presentContributions(
    viewer: Viewer,
    rows: ContributionRow[],
    lang: string,
  ): Promise<Contribution[]> {
    const { fundsById, projectsById } = await references(
      viewer,
      rows.flatMap((r) => [r.appealId, r.fundId].filter((id): id is string => !!id)),
      rows.flatMap((r) => (r.projectId ? [r.projectId] : [])),
      lang,
    );
    const donors = new Map(
      (
        await organisations.summaries(
          viewer,
          rows.flatMap((r) => (r.donorOrganisationId ? [r.donorOrganisationId] : [])),
          lang,
        )
      ).map((org) => [org.id, org]),
    );
    return rows.map((row) => {
      const donor = row.donorOrganisationId ? donors.get(row.donorOrganisationId) : undefined;
      return {
        id: row.id,
        donor: { id: donor?.id ?? null, slug: donor?.slug ?? null, name: donor?.name ?? row.donorName },
        appeal: row.appealId ? (fundsById.get(row.appealId) ?? null) : null,
        fund: row.fundId ? (fundsById.get(row.fundId) ?? null) : null,
        project: row.projectId ? (projectsById.get(row.projectId) ?? null) : null,
        earmarked: row.projectId !== null,
        amount: row.amount,
        currency: row.currency,
        status: row.status,
        madeOn: row.madeOn,
        note: row.note,
        source: row.source
          ? { file: row.source.file, ...(row.source.line ? { line: row.source.line } : {}) }
          : null,
      };
    });
  }

  async function presentAllocations(
    viewer: Viewer,
    rows: AllocationRow[],
    lang: string,
  ): Promise<Allocation[]> {
    const { fundsById, projectsById } = await references(
      viewer,
      rows.flatMap((r) => [r.fundId, r.appealId].filter((id): id is string => !!id)),
      rows.map((r) => r.projectId),
      lang,
    );
    return rows.map((row) => ({
      id: row.id,
      fund: fundsById.get(row.fundId)!,
      project: projectsById.get(row.projectId) ?? null,
      appeal: row.appealId ? (fundsById.get(row.appealId) ?? null) : null,
      amount: row.amount,
      currency: row.currency,
      allocatedOn: row.allocatedOn,
      note: row.note,
    }));
  }

  return {
    rateTable,
    fundRow,

    async rateTables(): Promise<RateTable[]> {
      const tables = await db
        .select({ id: rateTables.id })
        .from(rateTables)
        .orderBy(desc(rateTables.effectiveOn));
      return Promise.all(tables.map((table) => rateTable(table.id) as Promise<RateTable>));
    },

    /** Every appeal or every trust fund, with totals at the rate table asked for (the latest by default). */
    async list(viewer: Viewer, kind: Kind, lang: string, rates?: string): Promise<Fund[]> {
      const table = await rateTable(rates);
      const rows = await db
        .select()
        .from(funds)
        .where(eq(funds.kind, kind))
        .orderBy(desc(funds.periodStart), asc(funds.slug));
      return Promise.all(rows.map((row) => presentFund(viewer, row, lang, table)));
    },

    /** One appeal or fund with its contributions, allocations and, for an appeal, the explorer. */
    async get(viewer: Viewer, key: string, kind: Kind, filters: ExplorerFilters): Promise<FundDetail> {
      const row = await fundRow(key, kind);
      const table = await rateTable(filters.rates);
      const column = kind === 'appeal' ? contributions.appealId : contributions.fundId;
      const allocationColumn = kind === 'appeal' ? fundAllocations.appealId : fundAllocations.fundId;
      const [given, allocated] = await Promise.all([
        db
          .select()
          .from(contributions)
          .where(eq(column, row.id))
          .orderBy(desc(contributions.madeOn), asc(contributions.id)),
        db
          .select()
          .from(fundAllocations)
          .where(eq(allocationColumn, row.id))
          .orderBy(desc(fundAllocations.allocatedOn), asc(fundAllocations.id)),
      ]);
      return {
        ...(await presentFund(viewer, row, filters.lang, table)),
        explorer: kind === 'appeal' ? await explorer(viewer, row, filters) : null,
        contributions: await presentContributions(viewer, given, filters.lang),
        allocations: await presentAllocations(viewer, allocated, filters.lang),
      };
    },

    /** The explorer of one appeal, for exports. */
    async explorer(viewer: Viewer, key: string, filters: ExplorerFilters): Promise<Explorer> {
      return explorer(viewer, await fundRow(key, 'appeal'), filters);
    },

    /** Contributions, newest first, filtered by appeal, fund, project, donor and status. */
    async contributions(viewer: Viewer, filters: ContributionFilters & { projectId?: string }) {
      const [appeal, fund] = await Promise.all([
        filters.appeal ? fundRow(filters.appeal, 'appeal') : undefined,
        filters.fund ? fundRow(filters.fund, 'trust-fund') : undefined,
      ]);
      const where = and(
        appeal ? eq(contributions.appealId, appeal.id) : undefined,
        fund ? eq(contributions.fundId, fund.id) : undefined,
        filters.projectId ? eq(contributions.projectId, filters.projectId) : undefined,
        filters.status ? eq(contributions.status, filters.status) : undefined,
        filters.donor ? donorCondition(filters.donor) : undefined,
      );
      const rows = await db
        .select()
        .from(contributions)
        .where(and(where, afterCursor(KEYS, 'desc', filters.cursor)))
        .orderBy(orderBy(KEYS, 'desc'))
        .limit(filters.limit + 1);
      const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(contributions).where(where);
      const page = toPage(rows, filters.limit, KEYS, count?.n ?? 0, (row) => row);
      return { ...page, items: await presentContributions(viewer, page.items, filters.lang) };
    },

    /** The id of a project the viewer may read, by id, slug or IATI identifier; 404 otherwise. */
    async projectId(viewer: Viewer, key: string): Promise<string> {
      return (await projects.row(viewer, key)).id;
    },

    async contribution(viewer: Viewer, id: string, lang: string): Promise<Contribution> {
      const [row] = await db.select().from(contributions).where(eq(contributions.id, id));
      if (!row) throw AppError.notFound('Contribution', id);
      return (await presentContributions(viewer, [row], lang))[0]!;
    },

    /**
     * Money pledged and paid to each published project the viewer may read: contributions earmarked
     * to it (through an appeal, a trust fund or neither) and trust-fund allocations to it, converted
     * at the rate table asked for (the latest by default), by project and by year of the money's
     * date. Pledged counts everything, paid or not; paid counts contributions received and
     * allocations, as in the appeal explorer.
     */
    async fundingByProject(viewer: Viewer, rates?: string): Promise<FundingByProject> {
      const table = await rateTable(rates);
      const { currency, convert } = convertWith(table);
      const [given, allocated] = await Promise.all([
        db.select().from(contributions).where(isNotNull(contributions.projectId)),
        db.select().from(fundAllocations),
      ]);
      const flows = [
        ...given.map((c) => ({
          projectId: c.projectId!,
          amount: c.amount,
          currency: c.currency,
          paid: c.status === 'paid',
          on: c.madeOn,
        })),
        ...allocated.map((a) => ({
          projectId: a.projectId,
          amount: a.amount,
          currency: a.currency,
          paid: true,
          on: a.allocatedOn,
        })),
      ];
      const readable = await projects.publishedIds(
        viewer,
        flows.map((flow) => flow.projectId),
      );
      return {
        currency,
        rateTable: table
          ? { id: table.id, name: table.name, effectiveOn: table.effectiveOn, source: table.source }
          : null,
        ...sumByProject(
          flows.filter((flow) => readable.has(flow.projectId)),
          convert,
        ),
      };
    },

    /** The appeals that list any of the projects, named in the reader's language, newest first. */
    async appealsListing(projectIds: string[], lang: string): Promise<Array<{ slug: string; name: string }>> {
      if (projectIds.length === 0) return [];
      const rows = await db
        .selectDistinct({
          slug: funds.slug,
          texts: funds.texts,
          language: funds.language,
          periodStart: funds.periodStart,
        })
        .from(funds)
        .innerJoin(appealProjects, eq(appealProjects.appealId, funds.id))
        .where(inArray(appealProjects.projectId, [...new Set(projectIds)]))
        .orderBy(desc(funds.periodStart), asc(funds.slug));
      return rows.map((row) => ({
        slug: row.slug,
        name: row.texts[pickLanguage(row.texts, lang, row.language)]!.name,
      }));
    },

    /** Funding given to one project: earmarked contributions and fund allocations, by currency. */
    async projectFunding(projectId: string) {
      const [given, allocated] = await Promise.all([
        db.select().from(contributions).where(eq(contributions.projectId, projectId)),
        db.select().from(fundAllocations).where(eq(fundAllocations.projectId, projectId)),
      ]);
      return { contributions: given, allocations: allocated };
    },
  };
}

function donorCondition(donor: string): SQL {
  return UUID_PATTERN.test(donor)
    ? eq(contributions.donorOrganisationId, donor)
    : (or(
        ilike(contributions.donorName, containsPattern(donor)),
        sql`${contributions.donorOrganisationId} IN (SELECT id FROM organisations WHERE slug = ${donor})`,
      ) as SQL);
}

/** A project as the explorer sees it: its countries, regions, themes and implementing partners. */
function toLine(
  project: Project,
  line: typeof appealProjects.$inferSelect,
  regionsOf: Map<string, string[]>,
  regionNames: Map<string, string>,
): Line {
  const countries = project.countries.map((c) => ({
    key: c.iso3,
    label: c.name,
    weight: c.percentage ?? '0',
  }));
  const stated = countries.some((c) => c.weight !== '0');
  const regionWeights = new Map<string, string>();
  const regionCodes = new Set<string>();
  for (const country of countries) {
    const codes = regionsOf.get(country.key) ?? [];
    for (const code of codes) regionCodes.add(code);
    const region = codes[1] ?? codes[0];
    if (region)
      regionWeights.set(
        region,
        sumDecimals([regionWeights.get(region) ?? '0', stated ? country.weight : '1']),
      );
  }
  const regions = regionWeights.size
    ? [...regionWeights].map(([code, weight]) => ({
        key: code,
        label: regionNames.get(code) ?? code,
        weight,
      }))
    : project.regions.map((r) => ({ key: r.code, label: r.label, weight: r.percentage ?? '0' }));
  for (const region of project.regions) regionCodes.add(region.code);
  const partners = project.participants
    .filter((p) => p.role === '4')
    .map((p) => ({ key: p.organisationId ?? p.name, label: p.name, weight: '1' }));
  return {
    projectId: project.id,
    slug: project.slug,
    title: project.title,
    programme: line.programme,
    requirement: { amount: line.requirement, currency: line.currency },
    countries,
    regions,
    regionCodes: [...regionCodes],
    themes: project.themes.map((t) => ({ key: t.id, label: t.label, weight: t.percentage ?? '0' })),
    partners: [...new Map(partners.map((p) => [p.key, p])).values()],
  };
}

export type FundingService = ReturnType<typeof createFundingService>;
