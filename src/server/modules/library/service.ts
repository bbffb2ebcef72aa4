import { createHash, randomBytes } from 'node:crypto';
import { and, arrayOverlaps, eq, type SQL, sql } from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Visibility } from '../../db/schema/content.js';
import { files, type ResourceText, resources } from '../../db/schema/index.js';
import { latinSlug } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import { extractTextSafe } from '../../files/extract.js';
import { checkUpload } from '../../files/limits.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import type { SearchableDocument } from '../../search/documents.js';
import type { Indexer } from '../../search/indexer.js';
import type { SearchService } from '../../search/service.js';
import {
  canEdit,
  canRead,
  isSignedIn,
  isStaff,
  scopeOf,
  type Viewer,
  visibleWhere,
} from '../access/policy.js';
import { ownerColumns, recordScope } from '../access/scope.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { ReferenceService } from '../reference/service.js';
import type {
  Resource,
  ResourceFormData,
  ResourceListFilters,
  ResourcePatchData,
  ResourceSummary,
} from './schema.js';
import { type UploadFile, uploadTooLarge } from './upload.js';

type Row = typeof resources.$inferSelect;

/** What lists and pages show of a stored file (never its bytes). */
type FileMeta = { name: string; type: string; size: number; sha256: string; textLength: number };

/**
 * How much of a document's text goes into the search index. The indexer segments and tags the
 * whole body when indexing and again for each result's snippet, at a cost that grows faster than
 * the length, and a tsvector holds at most 1 MB (Chinese text indexes each character and each
 * pair); 20,000 characters (some eight pages) keeps both well within bounds.
 */
export const MAX_INDEXED_TEXT_CHARS = 20_000;

/** Names of working groups, for labels, forms and checking that a group exists. */
export type GroupDirectory = {
  groupSummaries(
    ids: readonly string[] | undefined,
    lang: string,
  ): Promise<Array<{ id: string; name: string }>>;
};

function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * How a resource appears in the search index: its title (weighted), and its description followed
 * by the text extracted from its file, in the language it was written in.
 */
export function resourceSearchDocument(row: Row, extractedText: string): SearchableDocument {
  return {
    type: 'resource',
    id: row.id,
    slug: row.slug,
    originalLanguage: row.language,
    texts: Object.fromEntries(
      Object.entries(row.texts).map(([language, text]) => [
        language,
        {
          title: text.title,
          body: capText(
            [text.description, language === row.language ? extractedText : ''].filter(Boolean).join('\n\n'),
            MAX_INDEXED_TEXT_CHARS,
          ),
        },
      ]),
    ),
    themes: row.themes,
    sdgTargets: [],
    countries: [],
    visibility: row.visibility,
    isPublished: true,
    ...recordScope(row),
  };
}

/** What the audit log keeps of a resource: everything but the file's bytes and text. */
function snapshot(row: Row, file: FileMeta | null) {
  return {
    slug: row.slug,
    kind: row.kind,
    language: row.language,
    texts: row.texts,
    themes: row.themes,
    url: row.url,
    visibility: row.visibility,
    ownerId: row.ownerId,
    ownerOrganisationId: row.ownerOrganisationId,
    workingGroupId: row.workingGroupId,
    file: file ? { name: file.name, type: file.type, size: file.size, sha256: file.sha256 } : null,
  };
}

/** A URL-safe slug from a title, with a random suffix so it neither collides nor hints at others. */
function slugFor(title: string): string {
  const ascii = latinSlug(title);
  return `${ascii.length >= 3 ? ascii : 'resource'}-${randomBytes(3).toString('hex')}`;
}

/** A file name safe to store and show: no folders, control characters or surrounding spaces. */
function cleanFileName(name: string, type: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 200);
  if (base && base !== '.' && base !== '..') return base;
  const extension: Record<string, string> = {
    'application/pdf': 'pdf',
    'text/plain': 'txt',
    'text/csv': 'csv',
    'image/png': 'png',
    'image/jpeg': 'jpg',
  };
  return `document.${extension[type] ?? (type.includes('word') ? 'docx' : type.includes('sheet') ? 'xlsx' : 'bin')}`;
}

const keys: SortKey<{ createdAt: Date; id: string }>[] = [
  { expr: resources.createdAt, cast: 'timestamptz', of: (row) => row.createdAt.toISOString() },
  { expr: resources.id, cast: 'uuid', of: (row) => row.id },
];

/** The part of a file's text the index takes, cut in the database so a reindex loads no more. */
const indexedText = sql<string>`left(${files.extractedText}, ${sql.raw(String(MAX_INDEXED_TEXT_CHARS))})`;

const fileColumns = {
  name: files.name,
  type: files.type,
  size: files.size,
  sha256: files.sha256,
  textLength: sql<number>`length(${files.extractedText})::int`,
};

type Deps = {
  db: Db;
  reference: ReferenceService;
  indexer: Indexer;
  search: SearchService;
  groups: GroupDirectory;
};

/**
 * The resource library: documents (stored in PostgreSQL, their text extracted for search) and links,
 * each readable by the audience its visibility names. Working groups' shared documents are resources
 * with visibility `working_group`.
 */
export function createLibraryService({ db, reference, indexer, search, groups }: Deps) {
  async function present(
    viewer: Viewer,
    rows: Array<{ resource: Row; file: FileMeta | null }>,
    lang: string,
  ): Promise<Resource[]> {
    const groupIds = [
      ...new Set(rows.flatMap((r) => (r.resource.workingGroupId ? [r.resource.workingGroupId] : []))),
    ];
    const [themeLabels, groupNames] = await Promise.all([
      reference.termLabels('theme', lang),
      groups.groupSummaries(groupIds, lang),
    ]);
    const groupName = new Map(groupNames.map((g) => [g.id, g.name]));
    return rows.map(({ resource: row, file }) => {
      const language = pickLanguage(row.texts, lang, row.language);
      const text = row.texts[language]!;
      return {
        id: row.id,
        slug: row.slug,
        kind: row.kind,
        title: text.title,
        description: text.description ?? null,
        themes: row.themes.map((id) => ({ id, label: themeLabels.get(id) ?? id })),
        visibility: row.visibility,
        workingGroup: row.workingGroupId
          ? { id: row.workingGroupId, name: groupName.get(row.workingGroupId) ?? row.workingGroupId }
          : null,
        url: row.url,
        file: file ? { ...file, textLength: Number(file.textLength) } : null,
        downloadUrl: file ? `/api/v1/library/${row.id}/download` : null,
        canEdit: canEdit(viewer, { ownerId: row.ownerId, organisationId: row.ownerOrganisationId }),
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
      };
    });
  }

  const byIdOrSlug = (idOrSlug: string) =>
    UUID_PATTERN.test(idOrSlug) ? eq(resources.id, idOrSlug) : eq(resources.slug, idOrSlug);

  /**
   * One resource for a write, locked; 404 when it does not exist or the viewer may not read it
   * (so the ids of other groups' documents are never confirmed), 403 when they may read but not edit.
   */
  async function loadForEdit(tx: DbOrTx, viewer: Viewer, idOrSlug: string) {
    const [found] = await tx
      .select({ resource: resources, file: fileColumns })
      .from(resources)
      .leftJoin(files, eq(files.resourceId, resources.id))
      .where(byIdOrSlug(idOrSlug))
      .for('update', { of: resources });
    if (!found || !canRead(viewer, { visibility: found.resource.visibility, ...recordScope(found.resource) }))
      throw AppError.notFound('Resource', idOrSlug);
    if (
      !canEdit(viewer, {
        ownerId: found.resource.ownerId,
        organisationId: found.resource.ownerOrganisationId,
      })
    )
      throw new AppError(
        'forbidden',
        'Only the person who added this resource, their organisation admin or the secretariat may change it',
      );
    return found as { resource: Row; file: FileMeta | null };
  }

  /**
   * Who may share with whom: `public` is for the secretariat; `working_group` needs a group the
   * viewer belongs to (staff: any existing group); `organization` needs an organisation. Throws 403
   * and returns the 422 field errors. `groupExists` is looked up beforehand, outside any transaction.
   */
  function checkAudience(
    viewer: Viewer,
    visibility: Visibility,
    workingGroupId: string | null | undefined,
    groupExists: boolean,
  ): FieldError[] {
    if (visibility === 'public' && !isStaff(viewer)) {
      throw new AppError('forbidden', 'Only the secretariat publishes resources to everyone', [
        {
          field: 'body.visibility',
          message: 'public is for the secretariat; choose members or a narrower audience',
        },
      ]);
    }
    const errors: FieldError[] = [];
    if (visibility === 'working_group') {
      if (!workingGroupId) {
        errors.push({ field: 'body.workingGroupId', message: 'choose the working group to share with' });
      } else if (!isStaff(viewer) && !viewer.workingGroupIds.includes(workingGroupId)) {
        throw new AppError('forbidden', 'You can share only with working groups you belong to', [
          { field: 'body.workingGroupId', message: 'you are not a member of this working group' },
        ]);
      } else if (!groupExists) {
        errors.push({ field: 'body.workingGroupId', message: 'no such working group' });
      }
    } else if (workingGroupId) {
      errors.push({
        field: 'body.workingGroupId',
        message: 'a working group is set only with the visibility working_group',
      });
    }
    if (visibility === 'organization' && !viewer.organisationId) {
      errors.push({ field: 'body.visibility', message: 'your account belongs to no organisation' });
    }
    return errors;
  }

  async function groupExists(id: string | null | undefined): Promise<boolean> {
    return !!id && (await groups.groupSummaries([id], 'en')).length > 0;
  }

  async function fileText(tx: DbOrTx, resourceId: string): Promise<string> {
    const [row] = await tx.select({ text: indexedText }).from(files).where(eq(files.resourceId, resourceId));
    return row?.text ?? '';
  }

  async function getRow(viewer: Viewer, idOrSlug: string) {
    const [found] = await db
      .select({ resource: resources, file: fileColumns })
      .from(resources)
      .leftJoin(files, eq(files.resourceId, resources.id))
      .where(and(visibleWhere(viewer, scopeOf(resources)), byIdOrSlug(idOrSlug)));
    if (!found) throw AppError.notFound('Resource', idOrSlug);
    return found as { resource: Row; file: FileMeta | null };
  }

  return {
    /** Library items the viewer may read, newest first, filtered; `q` goes through the search index. */
    async list(viewer: Viewer, filters: ResourceListFilters) {
      const where = and(
        visibleWhere(viewer, scopeOf(resources)),
        filters.q
          ? sql`${resources.id} IN ${search.matchingIds('resource', filters.q, filters.lang)}`
          : undefined,
        filters.theme?.length ? arrayOverlaps(resources.themes, filters.theme) : undefined,
        filters.language ? eq(resources.language, filters.language) : undefined,
        filters.group ? eq(resources.workingGroupId, filters.group) : undefined,
        filters.kind ? eq(resources.kind, filters.kind) : undefined,
      ) as SQL;
      const [rows, [count]] = await Promise.all([
        db
          .select({ resource: resources, file: fileColumns })
          .from(resources)
          .leftJoin(files, eq(files.resourceId, resources.id))
          .where(and(where, afterCursor(keys, 'desc', filters.cursor)))
          .orderBy(orderBy(keys, 'desc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(resources).where(where),
      ]);
      const page = toPage(
        rows as Array<{ resource: Row; file: FileMeta | null }>,
        filters.limit,
        keys.map((k) => ({ ...k, of: (row: { resource: Row }) => k.of(row.resource) })),
        count?.n ?? 0,
        (row) => row,
      );
      const items: ResourceSummary[] = (await present(viewer, page.items, filters.lang)).map((item) => ({
        ...item,
        file: item.file ? { name: item.file.name, type: item.file.type, size: item.file.size } : null,
      }));
      return { ...page, items };
    },

    /** One resource by id or slug; 404 when missing or not visible to the viewer. */
    async get(viewer: Viewer, idOrSlug: string, lang: string): Promise<Resource> {
      const [item] = await present(viewer, [await getRow(viewer, idOrSlug)], lang);
      return item!;
    },

    /** The stored file of a resource, for download; 404 when not visible or a link. */
    async download(viewer: Viewer, idOrSlug: string) {
      const [found] = await db
        .select({
          visibility: resources.visibility,
          name: files.name,
          type: files.type,
          size: files.size,
          bytes: files.bytes,
        })
        .from(resources)
        .innerJoin(files, eq(files.resourceId, resources.id))
        .where(and(visibleWhere(viewer, scopeOf(resources)), byIdOrSlug(idOrSlug)));
      if (!found) throw AppError.notFound('Document', idOrSlug);
      return found;
    },

    /**
     * Adds a document or a link. The file is checked (size, then the type found in its bytes),
     * its text extracted, and the resource, file, audit entry and search index written together.
     */
    async create(ctx: WriteContext, input: ResourceFormData, upload: UploadFile | undefined): Promise<Row> {
      const viewer = ctx.viewer;
      if (!isSignedIn(viewer)) throw new AppError('unauthorized', 'Sign in to add to the library');

      let checked: { type: string; size: number } | undefined;
      if (upload) {
        const result = checkUpload({
          name: upload.name,
          bytes: upload.bytes,
          declaredType: upload.declaredType,
        });
        if (!result.ok) {
          if (result.code === 'too_large') throw uploadTooLarge();
          const code = result.code === 'empty' ? 'validation_failed' : 'unsupported_media_type';
          throw new AppError(code, result.message, [
            { field: 'body.file', message: result.message, code: result.code },
          ]);
        }
        checked = result;
      }

      const errors = checkAudience(
        viewer,
        input.visibility,
        input.workingGroupId,
        await groupExists(input.workingGroupId),
      );
      if (upload && input.url)
        errors.push({ field: 'body.url', message: 'give either a file or a link, not both' });
      if (!upload && !input.url) errors.push({ field: 'body.file', message: 'attach a file or give a link' });
      errors.push(...(await reference.checkCodes({ themes: input.themes })));
      if (errors.length) throw new AppError('validation_failed', 'Some fields are not valid', errors);

      const extracted = upload && checked ? (await extractTextSafe(checked.type, upload.bytes)).text : '';
      const texts: Record<string, ResourceText> = {
        [input.language]: {
          title: input.title,
          ...(input.description ? { description: input.description } : {}),
        },
      };
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(resources)
          .values({
            slug: slugFor(input.title),
            language: input.language,
            visibility: input.visibility,
            kind: upload ? 'file' : 'link',
            texts,
            themes: [...new Set(input.themes)],
            url: upload ? null : (input.url ?? null),
            ...ownerColumns(viewer),
            workingGroupId: input.visibility === 'working_group' ? (input.workingGroupId ?? null) : null,
          })
          .returning();
        let meta: FileMeta | null = null;
        if (upload && checked) {
          meta = {
            name: cleanFileName(upload.name, checked.type),
            type: checked.type,
            size: checked.size,
            sha256: createHash('sha256').update(upload.bytes).digest('hex'),
            textLength: extracted.length,
          };
          await tx.insert(files).values({
            resourceId: row!.id,
            name: meta.name,
            type: meta.type,
            size: meta.size,
            sha256: meta.sha256,
            bytes: upload.bytes,
            extractedText: extracted,
          });
        }
        await recordAudit(tx, ctx, {
          action: 'library.create',
          entityType: 'resource',
          entityId: row!.id,
          before: null,
          after: snapshot(row!, meta),
        });
        await indexer.index(tx, [resourceSearchDocument(row!, extracted)]);
        return row!;
      });
    },

    /** Changes the title, description, themes or audience of a resource. */
    async update(ctx: WriteContext, idOrSlug: string, patch: ResourcePatchData): Promise<Row> {
      if (patch.themes) {
        const errors = await reference.checkCodes({ themes: patch.themes });
        if (errors.length) throw new AppError('validation_failed', 'Some fields are not valid', errors);
      }
      // A named group is looked up before the transaction (PGlite has one connection); an
      // unchanged one is the resource's own and exists.
      const namedGroupExists = patch.workingGroupId ? await groupExists(patch.workingGroupId) : true;
      return db.transaction(async (tx) => {
        const { resource: before, file } = await loadForEdit(tx, ctx.viewer, idOrSlug);
        const visibility = patch.visibility ?? before.visibility;
        const workingGroupId =
          patch.workingGroupId !== undefined
            ? patch.workingGroupId
            : visibility === 'working_group'
              ? before.workingGroupId
              : null;
        // The audience is checked when it changes: an org admin or the secretariat may edit a
        // group's document without belonging to the group.
        if (visibility !== before.visibility || (workingGroupId ?? null) !== before.workingGroupId) {
          const errors = checkAudience(ctx.viewer, visibility, workingGroupId, namedGroupExists);
          if (errors.length) throw new AppError('validation_failed', 'Some fields are not valid', errors);
        }
        let texts = before.texts;
        if (patch.title !== undefined || patch.description !== undefined) {
          const edited: ResourceText = { ...(before.texts[before.language] ?? { title: '' }) };
          if (patch.title !== undefined) edited.title = patch.title;
          if (patch.description !== undefined) {
            if (patch.description) edited.description = patch.description;
            else delete edited.description;
          }
          texts = { ...before.texts, [before.language]: edited };
        }
        const [after] = await tx
          .update(resources)
          .set({
            texts,
            ...(patch.themes ? { themes: [...new Set(patch.themes)] } : {}),
            visibility,
            workingGroupId: visibility === 'working_group' ? workingGroupId : null,
            updatedAt: new Date(),
          })
          .where(eq(resources.id, before.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'library.update',
          entityType: 'resource',
          entityId: before.id,
          before: snapshot(before, file),
          after: snapshot(after!, file),
        });
        await indexer.index(tx, [resourceSearchDocument(after!, await fileText(tx, before.id))]);
        return after!;
      });
    },

    /** Deletes a resource and its file, and takes it out of search. */
    async remove(ctx: WriteContext, idOrSlug: string): Promise<void> {
      await db.transaction(async (tx) => {
        const { resource, file } = await loadForEdit(tx, ctx.viewer, idOrSlug);
        await tx.delete(resources).where(eq(resources.id, resource.id));
        await recordAudit(tx, ctx, {
          action: 'library.delete',
          entityType: 'resource',
          entityId: resource.id,
          before: snapshot(resource, file),
          after: null,
        });
        await indexer.remove(tx, 'resource', resource.id);
      });
    },

    /** Working groups the viewer may share with (staff: all), for the upload form. */
    async groupChoices(viewer: Viewer, lang: string) {
      if (isStaff(viewer)) return groups.groupSummaries(undefined, lang);
      return groups.groupSummaries(viewer.workingGroupIds, lang);
    },

    /** Every resource as a search document, for a full reindex. */
    async searchDocuments(tx: DbOrTx = db): Promise<SearchableDocument[]> {
      const rows = await tx
        .select({ resource: resources, text: indexedText })
        .from(resources)
        .leftJoin(files, eq(files.resourceId, resources.id));
      return rows.map((row) => resourceSearchDocument(row.resource, row.text ?? ''));
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
