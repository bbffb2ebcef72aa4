import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { isKnownLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import { projectBudgets, projects, projectTransactions } from '../../db/schema/index.js';
import type { OrgRef, Participant, ProjectText } from '../../db/schema/projects.js';
import { firstFreeSlug, slugFromTitle } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import type { Indexer } from '../../search/indexer.js';
import { canEdit, canRead, isSignedIn, isStaff, SYSTEM, type Viewer } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { Accounts } from '../accounts/service.js';
import { recordAudit, recordAudits, type WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import { linkCounterparts } from './counterparts.js';
import type { ProjectInputData, ProjectPatchData } from './schema.js';
import { type ProjectRow, projectSearchDocument } from './service.js';
import { checkShares } from './shares.js';

type NewProject = typeof projects.$inferInsert;
type NewBudget = Omit<typeof projectBudgets.$inferInsert, 'projectId' | 'position'>;
type NewTransaction = Omit<typeof projectTransactions.$inferInsert, 'projectId' | 'position'>;

/** A project ready to store: its row's columns, budgets and transactions. */
export type ProjectDraft = {
  columns: Omit<NewProject, 'slug'>;
  budgets: NewBudget[];
  transactions: NewTransaction[];
};

type Deps = {
  db: Db;
  reference: ReferenceService;
  organisations: Pick<OrganisationsService, 'resolve' | 'iatiOrgs'>;
  accounts: Pick<Accounts, 'groupSummaries'>;
  indexer: Indexer;
  /** Which of these ids are needs and recommendations that exist (other modules own them). */
  links: {
    needs: (ids: string[], tx: DbOrTx) => Promise<Set<string>>;
    recommendations: (ids: string[], tx: DbOrTx) => Promise<Set<string>>;
  };
};

/** The fields an audit entry records: the row without its timestamps. */
function snapshot(row: ProjectRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, iatiUpdatedAt, ...rest } = row;
  return { ...rest, iatiUpdatedAt: iatiUpdatedAt?.toISOString() ?? null };
}

/**
 * Creating, editing and publishing projects, and storing imported IATI activities. Each use case
 * runs in one transaction with its budgets, transactions, audit entry and search rows.
 */
export function createProjectWrites({ db, reference, organisations, accounts, indexer, links }: Deps) {
  /** Checks codes, shares, links and the organisations; every problem at once (422 or 403). */
  async function validate(
    viewer: Viewer,
    input: Partial<ProjectInputData>,
    current: { visibility: string; workingGroupId: string | null; organisationId: string | null },
  ) {
    const tx = db;
    const invalid: FieldError[] = [];
    const denied: FieldError[] = [];
    const codeErrors = await reference.checkCodes({
      countries: input.countries?.map((c) => c.iso3),
      themes: input.themes?.map((t) => t.id),
      modalities: input.modalities,
      sdgTargets: input.sdgTargets,
    });
    for (const error of codeErrors)
      invalid.push({
        ...error,
        field: error.field
          .replace(/^body\.(countries)\.(\d+)$/, 'body.$1.$2.iso3')
          .replace(/^body\.themes\.(\d+)$/, 'body.themes.$1.id'),
      });
    const [sectors, regions, orgTypes] = [
      await reference.codelistCodes('Sector'),
      await reference.codelistCodes('Region'),
      await reference.codelistCodes('OrganisationType'),
    ];
    input.sectors?.forEach((s, i) => {
      if (!sectors.has(s.code))
        invalid.push({ field: `body.sectors.${i}.code`, message: `unknown DAC sector "${s.code}"` });
    });
    input.regions?.forEach((r, i) => {
      if (!regions.has(r.code))
        invalid.push({ field: `body.regions.${i}.code`, message: `unknown region "${r.code}"` });
    });
    input.participants?.forEach((p, i) => {
      if (p.type && !orgTypes.has(p.type))
        invalid.push({
          field: `body.participants.${i}.type`,
          message: `unknown organisation type "${p.type}"`,
        });
    });
    if (input.language !== undefined && !isKnownLanguage(input.language))
      invalid.push({ field: 'body.language', message: `unknown language "${input.language}"` });
    if (input.countries || input.regions)
      invalid.push(
        ...checkShares([
          {
            field: 'body.countries',
            items: [
              ...(input.countries ?? []).map((c, i) => ({
                field: `body.countries.${i}.percentage`,
                percentage: c.percentage,
              })),
              ...(input.regions ?? []).map((r, i) => ({
                field: `body.regions.${i}.percentage`,
                percentage: r.percentage,
              })),
            ],
          },
        ]),
      );
    if (input.sectors)
      invalid.push(
        ...checkShares([
          {
            field: 'body.sectors',
            items: input.sectors.map((s, i) => ({
              field: `body.sectors.${i}.percentage`,
              percentage: s.percentage,
            })),
          },
        ]),
      );
    if (input.themes)
      invalid.push(
        ...checkShares([
          {
            field: 'body.themes',
            items: input.themes.map((t, i) => ({
              field: `body.themes.${i}.percentage`,
              percentage: t.percentage,
            })),
          },
        ]),
      );
    const knownNeeds = await links.needs(input.needIds ?? [], tx);
    input.needIds?.forEach((id, i) => {
      if (!knownNeeds.has(id)) invalid.push({ field: `body.needIds.${i}`, message: `unknown need "${id}"` });
    });
    const knownRecommendations = await links.recommendations(input.recommendationIds ?? [], tx);
    input.recommendationIds?.forEach((id, i) => {
      if (!knownRecommendations.has(id))
        invalid.push({ field: `body.recommendationIds.${i}`, message: `unknown recommendation "${id}"` });
    });
    const participantKeys = (input.participants ?? []).flatMap((p) =>
      p.organisation ? [p.organisation] : [],
    );
    const resolvedParticipants = await organisations.resolve(participantKeys);
    let unknownIndex = 0;
    input.participants?.forEach((p, i) => {
      if (!p.organisation) return;
      if (resolvedParticipants.unknown.includes(unknownIndex))
        invalid.push({
          field: `body.participants.${i}.organisation`,
          message: `unknown organisation "${p.organisation}"`,
        });
      unknownIndex++;
    });
    let organisationId = current.organisationId;
    if (input.organisation) {
      const resolved = await organisations.resolve([input.organisation]);
      if (resolved.unknown.length)
        invalid.push({ field: 'body.organisation', message: `unknown organisation "${input.organisation}"` });
      else if (!isStaff(viewer) && resolved.ids[0] !== viewer.organisationId)
        denied.push({ field: 'body.organisation', message: 'you may only report for your own organisation' });
      else organisationId = resolved.ids[0]!;
    }
    const visibility = input.visibility ?? current.visibility;
    const workingGroupId = input.workingGroupId ?? current.workingGroupId;
    if (visibility === 'organization' && !organisationId)
      invalid.push({ field: 'body.visibility', message: 'there is no organisation to share it with' });
    if (visibility === 'working_group' && !workingGroupId)
      invalid.push({ field: 'body.workingGroupId', message: 'is required when visibility is working_group' });
    if (input.workingGroupId) {
      const [group] = await accounts.groupSummaries([input.workingGroupId], 'en', tx);
      if (!group)
        invalid.push({
          field: 'body.workingGroupId',
          message: `unknown working group "${input.workingGroupId}"`,
        });
      else if (!isStaff(viewer) && !viewer.workingGroupIds.includes(group.id))
        denied.push({ field: 'body.workingGroupId', message: 'you are not a member of this working group' });
    }
    if (invalid.length)
      throw new AppError('validation_failed', 'Some fields are not valid', [...invalid, ...denied]);
    if (denied.length) throw new AppError('forbidden', 'You may not report this project this way', denied);
    return { organisationId, participantIds: resolvedParticipants.ids };
  }

  /** Participants as stored: platform organisations bring their IATI name, reference and type. */
  async function participantsFrom(
    input: NonNullable<ProjectInputData['participants']>,
    ids: string[],
    tx: DbOrTx,
  ): Promise<Participant[]> {
    const orgs = await organisations.iatiOrgs(ids, tx);
    let next = 0;
    return input.map((p) => {
      const organisationId = p.organisation ? ids[next++]! : null;
      const org = organisationId ? orgs.get(organisationId) : undefined;
      return {
        ref: p.ref ?? org?.ref ?? null,
        name: p.name ?? org?.name ?? '',
        type: p.type ?? org?.type ?? null,
        role: p.role,
        southSouthRole: p.southSouthRole,
        organisationId,
        activityId: p.activityId,
      };
    });
  }

  /** The columns, budgets and transactions a person's input sets (only the fields given). */
  function draftFrom(
    input: Partial<ProjectInputData>,
  ): Omit<ProjectDraft, 'columns'> & { columns: Partial<NewProject> } {
    return {
      columns: {
        ...(input.countries ? { countries: input.countries } : {}),
        ...(input.regions ? { regions: input.regions } : {}),
        ...(input.sectors ? { sectors: input.sectors } : {}),
        ...(input.themes ? { themes: input.themes } : {}),
        ...(input.sdgGoals ? { sdgGoals: input.sdgGoals } : {}),
        ...(input.sdgTargets ? { sdgTargets: input.sdgTargets } : {}),
        ...(input.modalities ? { modalities: input.modalities } : {}),
        ...(input.cooperationType !== undefined ? { cooperationType: input.cooperationType } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.dates ? { ...input.dates } : {}),
        ...(input.defaultCurrency !== undefined ? { defaultCurrency: input.defaultCurrency } : {}),
        ...(input.results ? { results: input.results } : {}),
        ...(input.needIds ? { needIds: input.needIds } : {}),
        ...(input.recommendationIds ? { recommendationIds: input.recommendationIds } : {}),
        ...(input.visibility ? { visibility: input.visibility } : {}),
        ...(input.workingGroupId ? { workingGroupId: input.workingGroupId } : {}),
      },
      budgets: (input.budgets ?? []).map((b) => ({
        type: b.type,
        status: b.status,
        periodStart: b.periodStart,
        periodEnd: b.periodEnd,
        amount: b.amount,
        currency: b.currency,
      })),
      transactions: (input.transactions ?? []).map((t) => ({
        ref: t.ref,
        type: t.type,
        date: t.date,
        amount: t.amount,
        currency: t.currency,
        description: t.description,
        providerRef: t.provider?.ref ?? null,
        providerName: t.provider?.name ?? null,
        providerActivityId: t.provider?.activityId ?? null,
        receiverRef: t.receiver?.ref ?? null,
        receiverName: t.receiver?.name ?? null,
        receiverActivityId: t.receiver?.activityId ?? null,
      })),
    };
  }

  async function uniqueSlug(tx: DbOrTx, title: string): Promise<string> {
    return firstFreeSlug(slugFromTitle(title, 'project'), async (slug) => {
      const [taken] = await tx.select({ id: projects.id }).from(projects).where(eq(projects.slug, slug));
      return !!taken;
    });
  }

  async function replaceMoney(
    tx: DbOrTx,
    projectId: string,
    budgets?: NewBudget[],
    transactions?: NewTransaction[],
  ) {
    if (budgets) {
      await tx.delete(projectBudgets).where(eq(projectBudgets.projectId, projectId));
      if (budgets.length)
        await tx.insert(projectBudgets).values(budgets.map((b, position) => ({ ...b, projectId, position })));
    }
    if (transactions) {
      await tx.delete(projectTransactions).where(eq(projectTransactions.projectId, projectId));
      if (transactions.length)
        await tx
          .insert(projectTransactions)
          .values(transactions.map((t, position) => ({ ...t, projectId, position })));
    }
  }

  async function saved(
    tx: DbOrTx,
    ctx: WriteContext,
    action: string,
    before: ProjectRow | null,
    after: ProjectRow,
    deferred?: ProjectRow[],
  ) {
    await recordAudit(tx, ctx, {
      action: `project.${action}`,
      entityType: 'project',
      entityId: after.id,
      before: before ? snapshot(before) : null,
      after: snapshot(after),
    });
    if (deferred) deferred.push(after);
    else await finish(tx, [after]);
    return after;
  }

  /** Links double-reported flows and indexes the projects for search, in the caller's transaction. */
  async function finish(tx: DbOrTx, rows: ProjectRow[]) {
    await linkCounterparts(
      tx,
      rows.map((row) => row.iatiIdentifier),
    );
    await indexer.index(tx, rows.map(projectSearchDocument));
  }

  /** The row for a write, locked; 404 when unreadable, 403 when the viewer may not change it. */
  async function load(tx: DbOrTx, viewer: Viewer, key: string, lock = true) {
    const query = tx
      .select()
      .from(projects)
      .where(UUID_PATTERN.test(key) ? eq(projects.id, key) : eq(projects.slug, key));
    const [row] = lock ? await query.for('update') : await query;
    if (!row || !canRead(viewer, { visibility: row.visibility, ...recordScope(row) }))
      throw AppError.notFound('Project', key);
    if (!canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }))
      throw new AppError(
        'forbidden',
        'Only its author, their organisation admin and the secretariat change this project',
      );
    return row;
  }

  /** Inserts a new project (or, for imports, replaces the one with the same IATI identifier). */
  async function insert(
    tx: DbOrTx,
    ctx: WriteContext,
    draft: ProjectDraft,
    slugBase: string,
    deferred?: ProjectRow[],
  ) {
    const [row] = await tx
      .insert(projects)
      .values({ ...draft.columns, slug: await uniqueSlug(tx, slugBase) })
      .returning();
    await replaceMoney(tx, row!.id, draft.budgets, draft.transactions);
    return saved(tx, ctx, 'create', null, row!, deferred);
  }

  return {
    async create(ctx: WriteContext, input: ProjectInputData): Promise<ProjectRow> {
      const { viewer } = ctx;
      if (!isSignedIn(viewer)) throw new AppError('unauthorized', 'Sign in to report a project');
      const { organisationId, participantIds } = await validate(viewer, input, {
        visibility: input.visibility,
        workingGroupId: null,
        organisationId: viewer.organisationId,
      });
      return db.transaction(async (tx) => {
        if (input.identifier) {
          const [taken] = await tx
            .select({ id: projects.id })
            .from(projects)
            .where(eq(projects.iatiIdentifier, input.identifier));
          if (taken)
            throw new AppError('conflict', 'A project with this IATI identifier exists', [
              { field: 'body.identifier', message: `"${input.identifier}" is already used` },
            ]);
        }
        const reporting: OrgRef = organisationId
          ? { ...(await organisations.iatiOrgs([organisationId], tx)).get(organisationId)! }
          : { ref: 'XM-SOUTHBRIDGE', name: 'Southbridge', type: null };
        const { columns, budgets, transactions } = draftFrom(input);
        const texts: Record<string, ProjectText> = {
          [input.language]: { title: input.title, description: input.description },
        };
        return insert(
          tx,
          ctx,
          {
            columns: {
              ...columns,
              iatiIdentifier:
                input.identifier ?? `${reporting.ref}-${randomBytes(4).toString('hex').toUpperCase()}`,
              language: input.language,
              texts,
              reportingOrg: reporting,
              participants: await participantsFrom(input.participants, participantIds, tx),
              ownerId: viewer.userId === SYSTEM.userId ? null : viewer.userId,
              ownerOrganisationId: organisationId,
            },
            budgets,
            transactions,
          },
          input.title,
        );
      });
    },

    /** Edits any subset of fields; lists (budgets, transactions, shares…) are replaced whole. */
    async update(ctx: WriteContext, key: string, patch: ProjectPatchData): Promise<ProjectRow> {
      // Checked before the transaction: the reference lookups read outside it.
      const current = await load(db, ctx.viewer, key, false);
      const { organisationId, participantIds } = await validate(
        ctx.viewer,
        {
          ...patch,
          // Shares are checked together, so a patch of one side is checked with the other.
          ...(patch.countries || patch.regions
            ? { countries: patch.countries ?? current.countries, regions: patch.regions ?? current.regions }
            : {}),
        } as Partial<ProjectInputData>,
        {
          visibility: current.visibility,
          workingGroupId: current.workingGroupId,
          organisationId: current.ownerOrganisationId,
        },
      );
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx.viewer, key);
        const original = before.texts[before.language]!;
        const { columns, budgets, transactions } = draftFrom(patch as Partial<ProjectInputData>);
        const [after] = await tx
          .update(projects)
          .set({
            ...columns,
            texts:
              patch.title || patch.description
                ? {
                    ...before.texts,
                    [before.language]: {
                      ...original,
                      title: patch.title ?? original.title,
                      description: patch.description ?? original.description,
                    },
                  }
                : before.texts,
            ownerOrganisationId: organisationId,
            ...(patch.participants
              ? {
                  participants: await participantsFrom(
                    patch.participants as ProjectInputData['participants'],
                    participantIds,
                    tx,
                  ),
                }
              : {}),
            updatedAt: new Date(),
          })
          .where(eq(projects.id, before.id))
          .returning();
        await replaceMoney(tx, before.id, patch.budgets && budgets, patch.transactions && transactions);
        return saved(tx, ctx, 'update', before, after!);
      });
    },

    /** Makes a draft (e.g. from a converted match) a published project. */
    async publish(ctx: WriteContext, key: string): Promise<ProjectRow> {
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx.viewer, key);
        if (before.publication === 'published')
          throw new AppError('conflict', 'This project is already published', [
            { field: 'publication', message: 'is already published' },
          ]);
        if (!before.plannedStart && !before.actualStart)
          throw new AppError('validation_failed', 'Give the project a start date before publishing it', [
            {
              field: 'body.dates.plannedStart',
              message: 'is required (or an actual start): IATI needs a start date',
            },
          ]);
        const [after] = await tx
          .update(projects)
          .set({ publication: 'published', updatedAt: new Date() })
          .where(eq(projects.id, before.id))
          .returning();
        return saved(tx, ctx, 'publish', before, after!);
      });
    },

    /**
     * Stores a project built elsewhere (an IATI activity, a converted match) inside the caller's
     * transaction: inserted, or replacing the project with the same IATI identifier. With
     * `deferred`, the row is added to it and linking and indexing wait for `finish` (imports do
     * both once per batch).
     */
    async store(
      tx: DbOrTx,
      ctx: WriteContext,
      draft: ProjectDraft,
      slugBase: string,
      deferred?: ProjectRow[],
    ): Promise<{ row: ProjectRow; created: boolean }> {
      const [existing] = await tx
        .select()
        .from(projects)
        .where(eq(projects.iatiIdentifier, draft.columns.iatiIdentifier))
        .for('update');
      if (!existing) return { row: await insert(tx, ctx, draft, slugBase, deferred), created: true };
      const [after] = await tx
        .update(projects)
        .set({ ...draft.columns, createdAt: existing.createdAt, updatedAt: new Date() })
        .where(eq(projects.id, existing.id))
        .returning();
      await replaceMoney(tx, existing.id, draft.budgets, draft.transactions);
      return { row: await saved(tx, ctx, 'import', existing, after!, deferred), created: false };
    },

    finish,

    /**
     * Inserts new projects in a few statements (bulk imports): rows, budgets, transactions and
     * audit entries each in one insert, in the caller's transaction, so a batch is stored whole or
     * not at all. The rows are added to `deferred` for `finish`.
     */
    async insertMany(
      tx: DbOrTx,
      ctx: WriteContext,
      drafts: Array<{ draft: ProjectDraft; slugBase: string }>,
      deferred: ProjectRow[],
    ): Promise<ProjectRow[]> {
      if (drafts.length === 0) return [];
      const bases = drafts.map((d) => slugFromTitle(d.slugBase, 'project'));
      const taken = new Set(
        (await tx.select({ slug: projects.slug }).from(projects).where(inArray(projects.slug, bases))).map(
          (row) => row.slug,
        ),
      );
      const slugs: string[] = [];
      for (const base of bases) {
        // A clash (rare: identifiers are unique) takes the next free suffix.
        const slug =
          taken.has(base) || slugs.includes(base)
            ? await firstFreeSlug(base, async (candidate) => {
                if (slugs.includes(candidate)) return true;
                const [row] = await tx
                  .select({ id: projects.id })
                  .from(projects)
                  .where(eq(projects.slug, candidate));
                return !!row;
              })
            : base;
        slugs.push(slug);
      }
      const rows = await tx
        .insert(projects)
        .values(drafts.map((d, i) => ({ ...d.draft.columns, slug: slugs[i]! })))
        .returning();
      const idOf = new Map(rows.map((row) => [row.iatiIdentifier, row.id]));
      const money = <T>(pick: (draft: ProjectDraft) => T[]) =>
        drafts.flatMap((d) =>
          pick(d.draft).map((item, position) => ({
            ...item,
            projectId: idOf.get(d.draft.columns.iatiIdentifier)!,
            position,
          })),
        );
      const budgets = money((draft) => draft.budgets);
      if (budgets.length) await tx.insert(projectBudgets).values(budgets);
      const transactions = money((draft) => draft.transactions);
      if (transactions.length) await tx.insert(projectTransactions).values(transactions);
      await recordAudits(
        tx,
        ctx,
        rows.map((row) => ({
          action: 'project.create',
          entityType: 'project',
          entityId: row.id,
          before: null,
          after: snapshot(row),
        })),
      );
      deferred.push(...rows);
      return rows;
    },

    /** The projects that exist among these IATI identifiers, with their reporting organisation. */
    async existing(tx: DbOrTx, identifiers: string[]) {
      if (identifiers.length === 0) return new Map<string, OrgRef>();
      const rows = await tx
        .select({ identifier: projects.iatiIdentifier, reportingOrg: projects.reportingOrg })
        .from(projects)
        .where(inArray(projects.iatiIdentifier, identifiers));
      return new Map(rows.map((row) => [row.identifier, row.reportingOrg]));
    },
  };
}

export type ProjectWrites = ReturnType<typeof createProjectWrites>;
