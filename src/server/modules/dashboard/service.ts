import { type DashboardDimension, isDashboardDimension } from '../../../shared/dashboard.js';
import { compareDecimals, sumDecimals } from '../../../shared/decimal.js';
import { isLanguage } from '../../../shared/languages.js';
import { getI18n } from '../../../web/i18n.js';
import { AppError } from '../../errors.js';
import type { Viewer } from '../access/policy.js';
import type { FundingService, RateTableRef } from '../funding/service.js';
import type { MatchingService } from '../matching/service.js';
import type { NeedsOffersService } from '../needs-offers/service.js';
import type { ProjectsService } from '../projects/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { SolutionsService } from '../solutions/service.js';
import { fundingBy } from './funding.js';

/** The kinds of record the dashboard counts, in the order of its series and columns. */
export const RECORD_TYPES = ['solutions', 'needs', 'matches', 'projects'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export type DashboardRow = { key: string; label: string } & Record<RecordType, number>;
export type MoneyRow = { key: string; label: string; budget: string; disbursement: string };
export type ProjectMoney = {
  /** The currency shown: the one asked for, or the one most projects report in. */
  currency: string | null;
  /** Every currency reported, most projects first, with how many projects report in it. */
  currencies: Array<{ currency: string; projects: number }>;
  rows: MoneyRow[];
};
export type FundingRow = { key: string; label: string; pledged: string; paid: string };
export type ProjectFundingByDimension = {
  /** The report currency: the rate table's base. */
  currency: string;
  rateTable: RateTableRef | null;
  rows: FundingRow[];
  /** All funding of the projects counted; the rows and `unassigned` add up to it exactly. */
  total: { pledged: string; paid: string };
  /** Funding of projects without a value of the dimension (no theme, no recipient country…). */
  unassigned: { pledged: string; paid: string };
  unconverted: Array<{ amount: string; currency: string }>;
};
export type MatchFunnel = { suggested: number; interest: number; agreed: number; project: number };

type Deps = {
  reference: Pick<ReferenceService, 'termLabels' | 'listRegions' | 'regionsOfCountries'>;
  solutions: Pick<SolutionsService, 'countsBy'>;
  needsOffers: Pick<NeedsOffersService, 'countsBy'>;
  matching: Pick<MatchingService, 'agreedCountsBy' | 'funnel'>;
  projects: Pick<ProjectsService, 'countsBy' | 'moneyBy' | 'moneyCurrencies' | 'indicators' | 'byIds'>;
  funding: Pick<FundingService, 'fundingByProject'>;
};

/** The dimension a request asks for: the default when absent, 422 naming the field when unknown. */
export function dimensionOf(value: string | undefined): DashboardDimension {
  if (value === undefined || value === '') return 'sdg';
  if (isDashboardDimension(value)) return value;
  throw new AppError('validation_failed', `There is no dashboard dimension "${value}"`, [
    {
      field: 'query.dimension',
      message: 'must be one of sdg, theme, region, modality, cooperationType, year',
    },
  ]);
}

/**
 * The monitoring and evaluation dashboard: counts of solutions, open needs, agreed matches and
 * published projects by one dimension, and the match funnel. Every number is asked of the module
 * that owns the records, with the viewer's permissions; nothing here reads a table.
 */
export function createDashboardService({
  reference,
  solutions,
  needsOffers,
  matching,
  projects,
  funding,
}: Deps) {
  async function labelsOf(dimension: DashboardDimension, lang: string): Promise<(key: string) => string> {
    const t = getI18n(isLanguage(lang) ? lang : 'en').t;
    switch (dimension) {
      case 'sdg':
        return (key) => t('dashboard.sdgGoal', { goal: key });
      case 'theme': {
        const labels = await reference.termLabels('theme', lang);
        return (key) => labels.get(key) ?? key;
      }
      case 'modality': {
        const labels = await reference.termLabels('modality', lang);
        return (key) => labels.get(key) ?? key;
      }
      case 'region': {
        const labels = new Map((await reference.listRegions(lang)).map((r) => [r.m49, r.name]));
        return (key) => labels.get(key) ?? key;
      }
      case 'cooperationType':
        return (key) => t(`dashboard.cooperation.${key}`, { defaultValue: key });
      case 'year':
        return (key) => key;
    }
  }

  return {
    /** One row per value of the dimension that any record type has, in a stable order. */
    async counts(viewer: Viewer, dimension: DashboardDimension, lang: string): Promise<DashboardRow[]> {
      const [counts, label] = await Promise.all([
        Promise.all([
          solutions.countsBy(viewer, dimension),
          needsOffers.countsBy('need', viewer, dimension),
          matching.agreedCountsBy(viewer, dimension),
          projects.countsBy(viewer, dimension),
        ]),
        labelsOf(dimension, lang),
      ]);
      const keys = [...new Set(counts.flatMap((map) => [...map.keys()]))];
      const rows = keys.map((key) => {
        const row = { key, label: label(key) } as DashboardRow;
        RECORD_TYPES.forEach((type, i) => {
          row[type] = counts[i]!.get(key) ?? 0;
        });
        return row;
      });
      const total = (row: DashboardRow) => RECORD_TYPES.reduce((sum, type) => sum + row[type], 0);
      return dimension === 'sdg' || dimension === 'year'
        ? rows.sort((a, b) => Number(a.key) - Number(b.key))
        : rows.sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label, lang));
    },

    /**
     * Project budgets and disbursements per value of the dimension in one currency (no
     * conversion), each project's amount split by its stated percentages (equally when none), so
     * the values add up to the project totals. Amounts are exact decimal strings.
     */
    async money(
      viewer: Viewer,
      dimension: DashboardDimension,
      lang: string,
      currency?: string,
    ): Promise<ProjectMoney> {
      const [raw, label, currencies] = await Promise.all([
        projects.moneyBy(viewer, dimension),
        labelsOf(dimension, lang),
        projects.moneyCurrencies(viewer),
      ]);
      const shown =
        currency && currencies.some((c) => c.currency === currency)
          ? currency
          : (currencies[0]?.currency ?? null);
      const regions =
        dimension === 'region'
          ? await reference.regionsOfCountries(raw.map((row) => row.key))
          : new Map<string, string[]>();
      const keyOf = (key: string) => (dimension === 'region' ? regions.get(key)?.[0] : key);
      const sums = new Map<string, { budget: string[]; disbursement: string[] }>();
      for (const row of raw) {
        const key = keyOf(row.key);
        if (row.currency !== shown || key === undefined) continue;
        const sum = sums.get(key) ?? { budget: [], disbursement: [] };
        sum.budget.push(row.budget);
        sum.disbursement.push(row.disbursement);
        sums.set(key, sum);
      }
      const rows = [...sums].map(([key, sum]) => ({
        key,
        label: label(key),
        budget: sumDecimals(sum.budget, 2),
        disbursement: sumDecimals(sum.disbursement, 2),
      }));
      return {
        currency: shown,
        currencies,
        rows:
          dimension === 'sdg' || dimension === 'year'
            ? rows.sort((a, b) => Number(a.key) - Number(b.key))
            : rows.sort(
                (a, b) => compareDecimals(b.budget, a.budget) || a.label.localeCompare(b.label, lang),
              ),
      };
    },

    /**
     * Money pledged and paid to published projects (earmarked contributions and fund allocations)
     * per value of the dimension, in the base currency of the rate table asked for (the latest by
     * default; 422 naming `query.rates` when unknown). Each project's funding is split by its
     * shares as its budget is; over time, by the year of each contribution or allocation.
     */
    async funding(
      viewer: Viewer,
      dimension: DashboardDimension,
      lang: string,
      rates?: string,
    ): Promise<ProjectFundingByDimension> {
      const [funded, label] = await Promise.all([
        funding.fundingByProject(viewer, rates),
        labelsOf(dimension, lang),
      ]);
      const listed =
        dimension === 'year'
          ? []
          : await projects.byIds(
              viewer,
              funded.projects.map((p) => p.projectId),
              lang,
            );
      const regions =
        dimension === 'region'
          ? await reference.regionsOfCountries(listed.flatMap((p) => p.countries.map((c) => c.iso3)))
          : new Map<string, string[]>();
      const { rows, total, unassigned } = fundingBy(
        dimension,
        funded.projects,
        new Map(listed.map((project) => [project.id, project])),
        (key) => (dimension === 'region' ? regions.get(key)?.[0] : key),
      );
      const list = [...rows].map(([key, figures]) => ({ key, label: label(key), ...figures }));
      return {
        currency: funded.currency,
        rateTable: funded.rateTable,
        rows:
          dimension === 'sdg' || dimension === 'year'
            ? list.sort((a, b) => Number(a.key) - Number(b.key))
            : list.sort(
                (a, b) => compareDecimals(b.pledged, a.pledged) || a.label.localeCompare(b.label, lang),
              ),
        total,
        unassigned,
        unconverted: funded.unconverted,
      };
    },

    /** Indicator progress of every project with results the viewer may read. */
    indicators(viewer: Viewer, lang: string) {
      return projects.indicators(viewer, lang);
    },

    funnel(viewer: Viewer): Promise<MatchFunnel> {
      return matching.funnel(viewer);
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;
