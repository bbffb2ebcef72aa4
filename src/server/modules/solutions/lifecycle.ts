import { asc, eq } from 'drizzle-orm';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  type FieldChange,
  type ReviewAction,
  type SolutionStatus,
  type SolutionText,
  solutionReviews,
  solutions,
  solutionVersions,
} from '../../db/schema/index.js';
import { firstFreeSlug, slugFromTitle } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import type { Indexer } from '../../search/indexer.js';
import type { Lexicon } from '../../search/lexicon.js';
import type { Viewer } from '../access/policy.js';
import { ownerColumns } from '../access/scope.js';
import { actorOf, recordAudit, type WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import { authoriseSolution, type SolutionAction, translationSource } from './policy.js';
import type { SolutionInputData, SolutionPatchData } from './schema.js';
import { solutionSearchDocument } from './service.js';

type Row = typeof solutions.$inferSelect;

/** The fields whose changes the version history records. */
const TRACKED = [
  'texts',
  'countries',
  'replicatedIn',
  'providerIds',
  'contact',
  'themes',
  'sdgTargets',
  'modalities',
  'cooperationType',
  'evidence',
  'visibility',
  'status',
] as const satisfies ReadonlyArray<keyof Row>;

/** Which status a review action moves a solution from and to. */
const TRANSITIONS: Record<
  Exclude<ReviewAction, 'comment'>,
  { from: SolutionStatus[]; to: SolutionStatus }
> = {
  submit: { from: ['draft'], to: 'submitted' },
  publish: { from: ['submitted'], to: 'published' },
  request_changes: { from: ['submitted'], to: 'draft' },
  archive: { from: ['draft', 'submitted', 'published'], to: 'archived' },
  restore: { from: ['archived'], to: 'draft' },
};

function snapshot(row: Row): Record<string, unknown> {
  return Object.fromEntries(TRACKED.map((field) => [field, row[field]]));
}

function changesBetween(before: Row | null, after: Row): FieldChange[] {
  return TRACKED.flatMap((field) => {
    const old = before ? before[field] : undefined;
    return JSON.stringify(old) === JSON.stringify(after[field])
      ? []
      : [{ field, before: old ?? null, after: after[field] }];
  });
}

type Deps = {
  db: Db;
  reference: ReferenceService;
  organisations: OrganisationsService;
  indexer: Indexer;
  lexicon: Lexicon;
};

export type { WriteContext };

/**
 * Writing solutions: create, edit, submit, review, publish, archive and translate. Each use case
 * runs in one transaction that also writes the version history, the audit log and the search index.
 */
export function createSolutionLifecycle({ db, reference, organisations, indexer, lexicon }: Deps) {
  /** Checks references and resolves providers; every problem is reported at once. */
  async function validate(input: Partial<SolutionInputData>): Promise<{ providerIds?: string[] }> {
    const errors: FieldError[] = await reference.checkCodes(input);
    let providerIds: string[] | undefined;
    if (input.providers) {
      const resolved = await organisations.resolve(input.providers);
      for (const index of resolved.unknown) {
        errors.push({
          field: `body.providers.${index}`,
          message: `unknown organisation "${input.providers[index]}"`,
        });
      }
      providerIds = resolved.ids;
    }
    if (errors.length)
      throw new AppError('validation_failed', 'Some fields refer to things that do not exist', errors);
    return { providerIds };
  }

  /** Themes and SDG targets from the concept tagger, for solutions given none. */
  function infer(texts: Record<string, SolutionText>) {
    const concepts = new Set<string>();
    for (const [language, text] of Object.entries(texts)) {
      for (const id of lexicon.conceptsIn(
        `${text.title}\n${text.summary}\n${text.description ?? ''}`,
        language,
      )) {
        concepts.add(id);
      }
    }
    const themes = new Set<string>();
    const targets = new Set<string>();
    for (const id of concepts) {
      const concept = lexicon.concepts.get(id);
      for (const theme of concept?.themes ?? []) themes.add(theme);
      for (const target of concept?.sdgTargets ?? []) targets.add(target);
    }
    return { themes: [...themes].slice(0, 10), sdgTargets: [...targets].slice(0, 20) };
  }

  async function load(tx: DbOrTx, idOrSlug: string): Promise<Row> {
    const [row] = await tx
      .select()
      .from(solutions)
      .where(UUID_PATTERN.test(idOrSlug) ? eq(solutions.id, idOrSlug) : eq(solutions.slug, idOrSlug))
      .for('update');
    if (!row) throw AppError.notFound('Solution', idOrSlug);
    return row;
  }

  function uniqueSlug(tx: DbOrTx, title: string): Promise<string> {
    return firstFreeSlug(slugFromTitle(title, 'solution'), async (slug) => {
      const [taken] = await tx.select({ id: solutions.id }).from(solutions).where(eq(solutions.slug, slug));
      return !!taken;
    });
  }

  /** Records the new state: a version with what changed, the audit entry, and the search index. */
  async function record(tx: DbOrTx, ctx: WriteContext, action: string, before: Row | null, after: Row) {
    const changes = changesBetween(before, after);
    await tx.insert(solutionVersions).values({
      solutionId: after.id,
      version: after.version,
      status: after.status,
      snapshot: snapshot(after),
      changes,
      actor: actorOf(ctx),
    });
    await recordAudit(tx, ctx, {
      action: `solution.${action}`,
      entityType: 'solution',
      entityId: after.id,
      before: before ? snapshot(before) : null,
      after: snapshot(after),
    });
    await indexer.index(tx, [solutionSearchDocument(after)]);
  }

  return {
    /** Creates a draft. Themes and SDG targets left empty are inferred and marked as such. */
    async create(ctx: WriteContext, input: SolutionInputData, options: { importKey?: string } = {}) {
      authoriseSolution(ctx.viewer, 'create');
      const { providerIds } = await validate(input);
      const texts: Record<string, SolutionText> = {
        [input.language]: {
          title: input.title,
          summary: input.summary,
          ...(input.description ? { description: input.description } : {}),
        },
      };
      const inferred = infer(texts);
      const run = async (tx: DbOrTx) => {
        const [row] = await tx
          .insert(solutions)
          .values({
            slug: await uniqueSlug(tx, input.title),
            language: input.language,
            visibility: input.visibility,
            texts,
            countries: input.countries,
            replicatedIn: input.replicatedIn,
            providerIds: providerIds ?? [],
            contact: input.contact ?? null,
            themes: input.themes.length ? input.themes : inferred.themes,
            sdgTargets: input.sdgTargets.length ? input.sdgTargets : inferred.sdgTargets,
            inferred: { themes: input.themes.length === 0, sdgTargets: input.sdgTargets.length === 0 },
            modalities: input.modalities,
            cooperationType: input.cooperationType ?? null,
            evidence: input.evidence,
            importKey: options.importKey ?? null,
            status: 'draft',
            ...ownerColumns(ctx.viewer),
            source: options.importKey ? { file: 'import', note: options.importKey } : null,
          })
          .returning();
        await record(tx, ctx, 'create', null, row!);
        return row!;
      };
      return db.transaction(run);
    },

    /** Edits fields; each saved edit becomes a new version. */
    async update(ctx: WriteContext, idOrSlug: string, patch: SolutionPatchData) {
      const { providerIds } = await validate(patch);
      const run = async (tx: DbOrTx) => {
        const before = await load(tx, idOrSlug);
        authoriseSolution(ctx.viewer, 'edit', before);
        if (before.status === 'archived') {
          throw new AppError('conflict', 'An archived solution must be restored before it is edited', [
            { field: 'status', message: 'is archived' },
          ]);
        }
        const original = before.texts[before.language]!;
        const texts =
          patch.title || patch.summary || patch.description !== undefined
            ? {
                ...before.texts,
                [before.language]: {
                  title: patch.title ?? original.title,
                  summary: patch.summary ?? original.summary,
                  ...((patch.description ?? original.description)
                    ? { description: patch.description ?? original.description }
                    : {}),
                },
              }
            : before.texts;
        const [after] = await tx
          .update(solutions)
          .set({
            texts,
            ...(patch.countries ? { countries: patch.countries } : {}),
            ...(patch.replicatedIn ? { replicatedIn: patch.replicatedIn } : {}),
            ...(providerIds ? { providerIds } : {}),
            ...(patch.contact !== undefined ? { contact: patch.contact } : {}),
            ...(patch.themes ? { themes: patch.themes } : {}),
            ...(patch.sdgTargets ? { sdgTargets: patch.sdgTargets } : {}),
            // Tags a person sets are no longer inferred.
            inferred: {
              themes: patch.themes ? false : before.inferred.themes,
              sdgTargets: patch.sdgTargets ? false : before.inferred.sdgTargets,
            },
            ...(patch.modalities ? { modalities: patch.modalities } : {}),
            ...(patch.cooperationType ? { cooperationType: patch.cooperationType } : {}),
            ...(patch.evidence ? { evidence: patch.evidence } : {}),
            ...(patch.visibility ? { visibility: patch.visibility } : {}),
            version: before.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(solutions.id, before.id))
          .returning();
        await record(tx, ctx, 'update', before, after!);
        return after!;
      };
      return db.transaction(run);
    },

    /** Adds or replaces a translation, marked with who made it; the original stays as it is. */
    async translate(
      ctx: WriteContext,
      idOrSlug: string,
      language: string,
      input: {
        title: string;
        summary: string;
        description?: string;
        source: 'author' | 'editorial' | 'community';
      },
    ) {
      return db.transaction(async (tx) => {
        const before = await load(tx, idOrSlug);
        authoriseSolution(ctx.viewer, 'translate', before);
        if (language === before.language) {
          throw new AppError(
            'validation_failed',
            'This is the original language; edit the solution instead',
            [{ field: 'path.language', message: `is the original language (${before.language})` }],
          );
        }
        const [after] = await tx
          .update(solutions)
          .set({
            texts: {
              ...before.texts,
              [language]: {
                title: input.title,
                summary: input.summary,
                ...(input.description ? { description: input.description } : {}),
                translation: translationSource(ctx.viewer, before, input.source),
              },
            },
            version: before.version + 1,
            updatedAt: new Date(),
          })
          .where(eq(solutions.id, before.id))
          .returning();
        await record(tx, ctx, 'translate', before, after!);
        return after!;
      });
    },

    /** Moves a solution through review: submit, publish, request changes, archive, restore. */
    async transition(
      ctx: WriteContext,
      idOrSlug: string,
      action: Exclude<ReviewAction, 'comment'>,
      comment?: string,
    ) {
      const rule = TRANSITIONS[action];
      return db.transaction(async (tx) => {
        const before = await load(tx, idOrSlug);
        authoriseSolution(ctx.viewer, action === 'submit' ? 'submit' : 'review', before);
        if (!rule.from.includes(before.status)) {
          throw new AppError(
            'conflict',
            `Cannot ${action.replace('_', ' ')} a solution that is ${before.status}`,
            [{ field: 'status', message: `is ${before.status}; ${action} needs ${rule.from.join(' or ')}` }],
          );
        }
        const [after] = await tx
          .update(solutions)
          .set({
            status: rule.to,
            version: before.version + 1,
            updatedAt: new Date(),
            ...(rule.to === 'published' ? { publishedAt: new Date() } : {}),
          })
          .where(eq(solutions.id, before.id))
          .returning();
        await tx
          .insert(solutionReviews)
          .values({ solutionId: before.id, action, comment: comment ?? null, actor: actorOf(ctx) });
        await record(tx, ctx, action, before, after!);
        return after!;
      });
    },

    /** Adds a review comment without changing the status. */
    async comment(ctx: WriteContext, idOrSlug: string, comment: string) {
      return db.transaction(async (tx) => {
        const row = await load(tx, idOrSlug);
        authoriseSolution(ctx.viewer, 'comment', row);
        await tx
          .insert(solutionReviews)
          .values({ solutionId: row.id, action: 'comment', comment, actor: actorOf(ctx) });
        await recordAudit(tx, ctx, {
          action: 'solution.comment',
          entityType: 'solution',
          entityId: row.id,
          after: { comment },
        });
        return row;
      });
    },

    /** What the viewer may do with a solution, for the buttons a page shows. */
    async permissions(viewer: Viewer, idOrSlug: string) {
      const row = await load(db, idOrSlug);
      const can = (action: SolutionAction) => {
        try {
          authoriseSolution(viewer, action, row);
          return true;
        } catch {
          return false;
        }
      };
      return { edit: can('edit'), submit: can('submit'), review: can('review'), comment: can('comment') };
    },

    /** Versions (what changed in each) and the review trail, oldest first. */
    async history(solutionId: string) {
      const row = { id: solutionId };
      const [versions, reviews] = await Promise.all([
        db
          .select()
          .from(solutionVersions)
          .where(eq(solutionVersions.solutionId, row.id))
          .orderBy(asc(solutionVersions.version)),
        db
          .select()
          .from(solutionReviews)
          .where(eq(solutionReviews.solutionId, row.id))
          .orderBy(asc(solutionReviews.createdAt), asc(solutionReviews.id)),
      ]);
      return {
        versions: versions.map((v) => ({
          version: v.version,
          status: v.status,
          actor: v.actor,
          createdAt: v.createdAt.toISOString(),
          changes: v.changes,
        })),
        reviews: reviews.map((r) => ({
          action: r.action,
          comment: r.comment,
          actor: r.actor,
          createdAt: r.createdAt.toISOString(),
        })),
      };
    },

    /** Finds a solution by its import key, for idempotent imports. */
    async findByImportKey(key: string): Promise<Row | undefined> {
      const [row] = await db.select().from(solutions).where(eq(solutions.importKey, key));
      return row;
    },

    /** Checks a new solution's references without writing anything (for dry runs). */
    async check(input: SolutionInputData): Promise<void> {
      await validate(input);
    },

    /** True when importing `input` again would change the stored solution. */
    async differs(row: Row, input: SolutionInputData): Promise<boolean> {
      const original = row.texts[row.language];
      const { providerIds } = await validate({ providers: input.providers });
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      return !(
        original?.title === input.title &&
        original.summary === input.summary &&
        (original.description ?? undefined) === input.description &&
        same(row.countries, input.countries) &&
        same(row.providerIds, providerIds) &&
        same(row.modalities, input.modalities) &&
        (input.themes.length === 0 || same(row.themes, input.themes)) &&
        (input.sdgTargets.length === 0 || same(row.sdgTargets, input.sdgTargets))
      );
    },
  };
}

export type SolutionLifecycle = ReturnType<typeof createSolutionLifecycle>;
