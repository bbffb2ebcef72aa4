import { eq } from 'drizzle-orm';
import { isKnownLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Visibility } from '../../db/schema/content.js';
import { recommendations } from '../../db/schema/index.js';
import type { RecommendationStatus, RecommendationText } from '../../db/schema/projects.js';
import { firstFreeSlug, slugFromTitle } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import type { Indexer } from '../../search/indexer.js';
import { isStaff, type Viewer } from '../access/policy.js';
import type { Accounts } from '../accounts/service.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import type { RecommendationInputData, RecommendationPatchData } from './schema.js';
import { type RecommendationRow, recommendationSearchDocument } from './service.js';

type Deps = {
  db: Db;
  reference: Pick<ReferenceService, 'checkCodes'>;
  organisations: Pick<OrganisationsService, 'resolve'>;
  accounts: Pick<Accounts, 'groupSummaries'>;
  indexer: Indexer;
};

/** The fields an audit entry records: the row without its timestamps. */
function snapshot(row: RecommendationRow): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

/** Only the secretariat and admins write recommendations (CTED's assessments, entered by staff). */
function requireStaffWriter(viewer: Viewer) {
  if (!isStaff(viewer))
    throw new AppError('forbidden', 'Only the secretariat creates, edits and closes recommendations');
}

/**
 * Creating, editing and changing the status of recommendations. Each use case runs in one
 * transaction with its audit entry and its search rows.
 */
export function createRecommendationWrites({ db, reference, organisations, accounts, indexer }: Deps) {
  /** Checks codes, the language, the organisation and the sharing scope; every problem at once. */
  async function validate(
    input: Partial<RecommendationInputData>,
    current: { visibility: Visibility; workingGroupId: string | null; organisationId: string | null },
  ): Promise<{ organisationId: string | null }> {
    const invalid: FieldError[] = await reference.checkCodes({
      countries: input.country ? [input.country] : [],
      themes: input.themes,
      sdgTargets: input.sdgTargets,
    });
    for (const error of invalid) error.field = error.field.replace('body.countries.0', 'body.country');
    if (input.language !== undefined && !isKnownLanguage(input.language))
      invalid.push({ field: 'body.language', message: `unknown language "${input.language}"` });
    let organisationId = current.organisationId;
    if (input.organisation) {
      const resolved = await organisations.resolve([input.organisation]);
      if (resolved.unknown.length)
        invalid.push({ field: 'body.organisation', message: `unknown organisation "${input.organisation}"` });
      else organisationId = resolved.ids[0]!;
    }
    const visibility = input.visibility ?? current.visibility;
    const workingGroupId = input.workingGroupId ?? current.workingGroupId;
    if (visibility === 'organization' && !organisationId)
      invalid.push({ field: 'body.organisation', message: 'is required when visibility is organization' });
    if (visibility === 'working_group' && !workingGroupId)
      invalid.push({ field: 'body.workingGroupId', message: 'is required when visibility is working_group' });
    if (input.workingGroupId) {
      const [group] = await accounts.groupSummaries([input.workingGroupId], 'en');
      if (!group)
        invalid.push({
          field: 'body.workingGroupId',
          message: `unknown working group "${input.workingGroupId}"`,
        });
    }
    if (invalid.length) throw new AppError('validation_failed', 'Some fields are not valid', invalid);
    return { organisationId };
  }

  function uniqueSlug(tx: DbOrTx, title: string): Promise<string> {
    return firstFreeSlug(slugFromTitle(title, 'recommendation'), async (slug) => {
      const [taken] = await tx
        .select({ id: recommendations.id })
        .from(recommendations)
        .where(eq(recommendations.slug, slug));
      return !!taken;
    });
  }

  /** The row for a write, locked; 404 when it does not exist. */
  async function load(tx: DbOrTx, idOrSlug: string) {
    const [row] = await tx
      .select()
      .from(recommendations)
      .where(
        UUID_PATTERN.test(idOrSlug) ? eq(recommendations.id, idOrSlug) : eq(recommendations.slug, idOrSlug),
      )
      .for('update');
    if (!row) throw AppError.notFound('Recommendation', idOrSlug);
    return row;
  }

  async function saved(
    tx: DbOrTx,
    ctx: WriteContext,
    action: string,
    before: RecommendationRow | null,
    after: RecommendationRow,
    note?: string,
  ) {
    await recordAudit(tx, ctx, {
      action: `recommendation.${action}`,
      entityType: 'recommendation',
      entityId: after.id,
      before: before ? snapshot(before) : null,
      after: note ? { ...snapshot(after), note } : snapshot(after),
    });
    await indexer.index(tx, [recommendationSearchDocument(after)]);
    return after;
  }

  return {
    async create(ctx: WriteContext, input: RecommendationInputData): Promise<RecommendationRow> {
      requireStaffWriter(ctx.viewer);
      const { organisationId } = await validate(input, {
        visibility: input.visibility,
        workingGroupId: null,
        organisationId: ctx.viewer.organisationId,
      });
      const texts: Record<string, RecommendationText> = {
        [input.language]: { title: input.title, text: input.text },
      };
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(recommendations)
          .values({
            slug: await uniqueSlug(tx, input.title),
            language: input.language,
            visibility: input.visibility,
            ownerId: ctx.viewer.userId === 'system' ? null : ctx.viewer.userId,
            ownerOrganisationId: organisationId,
            workingGroupId: input.workingGroupId ?? null,
            texts,
            country: input.country,
            themes: input.themes,
            sdgTargets: input.sdgTargets,
            sourceAssessment: input.sourceAssessment,
            issuedOn: input.issuedOn,
            priority: input.priority,
            status: input.status,
          })
          .returning();
        return saved(tx, ctx, 'create', null, row!);
      });
    },

    /** Edits any subset of fields; title and text edit the original-language text. */
    async update(ctx: WriteContext, idOrSlug: string, patch: RecommendationPatchData) {
      requireStaffWriter(ctx.viewer);
      return db.transaction(async (tx) => {
        const before = await load(tx, idOrSlug);
        const { organisationId } = await validate(patch, {
          visibility: before.visibility,
          workingGroupId: before.workingGroupId,
          organisationId: before.ownerOrganisationId,
        });
        const original = before.texts[before.language]!;
        const texts =
          patch.title || patch.text
            ? {
                ...before.texts,
                [before.language]: {
                  ...original,
                  title: patch.title ?? original.title,
                  text: patch.text ?? original.text,
                },
              }
            : before.texts;
        const [after] = await tx
          .update(recommendations)
          .set({
            texts,
            ownerOrganisationId: organisationId,
            ...(patch.country ? { country: patch.country } : {}),
            ...(patch.themes ? { themes: patch.themes } : {}),
            ...(patch.sdgTargets ? { sdgTargets: patch.sdgTargets } : {}),
            ...(patch.sourceAssessment ? { sourceAssessment: patch.sourceAssessment } : {}),
            ...(patch.issuedOn ? { issuedOn: patch.issuedOn } : {}),
            ...(patch.priority ? { priority: patch.priority } : {}),
            ...(patch.visibility ? { visibility: patch.visibility } : {}),
            ...(patch.workingGroupId ? { workingGroupId: patch.workingGroupId } : {}),
            updatedAt: new Date(),
          })
          .where(eq(recommendations.id, before.id))
          .returning();
        return saved(tx, ctx, 'update', before, after!);
      });
    },

    /** Moves it to another status (open, in-progress, addressed, closed), with an optional note. */
    async setStatus(ctx: WriteContext, idOrSlug: string, status: RecommendationStatus, note?: string) {
      requireStaffWriter(ctx.viewer);
      return db.transaction(async (tx) => {
        const before = await load(tx, idOrSlug);
        if (before.status === status)
          throw new AppError('conflict', `This recommendation is already ${status}`, [
            { field: 'body.status', message: `is already ${status}` },
          ]);
        const [after] = await tx
          .update(recommendations)
          .set({ status, updatedAt: new Date() })
          .where(eq(recommendations.id, before.id))
          .returning();
        return saved(tx, ctx, 'status', before, after!, note);
      });
    },
  };
}

export type RecommendationWrites = ReturnType<typeof createRecommendationWrites>;
