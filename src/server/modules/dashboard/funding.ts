import type { DashboardDimension } from '../../../shared/dashboard.js';
import { subtractDecimal, sumDecimals } from '../../../shared/decimal.js';
import type { ProjectFunding } from '../funding/project-funding.js';
import { sharesOf, splitByShares } from '../projects/money-shares.js';
import type { Project } from '../projects/schema.js';

type Figures = { pledged: string; paid: string };

const ZERO = '0.00';

/**
 * Funding per value of a dimension: each project's pledged and paid money split by its shares of
 * the dimension (as project money is), or, over time, by the year of each contribution or
 * allocation. `keyOf` turns a raw key into the one shown (a country into its region) or drops it.
 * `unassigned` is the funding of projects without a value of the dimension, so that the rows and
 * it add up exactly to `total`.
 */
export function fundingBy(
  dimension: DashboardDimension,
  funded: ProjectFunding[],
  projects: Map<string, Project>,
  keyOf: (key: string) => string | undefined = (key) => key,
): { rows: Map<string, Figures>; total: Figures; unassigned: Figures } {
  const sums = new Map<string, { pledged: string[]; paid: string[] }>();
  const add = (key: string | undefined, pledged: string, paid: string) => {
    if (key === undefined) return;
    const sum = sums.get(key) ?? { pledged: [], paid: [] };
    sum.pledged.push(pledged);
    sum.paid.push(paid);
    sums.set(key, sum);
  };
  for (const money of funded) {
    if (dimension === 'year') {
      for (const year of money.years) add(year.year, year.pledged, year.paid);
      continue;
    }
    const project = projects.get(money.projectId);
    if (!project) continue;
    const shares = sharesOf(project, dimension);
    const paid = splitByShares(money.paid, shares);
    splitByShares(money.pledged, shares).forEach((part, i) => {
      add(keyOf(part.key), part.amount, paid[i]!.amount);
    });
  }
  const rows = new Map(
    [...sums].map(([key, sum]) => [
      key,
      { pledged: sumDecimals(sum.pledged, 2), paid: sumDecimals(sum.paid, 2) },
    ]),
  );
  const total = {
    pledged: sumDecimals(
      funded.map((m) => m.pledged),
      2,
    ),
    paid: sumDecimals(
      funded.map((m) => m.paid),
      2,
    ),
  };
  const assigned = (field: keyof Figures) =>
    sumDecimals([ZERO, ...[...rows.values()].map((row) => row[field])], 2);
  return {
    rows,
    total,
    unassigned: {
      pledged: subtractDecimal(total.pledged, assigned('pledged'), 2),
      paid: subtractDecimal(total.paid, assigned('paid'), 2),
    },
  };
}
