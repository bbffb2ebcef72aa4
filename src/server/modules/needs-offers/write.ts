import { eq } from 'drizzle-orm';
import { isKnownLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Visibility } from '../../db/schema/content.js';
import type { PostingText } from '../../db/schema/index.js';
import { firstFreeSlug, slugFromTitle } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import type { Indexer } from '../../search/indexer.js';
import { canEdit, canRead, isSignedIn, isStaff, type Viewer } from '../access/policy.js';
import { recordScope } from '../access/scope.js';
import type { Accounts } from '../accounts/service.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { NeedInputData, NeedPatchData, OfferInputData, OfferPatchData } from './schema.js';
import { type PostingKind, type PostingRow, postingSearchDocument, TABLES } from './service.js';

type Input = NeedInputData | OfferInputData;
type Patch = NeedPatchData | OfferPatchData;

/** Called in the same transaction after every write, e.g. to refresh match suggestions. */
export type PostingListener = (tx: DbOrTx, kind: PostingKind, row: PostingRow) => Promise<void>;

type Deps = {
  db: Db;
  reference: ReferenceService;
  organisations: Pick<OrganisationsService, 'resolve'>;
  accounts: Pick<Accounts, 'groupSummaries'>;
  indexer: Indexer;
};

/** The columns of the kind-specific fields that a patch sets. */
function kindColumns(kind: PostingKind, input: Partial<Input>): Record<string, unknown> {
  if (kind === 'need') {
    const need = input as Partial<NeedInputData>;
    return {
      ...(need.timeframe ? { startsOn: need.timeframe.startsOn, endsOn: need.timeframe.endsOn } : {}),
      ...(need.budget !== undefined
        ? { budgetAmount: need.budget?.amount ?? null, budgetCurrency: need.budget?.currency ?? null }
        : {}),
      ...(need.coFinancing !== undefined ? { coFinancing: need.coFinancing } : {}),
      ...(need.recommendationIds ? { recommendationIds: need.recommendationIds } : {}),
    };
  }
  const offer = input as Partial<OfferInputData>;
  return {
    ...(offer.capacity
      ? {
          capacityPlaces: offer.capacity.places ?? null,
          capacityExperts: offer.capacity.experts ?? null,
          capacityAmount: offer.capacity.amount ?? null,
          capacityCurrency: offer.capacity.currency ?? null,
        }
      : {}),
    ...(offer.costSharing !== undefined ? { costSharing: offer.costSharing } : {}),
    ...(offer.availability
      ? { availableFrom: offer.availability.from, availableUntil: offer.availability.until }
      : {}),
  };
}

/** The fields an audit entry records: the row without its timestamps. */
function snapshot(row: PostingRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, closedAt, ...rest } = row;
  return { ...rest, closedAt: closedAt?.toISOString() ?? null };
}

/**
 * Creating, editing, closing and reopening needs and offers. Each use case runs in one
 * transaction with its audit entry, its search rows and the listeners (match suggestions).
 */
export function createNeedsOffersWrites({ db, reference, organisations, accounts, indexer }: Deps) {
  const listeners: PostingListener[] = [];
  /** Which of these ids are recommendations that exist (the recommendations module owns them). */
  let knownRecommendations: (ids: string[], tx: DbOrTx) => Promise<Set<string>> = async () => new Set();

  /** Checks codes, languages, the organisation and the sharing scope; every problem at once. */
  async function validate(
    viewer: Viewer,
    input: Partial<Input>,
    current: { visibility: Visibility; workingGroupId: string | null; organisationId: string | null },
  ): Promise<{ organisationId: string | null }> {
    const invalid: FieldError[] = await reference.checkCodes({
      countries: input.country ? [input.country] : [],
      themes: input.themes,
      modalities: input.modalities,
      sdgTargets: input.sdgTargets,
    });
    const denied: FieldError[] = [];
    for (const error of invalid) error.field = error.field.replace('body.countries.0', 'body.country');
    if ('language' in input && typeof input.language === 'string' && !isKnownLanguage(input.language))
      invalid.push({ field: 'body.language', message: `unknown language "${input.language}"` });
    input.workingLanguages?.forEach((code, index) => {
      if (!isKnownLanguage(code))
        invalid.push({ field: `body.workingLanguages.${index}`, message: `unknown language "${code}"` });
    });
    let organisationId = current.organisationId;
    if (input.organisation) {
      const resolved = await organisations.resolve([input.organisation]);
      if (resolved.unknown.length)
        invalid.push({ field: 'body.organisation', message: `unknown organisation "${input.organisation}"` });
      else if (!isStaff(viewer) && resolved.ids[0] !== viewer.organisationId)
        denied.push({ field: 'body.organisation', message: 'you may only post for your own organisation' });
      else organisationId = resolved.ids[0]!;
    }
    const visibility = input.visibility ?? current.visibility;
    const workingGroupId = input.workingGroupId ?? current.workingGroupId;
    if (visibility === 'organization' && !organisationId)
      invalid.push({ field: 'body.visibility', message: 'there is no organisation to share it with' });
    if (visibility === 'working_group' && !workingGroupId)
      invalid.push({ field: 'body.workingGroupId', message: 'is required when visibility is working_group' });
    if (input.workingGroupId) {
      const [group] = await accounts.groupSummaries([input.workingGroupId], 'en');
      if (!group)
        invalid.push({
          field: 'body.workingGroupId',
          message: `unknown working group "${input.workingGroupId}"`,
        });
      else if (!isStaff(viewer) && !viewer.workingGroupIds.includes(group.id))
        denied.push({ field: 'body.workingGroupId', message: 'you are not a member of this working group' });
    }
    const recommendationIds = (input as Partial<NeedInputData>).recommendationIds;
    if (recommendationIds?.length) {
      const known = await knownRecommendations(recommendationIds, db);
      recommendationIds.forEach((id, index) => {
        if (!known.has(id))
          invalid.push({
            field: `body.recommendationIds.${index}`,
            message: `unknown recommendation "${id}"`,
          });
      });
    }
    if (invalid.length)
      throw new AppError('validation_failed', 'Some fields are not valid', [...invalid, ...denied]);
    if (denied.length) throw new AppError('forbidden', 'You may not post this way', denied);
    return { organisationId };
  }

  function uniqueSlug(kind: PostingKind, tx: DbOrTx, title: string): Promise<string> {
    const table = TABLES[kind];
    return firstFreeSlug(slugFromTitle(title, kind), async (slug) => {
      const [taken] = await tx.select({ id: table.id }).from(table).where(eq(table.slug, slug));
      return !!taken;
    });
  }

  /** The row for a write, locked; 404 when unreadable, 403 when the viewer may not change it. */
  async function load(kind: PostingKind, tx: DbOrTx, viewer: Viewer, idOrSlug: string) {
    const table = TABLES[kind];
    const [row] = (await tx
      .select()
      .from(table)
      .where(UUID_PATTERN.test(idOrSlug) ? eq(table.id, idOrSlug) : eq(table.slug, idOrSlug))
      .for('update')) as PostingRow[];
    const name = kind === 'need' ? 'Need' : 'Offer';
    if (!row || !canRead(viewer, { visibility: row.visibility, ...recordScope(row) }))
      throw AppError.notFound(name, idOrSlug);
    if (!canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }))
      throw new AppError(
        'forbidden',
        `Only its author, their organisation admin and the secretariat change this ${kind}`,
      );
    return row;
  }

  async function saved(
    tx: DbOrTx,
    ctx: WriteContext,
    kind: PostingKind,
    action: string,
    before: PostingRow | null,
    after: PostingRow,
  ) {
    await recordAudit(tx, ctx, {
      action: `${kind}.${action}`,
      entityType: kind,
      entityId: after.id,
      before: before ? snapshot(before) : null,
      after: snapshot(after),
    });
    await indexer.index(tx, [postingSearchDocument(kind, after)]);
    for (const listener of listeners) await listener(tx, kind, after);
    return after;
  }

  async function setStatus(
    kind: PostingKind,
    ctx: WriteContext,
    idOrSlug: string,
    status: 'open' | 'closed',
    reason?: string,
  ) {
    return db.transaction(async (tx) => {
      const before = await load(kind, tx, ctx.viewer, idOrSlug);
      if (before.status === status)
        throw new AppError('conflict', `This ${kind} is already ${status}`, [
          { field: 'status', message: `is already ${status}` },
        ]);
      const table = TABLES[kind];
      const [after] = (await tx
        .update(table)
        .set({
          status,
          closedAt: status === 'closed' ? new Date() : null,
          closeReason: status === 'closed' ? (reason ?? null) : null,
          updatedAt: new Date(),
        })
        .where(eq(table.id, before.id))
        .returning()) as PostingRow[];
      return saved(tx, ctx, kind, status === 'closed' ? 'close' : 'reopen', before, after!);
    });
  }

  return {
    /** Sets how recommendation ids a need lists are checked (wired in services.ts). */
    linkRecommendations(check: (ids: string[], tx: DbOrTx) => Promise<Set<string>>) {
      knownRecommendations = check;
    },

    /** Registers a listener run inside every write's transaction. */
    onWrite(listener: PostingListener) {
      listeners.push(listener);
    },

    async create(kind: PostingKind, ctx: WriteContext, input: Input): Promise<PostingRow> {
      const { viewer } = ctx;
      if (!isSignedIn(viewer)) throw new AppError('unauthorized', `Sign in to post a ${kind}`);
      const { organisationId } = await validate(viewer, input, {
        visibility: input.visibility,
        workingGroupId: null,
        organisationId: viewer.organisationId,
      });
      const texts: Record<string, PostingText> = {
        [input.language]: { title: input.title, description: input.description },
      };
      return db.transaction(async (tx) => {
        const table = TABLES[kind];
        const [row] = (await tx
          .insert(table)
          .values({
            slug: await uniqueSlug(kind, tx, input.title),
            language: input.language,
            visibility: input.visibility,
            ownerId: viewer.userId === 'system' ? null : viewer.userId,
            ownerOrganisationId: organisationId,
            workingGroupId: input.workingGroupId ?? null,
            texts,
            country: input.country,
            themes: input.themes,
            sdgTargets: input.sdgTargets,
            modalities: input.modalities,
            workingLanguages: input.workingLanguages.length ? input.workingLanguages : [input.language],
            ...kindColumns(kind, input),
          } as never)
          .returning()) as PostingRow[];
        return saved(tx, ctx, kind, 'create', null, row!);
      });
    },

    /** Edits any subset of fields; title and description edit the original-language text. */
    async update(kind: PostingKind, ctx: WriteContext, idOrSlug: string, patch: Patch): Promise<PostingRow> {
      return db.transaction(async (tx) => {
        const before = await load(kind, tx, ctx.viewer, idOrSlug);
        const { organisationId } = await validate(ctx.viewer, patch, {
          visibility: before.visibility,
          workingGroupId: before.workingGroupId,
          organisationId: before.ownerOrganisationId,
        });
        const original = before.texts[before.language]!;
        const texts =
          patch.title || patch.description
            ? {
                ...before.texts,
                [before.language]: {
                  ...original,
                  title: patch.title ?? original.title,
                  description: patch.description ?? original.description,
                },
              }
            : before.texts;
        const table = TABLES[kind];
        const [after] = (await tx
          .update(table)
          .set({
            texts,
            ownerOrganisationId: organisationId,
            ...(patch.country ? { country: patch.country } : {}),
            ...(patch.themes ? { themes: patch.themes } : {}),
            ...(patch.sdgTargets ? { sdgTargets: patch.sdgTargets } : {}),
            ...(patch.modalities ? { modalities: patch.modalities } : {}),
            ...(patch.workingLanguages ? { workingLanguages: patch.workingLanguages } : {}),
            ...(patch.visibility ? { visibility: patch.visibility } : {}),
            ...(patch.workingGroupId ? { workingGroupId: patch.workingGroupId } : {}),
            ...kindColumns(kind, patch),
            updatedAt: new Date(),
          } as never)
          .where(eq(table.id, before.id))
          .returning()) as PostingRow[];
        return saved(tx, ctx, kind, 'update', before, after!);
      });
    },

    close(kind: PostingKind, ctx: WriteContext, idOrSlug: string, reason?: string) {
      return setStatus(kind, ctx, idOrSlug, 'closed', reason);
    },

    reopen(kind: PostingKind, ctx: WriteContext, idOrSlug: string) {
      return setStatus(kind, ctx, idOrSlug, 'open');
    },
  };
}

export type NeedsOffersWrites = ReturnType<typeof createNeedsOffersWrites>;
