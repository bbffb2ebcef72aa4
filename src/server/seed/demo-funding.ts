import { and, inArray, isNotNull, or } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import {
  appealProjects,
  contributions,
  exchangeRates,
  fundAllocations,
  rateTables,
} from '../db/schema/index.js';
import type { FundingFile } from './files.js';
import { excluded, inChunks } from './reference.js';

type Funding = ReturnType<typeof FundingFile.parse>;
type Ids = { organisations: Map<string, string>; funds: Map<string, string>; projects: Map<string, string> };

/**
 * Loads data/demo/funding.json. Rate tables are upserted by id with their rates replaced; the
 * lines of the demo appeals are replaced; the contributions and allocations that cite a seed line
 * (every demo row does) and concern a demo fund, appeal or project are deleted and inserted again.
 * So a second run leaves the same rows, and rows entered through the platform are kept.
 */
export async function loadDemoFunding(tx: Tx, file: Funding, ids: Ids) {
  const lookup = (map: Map<string, string>, kind: string) => (slug: string, where: string) => {
    const id = map.get(slug);
    if (!id) throw new Error(`${where}: unknown ${kind} "${slug}"`);
    return id;
  };
  const org = lookup(ids.organisations, 'organisation');
  const fund = lookup(ids.funds, 'fund or appeal');
  const project = lookup(ids.projects, 'project');
  const maybe = (resolve: typeof fund, slug: string | null, where: string) =>
    slug ? resolve(slug, where) : null;

  if (file.rateTables.length) {
    await tx
      .insert(rateTables)
      .values(file.rateTables.map(({ rates: _, ...table }) => table))
      .onConflictDoUpdate({
        target: rateTables.id,
        set: excluded(['name', 'base_currency', 'effective_on', 'source']),
      });
    await tx.delete(exchangeRates).where(
      inArray(
        exchangeRates.rateTableId,
        file.rateTables.map((t) => t.id),
      ),
    );
    const rates = file.rateTables.flatMap((t) =>
      Object.entries(t.rates).map(([currency, rate]) => ({ rateTableId: t.id, currency, rate })),
    );
    if (rates.length) await tx.insert(exchangeRates).values(rates);
  }

  const lines = file.appeals.flatMap((a) =>
    a.lines.map((line) => ({
      appealId: fund(a.appeal, `appeal ${a.appeal}`),
      projectId: project(line.project, `appeal ${a.appeal}`),
      programme: line.programme,
      requirement: line.requirement,
      currency: line.currency,
    })),
  );
  const appealIds = file.appeals.map((a) => fund(a.appeal, `appeal ${a.appeal}`));
  if (appealIds.length) await tx.delete(appealProjects).where(inArray(appealProjects.appealId, appealIds));
  await inChunks(lines, (chunk) => tx.insert(appealProjects).values(chunk));

  const contributionRows = file.contributions.map((c, i) => {
    const where = `contribution ${i + 1} (${c.donorName}, ${c.madeOn})`;
    return {
      donorOrganisationId: maybe(org, c.donor, where),
      donorName: c.donorName,
      appealId: maybe(fund, c.appeal, where),
      fundId: maybe(fund, c.fund, where),
      projectId: maybe(project, c.project, where),
      amount: c.amount,
      currency: c.currency,
      status: c.status,
      madeOn: c.madeOn,
      note: c.note,
      source: c.source,
    };
  });
  const allocationRows = file.allocations.map((a) => {
    const where = `allocation of ${a.fund} to ${a.project}`;
    return {
      fundId: fund(a.fund, where),
      projectId: project(a.project, where),
      appealId: maybe(fund, a.appeal, where),
      amount: a.amount,
      currency: a.currency,
      allocatedOn: a.allocatedOn,
      note: a.note,
      source: a.source,
    };
  });

  const fundIds = [...ids.funds.values()];
  const projectIds = [...ids.projects.values()];
  await tx
    .delete(contributions)
    .where(
      and(
        isNotNull(contributions.source),
        or(
          inArray(contributions.fundId, fundIds),
          inArray(contributions.appealId, fundIds),
          inArray(contributions.projectId, projectIds),
        ),
      ),
    );
  await tx
    .delete(fundAllocations)
    .where(
      and(
        isNotNull(fundAllocations.source),
        or(inArray(fundAllocations.fundId, fundIds), inArray(fundAllocations.projectId, projectIds)),
      ),
    );
  await inChunks(contributionRows, (chunk) => tx.insert(contributions).values(chunk));
  await inChunks(allocationRows, (chunk) => tx.insert(fundAllocations).values(chunk));

  return {
    appealLines: lines.length,
    contributions: contributionRows.length,
    allocations: allocationRows.length,
  };
}
