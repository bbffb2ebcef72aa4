import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { pickLanguage } from '../../../shared/languages.js';
import type { DbOrTx } from '../../db/client.js';
import {
  type GroupRole,
  type WorkingGroupText,
  workingGroupMembers,
  workingGroups,
} from '../../db/schema/index.js';
import { firstFreeSlug, slugFromTitle } from '../../db/slug.js';
import { AppError, type FieldError } from '../../errors.js';
import { afterCursor, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import { isStaff, type Viewer, visibleWhere } from '../access/policy.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { PendingEmails } from '../notifications/service.js';
import { createActions } from './actions.js';
import { createGroupCore, type GroupDeps, type GroupRow, groupScope } from './core.js';
import { createPriorities } from './priorities.js';
import type { GROUP_VISIBILITIES } from './schema.js';
import { createThreads } from './threads.js';

const ORDER = sql`coalesce(${workingGroups.number}, 2147483647)`;
const keys: SortKey<GroupRow>[] = [
  { expr: ORDER, cast: 'int', of: (row) => row.number ?? 2147483647 },
  { expr: workingGroups.slug, cast: 'text', of: (row) => row.slug },
];

const ROLE_ORDER: Record<GroupRole, number> = { chair: 0, vice_chair: 1, member: 2 };

export type GroupInputData = {
  name: string;
  description?: string | null;
  language: string;
  slug?: string;
  theme?: string | null;
  number?: number | null;
  pillar?: number | null;
  visibility: (typeof GROUP_VISIBILITIES)[number];
  chairOrganisations?: string[];
  coChairOrganisations?: string[];
  viceChairOrganisations?: string[];
};
export type GroupPatchData = Partial<Omit<GroupInputData, 'slug'>>;

/**
 * Working groups: the list, each group with its members and roles, joining and leaving, and the
 * secretariat's group management. Threads, actions and priorities are composed in from their own
 * files and share the membership checks of `core.ts`.
 */
export function createGroupsService(deps: GroupDeps) {
  const { db, organisations, reference, accounts, notifications } = deps;
  const core = createGroupCore(deps);

  /** Group summaries in one language, with chairs and member counts, for the viewer. */
  async function present(viewer: Viewer, rows: GroupRow[], lang: string) {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [counts, leaders, themeLabels, orgs, mine] = await Promise.all([
      db
        .select({ groupId: workingGroupMembers.groupId, n: sql<number>`count(*)::int` })
        .from(workingGroupMembers)
        .where(inArray(workingGroupMembers.groupId, ids))
        .groupBy(workingGroupMembers.groupId),
      db
        .select()
        .from(workingGroupMembers)
        .where(
          and(
            inArray(workingGroupMembers.groupId, ids),
            inArray(workingGroupMembers.role, ['chair', 'vice_chair']),
          ),
        )
        .orderBy(asc(workingGroupMembers.joinedAt)),
      reference.termLabels('theme', lang),
      organisations.summaries(
        viewer,
        rows.flatMap((row) => [...row.chairIds, ...row.coChairIds, ...row.viceChairIds]),
        lang,
      ),
      viewer.userId
        ? db
            .select({ groupId: workingGroupMembers.groupId, role: workingGroupMembers.role })
            .from(workingGroupMembers)
            .where(
              and(inArray(workingGroupMembers.groupId, ids), eq(workingGroupMembers.userId, viewer.userId)),
            )
        : Promise.resolve([]),
    ]);
    const names = await core.personRefs(leaders.map((row) => row.userId));
    const orgById = new Map(orgs.map((org) => [org.id, org]));
    const orgsOf = (orgIds: string[]) => orgIds.flatMap((id) => orgById.get(id) ?? []);
    const countOf = new Map(counts.map((row) => [row.groupId, row.n]));
    const roleOf = new Map(mine.map((row) => [row.groupId, row.role]));
    return rows.map((row) => {
      const language = pickLanguage(row.texts, lang, row.language);
      const text = row.texts[language]!;
      const people = (role: GroupRole) =>
        leaders
          .filter((leader) => leader.groupId === row.id && leader.role === role)
          .map((leader) => names.get(leader.userId)!);
      return {
        id: row.id,
        slug: row.slug,
        number: row.number,
        pillar: row.pillar,
        name: text.name,
        description: text.description ?? null,
        theme: row.theme ? { id: row.theme, label: themeLabels.get(row.theme) ?? row.theme } : null,
        visibility: row.visibility,
        chairOrganisations: orgsOf(row.chairIds),
        coChairOrganisations: orgsOf(row.coChairIds),
        viceChairOrganisations: orgsOf(row.viceChairIds),
        chairs: people('chair'),
        viceChairs: people('vice_chair'),
        memberCount: countOf.get(row.id) ?? 0,
        myRole: roleOf.get(row.id) ?? null,
        language,
        originalLanguage: row.language,
        availableLanguages: Object.keys(row.texts),
      };
    });
  }

  async function membersOf(viewer: Viewer, groupId: string, lang: string) {
    const rows = await db.select().from(workingGroupMembers).where(eq(workingGroupMembers.groupId, groupId));
    const people = await accounts.people(rows.map((row) => row.userId));
    const orgs = await organisations.summaries(
      viewer,
      [...people.values()].flatMap((person) => (person.organisationId ? [person.organisationId] : [])),
      lang,
    );
    const orgName = new Map(orgs.map((org) => [org.id, org.name]));
    return rows
      .map((row) => {
        const person = people.get(row.userId);
        const orgId = person?.organisationId ?? null;
        return {
          userId: row.userId,
          name: person?.name ?? row.userId,
          organisation: orgId && orgName.has(orgId) ? { id: orgId, name: orgName.get(orgId)! } : null,
          role: row.role,
          joinedAt: row.joinedAt.toISOString(),
        };
      })
      .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name));
  }

  async function get(viewer: Viewer, key: string, lang: string) {
    const row = await core.findGroup(db, viewer, key);
    const [summary] = await present(viewer, [row], lang);
    return { ...summary!, members: await membersOf(viewer, row.id, lang), source: row.source ?? null };
  }

  /** Organisation ids or slugs to ids, and the theme, checked before a group write. */
  async function checkReferences(input: GroupPatchData) {
    const errors: FieldError[] = [];
    const resolved: Partial<Record<'chairIds' | 'coChairIds' | 'viceChairIds', string[]>> = {};
    for (const [field, column] of [
      ['chairOrganisations', 'chairIds'],
      ['coChairOrganisations', 'coChairIds'],
      ['viceChairOrganisations', 'viceChairIds'],
    ] as const) {
      const list = input[field];
      if (!list) continue;
      const { ids, unknown } = await organisations.resolve(list);
      for (const index of unknown)
        errors.push({ field: `body.${field}.${index}`, message: `unknown organisation "${list[index]}"` });
      resolved[column] = [...new Set(ids)];
    }
    if (input.theme) {
      const themeErrors = await reference.checkCodes({ themes: [input.theme] });
      if (themeErrors.length) errors.push({ field: 'body.theme', message: `unknown theme "${input.theme}"` });
    }
    return { errors, resolved };
  }

  async function addMemberRow(
    tx: DbOrTx,
    ctx: WriteContext,
    group: GroupRow,
    userId: string,
    role: GroupRole,
    action: string,
  ) {
    const [row] = await tx
      .insert(workingGroupMembers)
      .values({ groupId: group.id, userId, role })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('conflict', 'That person is already a member of the group');
    await recordAudit(tx, ctx, {
      action,
      entityType: 'working_group',
      entityId: group.id,
      after: { userId, role },
    });
    return row;
  }

  return {
    core,

    /** Every group the viewer may see (signed-in members only). */
    async list(viewer: Viewer, filters: { lang: string; limit: number; cursor?: string }) {
      core.requireViewer(viewer);
      const where = visibleWhere(viewer, groupScope);
      const [rows, [count]] = await Promise.all([
        db
          .select()
          .from(workingGroups)
          .where(and(where, afterCursor(keys, 'asc', filters.cursor)))
          .orderBy(orderBy(keys, 'asc'))
          .limit(filters.limit + 1),
        db.select({ n: sql<number>`count(*)::int` }).from(workingGroups).where(where),
      ]);
      const page = toPage(rows, filters.limit, keys, count?.n ?? 0, (row) => row);
      return { ...page, items: await present(viewer, page.items, filters.lang) };
    },

    get,

    /** Creates a group (secretariat). */
    async create(ctx: WriteContext, input: GroupInputData, lang = 'en') {
      if (!isStaff(ctx.viewer))
        throw new AppError('forbidden', 'Only the secretariat creates working groups');
      const { errors, resolved } = await checkReferences(input);
      if (errors.length) throw new AppError('validation_failed', 'Some references are unknown', errors);
      const id = await db.transaction(async (tx) => {
        let slug = input.slug;
        if (slug) {
          const [taken] = await tx
            .select({ id: workingGroups.id })
            .from(workingGroups)
            .where(eq(workingGroups.slug, slug));
          if (taken)
            throw new AppError('validation_failed', 'The slug is taken', [
              { field: 'body.slug', message: `"${slug}" is already used by another group` },
            ]);
        } else {
          slug = await firstFreeSlug(slugFromTitle(input.name, 'group'), async (candidate) => {
            const [taken] = await tx
              .select({ id: workingGroups.id })
              .from(workingGroups)
              .where(eq(workingGroups.slug, candidate));
            return !!taken;
          });
        }
        const text: WorkingGroupText = {
          name: input.name,
          ...(input.description ? { description: input.description } : {}),
        };
        const [row] = await tx
          .insert(workingGroups)
          .values({
            slug: slug!,
            language: input.language,
            visibility: input.visibility,
            ownerId: ctx.viewer.userId,
            texts: { [input.language]: text },
            theme: input.theme ?? null,
            number: input.number ?? null,
            pillar: input.pillar ?? null,
            chairIds: resolved.chairIds ?? [],
            coChairIds: resolved.coChairIds ?? [],
            viceChairIds: resolved.viceChairIds ?? [],
          })
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group.create',
          entityType: 'working_group',
          entityId: row!.id,
          after: row,
        });
        return row!.id;
      });
      return get(ctx.viewer, id, lang);
    },

    /** Edits a group (secretariat); name and description go to one language version. */
    async update(ctx: WriteContext, key: string, patch: GroupPatchData, lang = 'en') {
      if (!isStaff(ctx.viewer)) throw new AppError('forbidden', 'Only the secretariat edits working groups');
      const { errors, resolved } = await checkReferences(patch);
      if (errors.length) throw new AppError('validation_failed', 'Some references are unknown', errors);
      const id = await db.transaction(async (tx) => {
        const before = await core.findGroup(tx, ctx.viewer, key, true);
        const texts = { ...before.texts };
        if (patch.name !== undefined || patch.description !== undefined) {
          // The version being edited: the one named, else the one the editor reads in.
          const language = patch.language ?? lang;
          const current = texts[language];
          if (!current && patch.name === undefined)
            throw new AppError('validation_failed', 'A new language version needs a name', [
              { field: 'body.name', message: `give the name in "${language}"` },
            ]);
          const next: WorkingGroupText = {
            ...(current ?? { translation: 'editorial' as const }),
            name: patch.name ?? current!.name,
          };
          if (patch.description !== undefined) {
            if (patch.description) next.description = patch.description;
            else delete next.description;
          }
          texts[language] = next;
        }
        const [after] = await tx
          .update(workingGroups)
          .set({
            texts,
            ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
            ...(patch.number !== undefined ? { number: patch.number } : {}),
            ...(patch.pillar !== undefined ? { pillar: patch.pillar } : {}),
            ...(patch.visibility !== undefined ? { visibility: patch.visibility } : {}),
            ...resolved,
            updatedAt: new Date(),
          })
          .where(eq(workingGroups.id, before.id))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group.update',
          entityType: 'working_group',
          entityId: before.id,
          before,
          after,
        });
        return before.id;
      });
      return get(ctx.viewer, id, lang);
    },

    /**
     * Adds a member. Anyone signed in joins an open group (public or members visibility) as a
     * member; a chair adds people as members; staff add anyone with any role. A group with
     * `working_group` visibility is joined only through a chair or staff.
     */
    async addMember(
      ctx: WriteContext,
      key: string,
      input: { userId?: string; email?: string; role: GroupRole },
    ) {
      const viewerId = core.requireViewer(ctx.viewer);
      const { member, pending } = await db.transaction(async (tx) => {
        const group = await core.findGroup(tx, ctx.viewer, key, true);
        let targetId = input.userId ?? viewerId;
        if (input.email) {
          const person = await accounts.personByEmail(input.email, tx);
          if (!person)
            throw new AppError('validation_failed', 'No account has that email', [
              { field: 'body.email', message: 'no account has this email' },
            ]);
          targetId = person.id;
        }
        const self = targetId === viewerId;
        const staff = isStaff(ctx.viewer);
        const myRole = await core.roleOf(tx, group.id, viewerId);
        if (!staff) {
          if (self && myRole) throw new AppError('conflict', 'You are already a member of the group');
          if (self) {
            if (group.visibility === 'working_group')
              throw new AppError(
                'forbidden',
                'This group is by invitation: ask one of its chairs to add you',
              );
          } else if (myRole !== 'chair') {
            throw new AppError('forbidden', 'Only the group’s chairs and the secretariat add other people');
          }
          if (input.role !== 'member')
            throw new AppError(
              'forbidden',
              'Only the secretariat appoints chairs and vice-chairs when adding',
              [
                {
                  field: 'body.role',
                  message: 'only the secretariat may add someone as chair or vice-chair',
                },
              ],
            );
        }
        const person = (await accounts.people([targetId], tx)).get(targetId);
        if (!person || person.disabled)
          throw new AppError('validation_failed', 'No such active account', [
            { field: input.email ? 'body.email' : 'body.userId', message: 'no active account with this id' },
          ]);
        const row = await addMemberRow(
          tx,
          ctx,
          group,
          targetId,
          input.role,
          self ? 'group.join' : 'group.member_add',
        );
        const pending: PendingEmails = self
          ? []
          : await notifications.notify(tx, {
              userIds: [targetId],
              kind: 'group.added',
              title: group.texts[group.language]?.name ?? group.slug,
              link: `/groups/${group.id}`,
            });
        return { member: row, pending };
      });
      await notifications.deliver(pending);
      return {
        groupId: member.groupId,
        userId: member.userId,
        role: member.role,
        joinedAt: member.joinedAt.toISOString(),
      };
    },

    /**
     * Changes a member's role. Staff change any role; a chair changes the role of anyone who is
     * not a chair, and may step down themselves.
     */
    async changeRole(ctx: WriteContext, key: string, userId: string, role: GroupRole) {
      const viewerId = core.requireViewer(ctx.viewer);
      return db.transaction(async (tx) => {
        const group = await core.findGroup(tx, ctx.viewer, key, true);
        const [before] = await tx
          .select()
          .from(workingGroupMembers)
          .where(and(eq(workingGroupMembers.groupId, group.id), eq(workingGroupMembers.userId, userId)))
          .for('update');
        const myRole = await core.roleOf(tx, group.id, viewerId);
        if (!isStaff(ctx.viewer)) {
          if (myRole !== 'chair')
            throw new AppError('forbidden', 'Only the group’s chairs and the secretariat change roles');
          if (before && before.role === 'chair' && userId !== viewerId)
            throw new AppError('forbidden', 'Only the secretariat changes another chair’s role');
        }
        if (!before) throw new AppError('not_found', 'That person is not a member of the group');
        const [after] = await tx
          .update(workingGroupMembers)
          .set({ role })
          .where(and(eq(workingGroupMembers.groupId, group.id), eq(workingGroupMembers.userId, userId)))
          .returning();
        await recordAudit(tx, ctx, {
          action: 'group.member_role',
          entityType: 'working_group',
          entityId: group.id,
          before: { userId, role: before.role },
          after: { userId, role },
        });
        return { groupId: group.id, userId, role: after!.role, joinedAt: after!.joinedAt.toISOString() };
      });
    },

    /** Leaving (anyone, for themselves), or removal by a chair (not of another chair) or staff. */
    async removeMember(ctx: WriteContext, key: string, userId: string) {
      const viewerId = core.requireViewer(ctx.viewer);
      return db.transaction(async (tx) => {
        const group = await core.findGroup(tx, ctx.viewer, key, true);
        const [before] = await tx
          .select()
          .from(workingGroupMembers)
          .where(and(eq(workingGroupMembers.groupId, group.id), eq(workingGroupMembers.userId, userId)))
          .for('update');
        const self = userId === viewerId;
        if (!self && !isStaff(ctx.viewer)) {
          const myRole = await core.roleOf(tx, group.id, viewerId);
          if (myRole !== 'chair')
            throw new AppError('forbidden', 'Only the group’s chairs and the secretariat remove members');
          if (before?.role === 'chair')
            throw new AppError('forbidden', 'Only the secretariat removes a chair');
        }
        if (!before) throw new AppError('not_found', 'That person is not a member of the group');
        await tx
          .delete(workingGroupMembers)
          .where(and(eq(workingGroupMembers.groupId, group.id), eq(workingGroupMembers.userId, userId)));
        await recordAudit(tx, ctx, {
          action: self ? 'group.leave' : 'group.member_remove',
          entityType: 'working_group',
          entityId: group.id,
          before: { userId, role: before.role },
        });
        return { groupId: group.id, userId, role: before.role, removed: true };
      });
    },

    ...createThreads(deps, core),
    ...createActions(deps, core),
    ...createPriorities(deps, core),
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
