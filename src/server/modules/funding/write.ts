import { and, eq } from 'drizzle-orm';
import { compareDecimals, isDecimal } from '../../../shared/decimal.js';
import { isKnownLanguage } from '../../../shared/languages.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  appealProjects,
  contributions,
  exchangeRates,
  fundAllocations,
  funds,
  rateTables,
} from '../../db/schema/index.js';
import { firstFreeSlug, slugFromTitle } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import { isStaff, type Viewer } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ProjectsService } from '../projects/service.js';
import type {
  AllocationInputData,
  AppealLineInputData,
  ContributionInputData,
  ContributionPatchData,
  FundInputData,
  RateTableInputData,
} from './schema.js';
import type { FundingService, FundRow } from './service.js';

type Deps = {
  db: Db;
  organisations: Pick<OrganisationsService, 'resolve' | 'summaries'>;
  projects: Pick<ProjectsService, 'row'>;
  funding: Pick<FundingService, 'fundRow'>;
};

const today = () => new Date().toISOString().slice(0, 10);

function requireStaffWriter(viewer: Viewer) {
  if (!isStaff(viewer)) throw new AppError('forbidden', 'Only the secretariat manages appeals and funds');
}

function fail(invalid: FieldError[]) {
  if (invalid.length) throw new AppError('validation_failed', 'Some fields are not valid', invalid);
}

/**
 * Creating appeals and funds, listing projects in appeals, recording pledges, contributions and
 * allocations, and stating rate tables. Checks run first and report every problem at once; each
 * write then runs in one transaction with its audit entry.
 */
export function createFundingWrites({ db, organisations, projects, funding }: Deps) {
  /** Resolves a fund or appeal reference for a body field, or records why it cannot. */
  async function fundFor(
    key: string | undefined,
    kind: FundRow['kind'],
    field: string,
    invalid: FieldError[],
  ) {
    if (!key) return null;
    try {
      return await funding.fundRow(key, kind);
    } catch {
      invalid.push({ field, message: `unknown ${kind === 'appeal' ? 'appeal' : 'trust fund'} "${key}"` });
      return null;
    }
  }

  async function projectFor(viewer: Viewer, key: string | undefined, field: string, invalid: FieldError[]) {
    if (!key) return null;
    try {
      return await projects.row(viewer, key);
    } catch {
      invalid.push({ field, message: `unknown project "${key}"` });
      return null;
    }
  }

  async function listed(appealId: string, projectId: string, tx: DbOrTx = db) {
    const [line] = await tx
      .select()
      .from(appealProjects)
      .where(and(eq(appealProjects.appealId, appealId), eq(appealProjects.projectId, projectId)));
    return line;
  }

  function positive(amount: string | undefined, invalid: FieldError[]) {
    if (amount !== undefined && compareDecimals(amount, '0') <= 0)
      invalid.push({ field: 'body.amount', message: 'must be more than 0' });
  }

  function paidNotLater(status: string | undefined, madeOn: string | undefined, invalid: FieldError[]) {
    if (status === 'paid' && madeOn && madeOn > today())
      invalid.push({ field: 'body.madeOn', message: 'a paid contribution cannot be dated in the future' });
  }

  async function audit(
    tx: DbOrTx,
    ctx: WriteContext,
    action: string,
    type: string,
    id: string,
    before: unknown,
    after: unknown,
  ) {
    await recordAudit(tx, ctx, {
      action,
      entityType: type,
      entityId: id,
      before: (before as Record<string, unknown> | null) ?? null,
      after: (after as Record<string, unknown> | null) ?? null,
    });
  }

  return {
    /** A new appeal (kind `appeal`) or trust fund (`trust-fund`). */
    async createFund(ctx: WriteContext, kind: FundRow['kind'], input: FundInputData) {
      requireStaffWriter(ctx.viewer);
      const invalid: FieldError[] = [];
      if (!isKnownLanguage(input.language))
        invalid.push({ field: 'body.language', message: `unknown language "${input.language}"` });
      if (kind === 'appeal' && (input.periodStart === undefined || input.periodEnd === undefined))
        invalid.push({
          field: 'body.periodStart',
          message: 'an appeal covers a period: give its first and last year',
        });
      if (
        input.periodStart !== undefined &&
        input.periodEnd !== undefined &&
        input.periodEnd < input.periodStart
      )
        invalid.push({ field: 'body.periodEnd', message: 'must not be before periodStart' });
      const managers = await organisations.resolve(input.managers);
      for (const index of managers.unknown)
        invalid.push({
          field: `body.managers.${index}`,
          message: `unknown organisation "${input.managers[index]}"`,
        });
      fail(invalid);
      return db.transaction(async (tx) => {
        const slug = await firstFreeSlug(slugFromTitle(input.name, kind), async (candidate) => {
          const [taken] = await tx.select({ id: funds.id }).from(funds).where(eq(funds.slug, candidate));
          return !!taken;
        });
        const [row] = await tx
          .insert(funds)
          .values({
            slug,
            kind,
            language: input.language,
            visibility: 'public',
            texts: {
              [input.language]: {
                name: input.name,
                ...(input.description ? { description: input.description } : {}),
              },
            },
            managerIds: managers.ids,
            currency: input.currency,
            periodStart: input.periodStart ?? null,
            periodEnd: input.periodEnd ?? null,
          })
          .returning();
        await audit(tx, ctx, `${kind}.create`, kind, row!.id, null, row);
        return row!;
      });
    },

    /** Lists a project in an appeal with its requirement, or changes its line. */
    async setLine(ctx: WriteContext, appealKey: string, projectKey: string, input: AppealLineInputData) {
      requireStaffWriter(ctx.viewer);
      const appeal = await funding.fundRow(appealKey, 'appeal');
      const project = await projects.row(ctx.viewer, projectKey);
      return db.transaction(async (tx) => {
        const before = await listed(appeal.id, project.id, tx);
        const values = {
          requirement: input.requirement,
          currency: input.currency,
          programme: input.programme ?? null,
        };
        const [after] = before
          ? await tx
              .update(appealProjects)
              .set(values)
              .where(and(eq(appealProjects.appealId, appeal.id), eq(appealProjects.projectId, project.id)))
              .returning()
          : await tx
              .insert(appealProjects)
              .values({ appealId: appeal.id, projectId: project.id, ...values })
              .returning();
        await audit(
          tx,
          ctx,
          before ? 'appeal.line.update' : 'appeal.line.add',
          'appeal',
          appeal.id,
          before ?? null,
          after,
        );
        return { appeal, project, created: !before };
      });
    },

    /** Takes a project out of an appeal; refused while contributions are earmarked to it there. */
    async removeLine(ctx: WriteContext, appealKey: string, projectKey: string) {
      requireStaffWriter(ctx.viewer);
      const appeal = await funding.fundRow(appealKey, 'appeal');
      const project = await projects.row(ctx.viewer, projectKey);
      return db.transaction(async (tx) => {
        const before = await listed(appeal.id, project.id, tx);
        if (!before) throw AppError.notFound('Appeal line for project', projectKey);
        const [earmarked] = await tx
          .select({ id: contributions.id })
          .from(contributions)
          .where(and(eq(contributions.appealId, appeal.id), eq(contributions.projectId, project.id)))
          .limit(1);
        if (earmarked)
          throw new AppError('conflict', 'Contributions to this appeal are earmarked to this project', [
            {
              field: 'project',
              message: 'has earmarked contributions in this appeal; move or remove them first',
            },
          ]);
        await tx
          .delete(appealProjects)
          .where(and(eq(appealProjects.appealId, appeal.id), eq(appealProjects.projectId, project.id)));
        await audit(tx, ctx, 'appeal.line.remove', 'appeal', appeal.id, before, null);
      });
    },

    /** Records a pledge or a paid contribution. */
    async addContribution(ctx: WriteContext, input: ContributionInputData) {
      requireStaffWriter(ctx.viewer);
      const invalid: FieldError[] = [];
      if (!input.appeal && !input.fund && !input.project)
        invalid.push({
          field: 'body.appeal',
          message: 'name the appeal, the fund or the project it goes to',
        });
      let donorId: string | null = null;
      let donorName = input.donorName ?? null;
      if (input.donor) {
        const resolved = await organisations.resolve([input.donor]);
        if (resolved.unknown.length)
          invalid.push({ field: 'body.donor', message: `unknown organisation "${input.donor}"` });
        else {
          donorId = resolved.ids[0]!;
          const [org] = await organisations.summaries(ctx.viewer, [donorId], 'en');
          donorName ??= org?.name ?? input.donor;
        }
      } else if (!donorName) invalid.push({ field: 'body.donor', message: 'give the donor or donorName' });
      const appeal = await fundFor(input.appeal, 'appeal', 'body.appeal', invalid);
      const fund = await fundFor(input.fund, 'trust-fund', 'body.fund', invalid);
      const project = await projectFor(ctx.viewer, input.project, 'body.project', invalid);
      if (appeal && project && !(await listed(appeal.id, project.id)))
        invalid.push({ field: 'body.project', message: `is not listed in the appeal "${appeal.slug}"` });
      positive(input.amount, invalid);
      paidNotLater(input.status, input.madeOn, invalid);
      fail(invalid);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(contributions)
          .values({
            donorOrganisationId: donorId,
            donorName: donorName!,
            appealId: appeal?.id ?? null,
            fundId: fund?.id ?? null,
            projectId: project?.id ?? null,
            amount: input.amount,
            currency: input.currency,
            status: input.status,
            madeOn: input.madeOn,
            note: input.note ?? null,
          })
          .returning();
        await audit(tx, ctx, 'contribution.create', 'contribution', row!.id, null, row);
        return row!;
      });
    },

    /** Edits a contribution, e.g. marks a pledge as paid. */
    async updateContribution(ctx: WriteContext, id: string, patch: ContributionPatchData) {
      requireStaffWriter(ctx.viewer);
      const [current] = await db.select().from(contributions).where(eq(contributions.id, id));
      if (!current) throw AppError.notFound('Contribution', id);
      const invalid: FieldError[] = [];
      positive(patch.amount, invalid);
      paidNotLater(patch.status ?? current.status, patch.madeOn ?? current.madeOn, invalid);
      fail(invalid);
      return db.transaction(async (tx) => {
        const [after] = await tx
          .update(contributions)
          .set({
            ...patch,
            ...(patch.note !== undefined ? { note: patch.note || null } : {}),
            updatedAt: new Date(),
          })
          .where(eq(contributions.id, id))
          .returning();
        await audit(tx, ctx, 'contribution.update', 'contribution', id, current, after);
        return after!;
      });
    },

    async removeContribution(ctx: WriteContext, id: string) {
      requireStaffWriter(ctx.viewer);
      await db.transaction(async (tx) => {
        const [before] = await tx.delete(contributions).where(eq(contributions.id, id)).returning();
        if (!before) throw AppError.notFound('Contribution', id);
        await audit(tx, ctx, 'contribution.delete', 'contribution', id, before, null);
      });
    },

    /** Records money a trust fund commits to a project. */
    async addAllocation(ctx: WriteContext, fundKey: string, input: AllocationInputData) {
      requireStaffWriter(ctx.viewer);
      const fund = await funding.fundRow(fundKey, 'trust-fund');
      const invalid: FieldError[] = [];
      const project = await projectFor(ctx.viewer, input.project, 'body.project', invalid);
      const appeal = await fundFor(input.appeal, 'appeal', 'body.appeal', invalid);
      if (appeal && project && !(await listed(appeal.id, project.id)))
        invalid.push({ field: 'body.project', message: `is not listed in the appeal "${appeal.slug}"` });
      positive(input.amount, invalid);
      fail(invalid);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(fundAllocations)
          .values({
            fundId: fund.id,
            projectId: project!.id,
            appealId: appeal?.id ?? null,
            amount: input.amount,
            currency: input.currency,
            allocatedOn: input.allocatedOn,
            note: input.note ?? null,
          })
          .returning();
        await audit(tx, ctx, 'allocation.create', 'fund', fund.id, null, row);
        return { fund, row: row! };
      });
    },

    /** States a new rate table; its id is permanent, so reports that name it stay reproducible. */
    async addRateTable(ctx: WriteContext, input: RateTableInputData) {
      requireStaffWriter(ctx.viewer);
      const invalid: FieldError[] = [];
      const known = new Set(Intl.supportedValuesOf('currency'));
      for (const [code, rate] of Object.entries(input.rates)) {
        if (!/^[A-Z]{3}$/.test(code) || !known.has(code))
          invalid.push({ field: `body.rates.${code}`, message: 'unknown currency' });
        else if (!isDecimal(rate) || compareDecimals(rate, '0') <= 0)
          invalid.push({ field: `body.rates.${code}`, message: 'must be more than 0' });
      }
      if (Object.keys(input.rates).length === 0)
        invalid.push({ field: 'body.rates', message: 'give at least one rate' });
      fail(invalid);
      return db.transaction(async (tx) => {
        const [taken] = await tx
          .select({ id: rateTables.id })
          .from(rateTables)
          .where(eq(rateTables.id, input.id));
        if (taken)
          throw new AppError('conflict', `The rate table "${input.id}" already exists`, [
            { field: 'body.id', message: 'is taken; rate tables are never changed, state a new one' },
          ]);
        const { rates, ...table } = input;
        await tx.insert(rateTables).values(table);
        await tx
          .insert(exchangeRates)
          .values(
            Object.entries(rates).map(([currency, rate]) => ({ rateTableId: input.id, currency, rate })),
          );
        await audit(tx, ctx, 'rate-table.create', 'rate-table', input.id, null, input);
      });
    },
  };
}

export type FundingWrites = ReturnType<typeof createFundingWrites>;
