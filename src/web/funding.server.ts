import { data } from 'react-router';
import { AppError, type FieldError } from '../server/errors';
import { isStaff } from '../server/modules/access/policy';
import { isFiltered } from '../server/modules/funding/explorer';
import {
  type Contribution,
  ExplorerQuery,
  type Fund,
  type FundDetail,
  type FundingKey,
  type RateTable,
} from '../server/modules/funding/schema';
import { compareDecimals, roundDecimal } from '../shared/decimal';
import { LANGUAGE_TAGS, type Language } from '../shared/languages';
import { formatDate } from './components/format';
import type { WebContext } from './context';
import { parseListQuery } from './list-query.server';
import { formatMoney, formatNumber } from './projects.server';

/** What React Router hands a funding page's loader. */
type PageArgs = { request: Request; params: { lang: string; id?: string }; context: WebContext };

/** The explorer filters a page passes on to its export links, in the order the form shows them. */
const EXPLORER_FIELDS = ['q', 'programme', 'country', 'region', 'theme', 'partner', 'groupBy', 'rates'];

/**
 * The share of the requirement that is pledged, in whole percent rounded down (99.96% funded is
 * not yet 100%), computed on exact cents; null when nothing is required.
 */
export function fundedPercent(pledged: string, requirement: string | null): number | null {
  if (requirement === null || compareDecimals(requirement, '0') <= 0) return null;
  const cents = (value: string) => BigInt(roundDecimal(value, 2).replace('.', ''));
  const percent = (cents(pledged) * 100n) / cents(requirement);
  return Number(percent < 0n ? 0n : percent);
}

/** "57%" in the reader's language. */
export function formatPercent(lang: Language, percent: number): string {
  return new Intl.NumberFormat(LANGUAGE_TAGS[lang], { style: 'percent', maximumFractionDigits: 0 }).format(
    percent / 100,
  );
}

/**
 * The query of the explorer's download links: the filters the page applied (the ones it refused
 * are left out, so the file matches the page), in the page's language.
 */
export function explorerExportQuery(search: URLSearchParams, lang: string, errors: FieldError[]): string {
  const refused = new Set(errors.map((error) => error.field.replace(/^query\./, '').split('.')[0]));
  const query = new URLSearchParams();
  for (const name of EXPLORER_FIELDS) {
    const value = search.get(name)?.trim();
    if (value && !refused.has(name)) query.set(name, value);
  }
  query.set('lang', lang);
  return query.toString();
}

/** The explorer's filters read from the URL with the API's own schema; bad ones are reported and dropped. */
export function explorerFilters(request: Request, lang: Language) {
  return parseListQuery(ExplorerQuery, request, { lang });
}

/** Where a row of the explorer links: a project's page or a country's page; other groupings do not link. */
export function rowHref(lang: string, groupBy: FundingKey, key: string): string | null {
  if (!key) return null;
  if (groupBy === 'project') return `/${lang}/projects/${encodeURIComponent(key)}`;
  if (groupBy === 'country') return `/${lang}/countries/${encodeURIComponent(key)}`;
  return null;
}

/** Requirement, pledged, paid and gap formatted in the report currency, with % funded. */
function figuresOf(
  lang: Language,
  currency: string,
  row: { requirement: string | null; pledged: string; paid: string; gap: string | null },
) {
  const percent = fundedPercent(row.pledged, row.requirement);
  return {
    requirement: row.requirement === null ? null : formatMoney(lang, row.requirement, currency),
    pledged: formatMoney(lang, row.pledged, currency),
    paid: formatMoney(lang, row.paid, currency),
    gap: row.gap === null ? null : formatMoney(lang, row.gap, currency),
    overFunded: row.gap !== null && compareDecimals(row.gap, '0') < 0,
    percent,
    percentText: percent === null ? null : formatPercent(lang, percent),
  };
}

function rateTableOf(lang: Language, table: RateTable | null) {
  return table
    ? {
        id: table.id,
        name: table.name,
        baseCurrency: table.baseCurrency,
        effectiveOn: formatDate(lang, table.effectiveOn),
        source: table.source,
        rates: table.rates,
      }
    : null;
}

/** The appeal's or fund's heading facts: period, managers and the figures its sources state. */
function headerOf(lang: Language, fund: Fund) {
  return {
    id: fund.id,
    slug: fund.slug,
    kind: fund.kind,
    name: fund.name,
    description: fund.description,
    language: fund.language,
    period:
      fund.periodStart !== null
        ? fund.periodEnd !== null && fund.periodEnd !== fund.periodStart
          ? `${fund.periodStart}–${fund.periodEnd}`
          : String(fund.periodStart)
        : null,
    managers: fund.managers,
    figures: fund.figures.map((figure) => ({
      metric: figure.metric,
      amount: figure.currency
        ? formatMoney(lang, String(figure.amount), figure.currency)
        : formatNumber(lang, String(figure.amount)),
      year: figure.year,
      note: figure.note,
    })),
    totals: {
      ...figuresOf(lang, fund.totals.currency, fund.totals),
      currency: fund.totals.currency,
      projects: fund.totals.projects,
      contributions: fund.totals.contributions,
      allocated: formatMoney(lang, fund.totals.allocated, fund.totals.currency),
      balance:
        fund.totals.balance === null ? null : formatMoney(lang, fund.totals.balance, fund.totals.currency),
    },
  };
}

function contributionsOf(lang: Language, items: Contribution[]) {
  return items.map((c) => ({
    id: c.id,
    donor: c.donor,
    amount: formatMoney(lang, c.amount, c.currency),
    currency: c.currency,
    status: c.status,
    date: formatDate(lang, c.madeOn),
    project: c.project,
    note: c.note,
  }));
}

function allocationsOf(lang: Language, detail: FundDetail) {
  return detail.allocations.map((a) => ({
    id: a.id,
    project: a.project,
    appeal: a.appeal,
    amount: formatMoney(lang, a.amount, a.currency),
    date: formatDate(lang, a.allocatedOn),
    note: a.note,
  }));
}

/** The rate table asked for by `?rates=`; an unknown one is reported beside the field and the latest used. */
async function withRates<T>(
  errors: FieldError[],
  rates: string | undefined,
  load: (rates: string | undefined) => Promise<T>,
): Promise<T> {
  try {
    return await load(rates);
  } catch (error) {
    if (!AppError.is(error)) throw error;
    if (error.code === 'not_found') throw data(null, { status: 404 });
    if (rates && error.errors.some((e) => e.field === 'query.rates')) {
      errors.push(...error.errors);
      return load(undefined);
    }
    throw error;
  }
}

/** The appeals and trust funds, with their totals at the rate table asked for (the latest by default). */
export async function fundingListLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const search = new URL(request.url).searchParams;
  const errors: FieldError[] = [];
  const asked = search.get('rates')?.trim() || undefined;
  if (asked && asked.length > 80) errors.push({ field: 'query.rates', message: 'too long' });
  const rates = errors.length ? undefined : asked;
  const [appeals, funds] = await withRates(errors, rates, (r) =>
    Promise.all([
      services.funding.list(viewer, 'appeal', lang, r),
      services.funding.list(viewer, 'trust-fund', lang, r),
    ]),
  );
  const tables = await services.funding.rateTables();
  const used = appeals[0]?.rateTable ?? funds[0]?.rateTable ?? null;
  return {
    staff: isStaff(viewer),
    errors,
    rateTable: rateTableOf(lang, tables.find((table) => table.id === used) ?? null),
    rateTables: tables.map((table) => ({
      value: table.id,
      label: `${table.name} (${formatDate(lang, table.effectiveOn)})`,
    })),
    appeals: appeals.map((fund) => headerOf(lang, fund)),
    funds: funds.map((fund) => headerOf(lang, fund)),
  };
}

/** The appeal explorer: the appeal, its funding grouped and filtered, the rate table used and its contributions. */
export async function appealLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const search = new URL(request.url).searchParams;
  const { filters, errors } = explorerFilters(request, lang);
  const detail = await withRates(errors, filters.rates, (rates) =>
    services.funding.get(viewer, params.id!, 'appeal', { ...filters, rates }),
  );
  const explorer = detail.explorer!;
  const tables = await services.funding.rateTables();
  const { currency, groupBy } = explorer;
  const value = (name: string) =>
    errors.some((e) => e.field === `query.${name}`) ? '' : (search.get(name) ?? '');
  const options = (facets: Array<{ key: string; label: string }>) =>
    facets.map((facet) => ({ value: facet.key, label: facet.label }));
  return {
    appeal: headerOf(lang, detail),
    staff: isStaff(viewer),
    errors,
    exportQuery: explorerExportQuery(search, lang, errors),
    filtered: isFiltered(filters),
    groupBy,
    currency,
    values: {
      q: value('q'),
      programme: value('programme'),
      country: value('country'),
      region: value('region'),
      theme: value('theme'),
      partner: value('partner'),
      groupBy,
      rates: explorer.rateTable?.id ?? '',
    },
    options: {
      programme: options(explorer.facets.programme),
      country: options(explorer.facets.country),
      region: options(explorer.facets.region),
      theme: options(explorer.facets.theme),
      partner: options(explorer.facets.partner),
      rates: tables.map((table) => ({
        value: table.id,
        label: `${table.name} (${formatDate(lang, table.effectiveOn)})`,
      })),
    },
    rows: explorer.rows.map((row) => ({
      key: row.key,
      label: row.label,
      href: rowHref(lang, groupBy, row.key),
      projects: row.projects,
      ...figuresOf(lang, currency, row),
    })),
    unearmarked: {
      pledged: formatMoney(lang, explorer.unearmarked.pledged, currency),
      paid: formatMoney(lang, explorer.unearmarked.paid, currency),
      any: compareDecimals(explorer.unearmarked.pledged, '0') !== 0,
    },
    totals: { projects: explorer.totals.projects, ...figuresOf(lang, currency, explorer.totals) },
    byCurrency: explorer.byCurrency.map((entry) => ({
      currency: entry.currency,
      requirement: formatMoney(lang, entry.requirement, entry.currency),
      pledged: formatMoney(lang, entry.pledged, entry.currency),
      paid: formatMoney(lang, entry.paid, entry.currency),
    })),
    unconverted: explorer.unconverted.map((money) => formatMoney(lang, money.amount, money.currency)),
    rateTable: rateTableOf(lang, explorer.rateTable),
    contributions: contributionsOf(lang, detail.contributions),
  };
}

/** A trust fund: its figures, totals, contributions and allocations to projects. */
export async function fundLoader({ request, params, context }: PageArgs) {
  const lang = params.lang as Language;
  const { services, viewer } = context;
  const errors: FieldError[] = [];
  const rates = new URL(request.url).searchParams.get('rates')?.trim().slice(0, 80) || undefined;
  const detail = await withRates(errors, rates, (r) =>
    services.funding.get(viewer, params.id!, 'trust-fund', ExplorerQuery.parse({ lang, rates: r })),
  );
  const tables = await services.funding.rateTables();
  return {
    fund: headerOf(lang, detail),
    staff: isStaff(viewer),
    errors,
    rateTable: rateTableOf(lang, tables.find((table) => table.id === detail.rateTable) ?? null),
    contributions: contributionsOf(lang, detail.contributions),
    allocations: allocationsOf(lang, detail),
  };
}
