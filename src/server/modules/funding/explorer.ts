import {
  compareDecimals,
  multiplyDecimals,
  roundDecimal,
  splitDecimal,
  subtractDecimal,
  sumDecimals,
} from '../../../shared/decimal.js';
import type { Explorer, ExplorerFilters, FundingKey, FundingRow } from './schema.js';

export type Money = { amount: string; currency: string };
type Part = { key: string; label: string; weight: string };

/** What the explorer needs to know of one project an appeal lists. */
export type Line = {
  projectId: string;
  slug: string;
  title: string;
  programme: string | null;
  requirement: Money;
  countries: Part[];
  /** Regions of the recipient countries (or the project's own regions), weighted like them. */
  regions: Part[];
  /** Every region code the project falls under at any level, for filtering. */
  regionCodes: string[];
  themes: Part[];
  partners: Part[];
};

/** Money pledged or paid toward the appeal: earmarked to a project, or not (projectId null). */
export type Flow = Money & { projectId: string | null; paid: boolean };

/** Converts an amount to the report currency, exactly then rounded to cents; null without a rate. */
export type Convert = (money: Money) => string | null;

export const FUNDING_RULE =
  'Pledged counts every pledge and contribution, paid or not, plus allocations from trust funds; ' +
  'paid counts contributions received and fund allocations. Gap is requirement minus pledged. ' +
  "A project's money is split across its countries, regions and themes by their stated percentages " +
  '(equally when none is stated) and equally across its implementing partners, so the rows add up ' +
  'to the totals. Amounts are converted at the stated rate table and rounded to cents.';

const ZERO = '0.00';
const add = (a: string, b: string) => sumDecimals([a, b], 2);

function partsOf(line: Line, key: FundingKey): Part[] {
  const none = (label: string) => [{ key: '', label, weight: '1' }];
  switch (key) {
    case 'project':
      return [{ key: line.slug, label: line.title, weight: '1' }];
    case 'programme':
      return line.programme ? [{ key: line.programme, label: line.programme, weight: '1' }] : none('');
    case 'country':
      return line.countries.length ? line.countries : none('');
    case 'region':
      return line.regions.length ? line.regions : none('');
    case 'theme':
      return line.themes.length ? line.themes : none('');
    case 'partner':
      return line.partners.length ? line.partners : none('');
  }
}

/** Whether a line passes the explorer's filters (every filter given must match). */
export function matchesFilters(line: Line, filters: Partial<ExplorerFilters>): boolean {
  const keys = (parts: Part[]) => parts.map((part) => part.key);
  const any = (wanted: string[] | undefined, have: string[]) =>
    !wanted?.length || wanted.some((value) => have.includes(value));
  const words = filters.q?.toLowerCase();
  return (
    any(filters.programme, line.programme ? [line.programme] : []) &&
    any(filters.country, keys(line.countries)) &&
    any(filters.region, line.regionCodes) &&
    any(filters.theme, keys(line.themes)) &&
    any(filters.partner, [...keys(line.partners), ...line.partners.map((p) => p.label)]) &&
    (!words || `${line.title} ${line.programme ?? ''} ${line.slug}`.toLowerCase().includes(words))
  );
}

export function isFiltered(filters: Partial<ExplorerFilters>): boolean {
  return !!(
    filters.q ||
    filters.programme?.length ||
    filters.country?.length ||
    filters.region?.length ||
    filters.theme?.length ||
    filters.partner?.length
  );
}

function facet(lines: Line[], key: FundingKey) {
  const seen = new Map<string, string>();
  for (const line of lines)
    for (const part of partsOf(line, key)) if (part.key) seen.set(part.key, part.label);
  return [...seen].map(([k, label]) => ({ key: k, label })).sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * Requirement, pledged, paid and gap for an appeal's lines, grouped by one key, in the report
 * currency. Exact decimals throughout: every row is a split of whole project amounts, so the rows
 * add up to the totals to the cent.
 */
export function explore(
  allLines: Line[],
  flows: Flow[],
  filters: Partial<ExplorerFilters> & { groupBy: FundingKey },
  convert: Convert,
): Omit<Explorer, 'currency' | 'rateTable' | 'rule'> {
  const lines = allLines.filter((line) => matchesFilters(line, filters));
  const shown = new Set(lines.map((line) => line.projectId));
  const filtered = isFiltered(filters);
  const unconverted = new Map<string, string>();
  const original = new Map<string, { requirement: string; pledged: string; paid: string }>();
  const toBase = (money: Money) => {
    const value = convert(money);
    if (value === null)
      unconverted.set(money.currency, add(unconverted.get(money.currency) ?? ZERO, money.amount));
    return value ?? ZERO;
  };
  const addOriginal = (money: Money, field: 'requirement' | 'pledged' | 'paid') => {
    const entry = original.get(money.currency) ?? { requirement: ZERO, pledged: ZERO, paid: ZERO };
    entry[field] = add(entry[field], money.amount);
    original.set(money.currency, entry);
  };

  const byProject = new Map<string, { pledged: string; paid: string }>();
  const unearmarked = { pledged: ZERO, paid: ZERO };
  for (const flow of flows) {
    if (flow.projectId === null ? filtered : !shown.has(flow.projectId)) continue;
    const value = toBase(flow);
    addOriginal(flow, 'pledged');
    if (flow.paid) addOriginal(flow, 'paid');
    const target =
      flow.projectId === null
        ? unearmarked
        : (byProject.get(flow.projectId) ??
          byProject.set(flow.projectId, { pledged: ZERO, paid: ZERO }).get(flow.projectId)!);
    target.pledged = add(target.pledged, value);
    if (flow.paid) target.paid = add(target.paid, value);
  }

  const rows = new Map<string, FundingRow & { ids: Set<string> }>();
  let requirement = ZERO;
  for (const line of lines) {
    addOriginal(line.requirement, 'requirement');
    const required = toBase(line.requirement);
    requirement = add(requirement, required);
    const money = byProject.get(line.projectId) ?? { pledged: ZERO, paid: ZERO };
    const parts = partsOf(line, filters.groupBy);
    const weights = parts.map((part) => part.weight);
    const [requirements, pledged, paid] = [required, money.pledged, money.paid].map((amount) =>
      splitDecimal(amount, weights),
    );
    parts.forEach((part, i) => {
      const row = rows.get(part.key) ?? {
        key: part.key,
        label: part.label,
        projects: 0,
        requirement: ZERO,
        pledged: ZERO,
        paid: ZERO,
        gap: ZERO,
        ids: new Set<string>(),
      };
      row.ids.add(line.projectId);
      row.projects = row.ids.size;
      row.requirement = add(row.requirement, requirements![i]!);
      row.pledged = add(row.pledged, pledged![i]!);
      row.paid = add(row.paid, paid![i]!);
      row.gap = subtractDecimal(row.requirement, row.pledged, 2);
      rows.set(part.key, row);
    });
  }

  const list = [...rows.values()]
    .map(({ ids: _ids, ...row }) => row)
    .sort((a, b) => compareDecimals(b.requirement, a.requirement) || a.label.localeCompare(b.label));
  const pledged = sumDecimals([unearmarked.pledged, ...[...byProject.values()].map((m) => m.pledged)], 2);
  const paid = sumDecimals([unearmarked.paid, ...[...byProject.values()].map((m) => m.paid)], 2);
  return {
    groupBy: filters.groupBy,
    rows: list,
    unearmarked,
    totals: {
      projects: lines.length,
      requirement,
      pledged,
      paid,
      gap: subtractDecimal(requirement, pledged, 2),
    },
    byCurrency: [...original]
      .map(([currency, figures]) => ({ currency, ...figures }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
    unconverted: [...unconverted].map(([currency, amount]) => ({ currency, amount })),
    facets: {
      programme: facet(allLines, 'programme'),
      country: facet(allLines, 'country'),
      region: facet(allLines, 'region'),
      theme: facet(allLines, 'theme'),
      partner: facet(allLines, 'partner'),
    },
  };
}

/** A converter for a rate table: amount × rate, rounded to cents; the base currency as is. */
export function converter(base: string, rates: Map<string, string>): Convert {
  return ({ amount, currency }) => {
    if (currency === base) return roundDecimal(amount, 2);
    const rate = rates.get(currency);
    return rate === undefined ? null : roundDecimal(multiplyDecimals(amount, rate), 2);
  };
}
