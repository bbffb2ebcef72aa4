import type { DashboardDimension } from '../../../shared/dashboard.js';
import { splitDecimal } from '../../../shared/decimal.js';
import type { Project } from './schema.js';

/** One value of a dimension and the weight of a project's money it takes (weights need not add up). */
export type Share = { key: string; weight: string };

/**
 * A project's values of a dashboard dimension with their weights, as `moneyBy` splits budgets in
 * SQL: recipient countries (ISO3, for `region`) and themes by their stated percentages, SDG goals
 * and modalities equally, the cooperation type whole. Not for `year`, which is a date of the money.
 */
export function sharesOf(project: Project, dimension: Exclude<DashboardDimension, 'year'>): Share[] {
  switch (dimension) {
    case 'region':
      return project.countries.map((c) => ({ key: c.iso3, weight: c.percentage ?? '0' }));
    case 'theme':
      return project.themes.map((t) => ({ key: t.id, weight: t.percentage ?? '0' }));
    case 'sdg':
      return project.sdgGoals.map((goal) => ({ key: goal, weight: '1' }));
    case 'modality':
      return project.modalities.map((m) => ({ key: m.id, weight: '1' }));
    case 'cooperationType':
      return project.cooperationType ? [{ key: project.cooperationType.id, weight: '1' }] : [];
  }
}

/**
 * An amount split across shares exactly: by the stated weights, equally when none is stated, each
 * part rounded to cents and the last (by key, as in SQL) taking what rounding leaves, so the parts
 * add up to the amount to the cent. No shares, no parts.
 */
export function splitByShares(amount: string, shares: Share[]): Array<{ key: string; amount: string }> {
  const sorted = [...shares].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const parts = splitDecimal(
    amount,
    sorted.map((share) => share.weight),
  );
  return sorted.map((share, i) => ({ key: share.key, amount: parts[i]! }));
}
