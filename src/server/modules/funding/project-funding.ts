import { sumDecimals } from '../../../shared/decimal.js';
import type { Convert, Money } from './explorer.js';

/** One earmarked contribution or fund allocation to a project, dated. */
export type ProjectFlow = Money & { projectId: string; paid: boolean; on: string };

type Figures = { pledged: string; paid: string };

/** What one project received, in the report currency, in all and by year of the money's date. */
export type ProjectFunding = Figures & { projectId: string; years: Array<Figures & { year: string }> };

const ZERO = '0.00';
const add = (a: string, b: string) => sumDecimals([a, b], 2);

/**
 * Pledged (everything, paid or not) and paid per project and year, converted exactly and rounded
 * to cents per contribution or allocation. Amounts in a currency the rate table lacks are left out
 * and stated in `unconverted`.
 */
export function sumByProject(
  flows: ProjectFlow[],
  convert: Convert,
): { projects: ProjectFunding[]; unconverted: Money[] } {
  const byProject = new Map<string, Map<string, Figures>>();
  const unconverted = new Map<string, string>();
  for (const flow of flows) {
    const value = convert(flow);
    if (value === null) {
      unconverted.set(flow.currency, add(unconverted.get(flow.currency) ?? ZERO, flow.amount));
      continue;
    }
    const years = byProject.get(flow.projectId) ?? new Map<string, Figures>();
    const year = flow.on.slice(0, 4);
    const figures = years.get(year) ?? { pledged: ZERO, paid: ZERO };
    figures.pledged = add(figures.pledged, value);
    if (flow.paid) figures.paid = add(figures.paid, value);
    years.set(year, figures);
    byProject.set(flow.projectId, years);
  }
  const projects = [...byProject].map(([projectId, years]) => {
    const list = [...years]
      .map(([year, figures]) => ({ year, ...figures }))
      .sort((a, b) => a.year.localeCompare(b.year));
    return {
      projectId,
      pledged: sumDecimals(
        list.map((y) => y.pledged),
        2,
      ),
      paid: sumDecimals(
        list.map((y) => y.paid),
        2,
      ),
      years: list,
    };
  });
  return {
    projects,
    unconverted: [...unconverted]
      .map(([currency, amount]) => ({ currency, amount }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}
