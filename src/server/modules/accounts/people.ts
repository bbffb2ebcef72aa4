import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { pickText } from '../../../shared/languages.js';
import { UUID_PATTERN } from '../../../shared/vocabularies.js';
import type { Db } from '../../db/client.js';
import { type GroupRole, users, workingGroupMembers, workingGroups } from '../../db/schema/index.js';
import { type Viewer, visibleWhere } from '../access/policy.js';

/** Who may see a working group: its visibility, with a `working_group` group open to its own members. */
const groupScope = {
  visibility: workingGroups.visibility,
  owner: workingGroups.ownerId,
  organisation: workingGroups.ownerOrganisationId,
  workingGroup: workingGroups.id,
};

export type GroupMembership = { id: string; slug: string; name: string; language: string; role: GroupRole };

/**
 * Read-only views of accounts and working-group membership for the contact directory, so the
 * directory joins people without reaching into the accounts and coordination tables itself.
 */
export function createPeopleReads({ db }: { db: Db }) {
  return {
    /**
     * People who can sign in (disabled accounts left out), as a subquery the directory joins its
     * profiles to: id, name, email, role and organisation.
     */
    activePeople() {
      return db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: users.role,
          organisationId: users.organisationId,
        })
        .from(users)
        .where(isNull(users.disabledAt))
        .as('people');
    },

    /** A subquery of the user ids in one working group, for `user_id IN (…)` filters. */
    memberIdsOf(groupId: string) {
      return db
        .select({ userId: workingGroupMembers.userId })
        .from(workingGroupMembers)
        .where(eq(workingGroupMembers.groupId, groupId));
    },

    /** The id of a working group the viewer may see, by id or slug; null when there is none. */
    async findGroup(viewer: Viewer, idOrSlug: string): Promise<string | null> {
      const [row] = await db
        .select({ id: workingGroups.id })
        .from(workingGroups)
        .where(
          and(
            visibleWhere(viewer, groupScope),
            UUID_PATTERN.test(idOrSlug)
              ? or(eq(workingGroups.id, idOrSlug), eq(workingGroups.slug, idOrSlug))
              : eq(workingGroups.slug, idOrSlug),
          ),
        );
      return row?.id ?? null;
    },

    /** The working groups the viewer may see, named in one language, in their numbered order. */
    async groups(viewer: Viewer, lang: string) {
      const rows = await db
        .select()
        .from(workingGroups)
        .where(visibleWhere(viewer, groupScope))
        .orderBy(asc(workingGroups.number), asc(workingGroups.slug));
      return rows.map((row) => {
        const name = pickText(
          Object.fromEntries(Object.entries(row.texts).map(([language, text]) => [language, text.name])),
          lang,
          row.language,
        );
        return { id: row.id, slug: row.slug, name: name.text, language: name.language };
      });
    },

    /** The visible working groups each person belongs to, with their role in it. */
    async groupsOf(viewer: Viewer, userIds: string[], lang: string): Promise<Map<string, GroupMembership[]>> {
      const out = new Map<string, GroupMembership[]>();
      if (userIds.length === 0) return out;
      const rows = await db
        .select({
          userId: workingGroupMembers.userId,
          role: workingGroupMembers.role,
          id: workingGroups.id,
          slug: workingGroups.slug,
          texts: workingGroups.texts,
          language: workingGroups.language,
        })
        .from(workingGroupMembers)
        .innerJoin(workingGroups, eq(workingGroups.id, workingGroupMembers.groupId))
        .where(
          and(inArray(workingGroupMembers.userId, [...new Set(userIds)]), visibleWhere(viewer, groupScope)),
        )
        .orderBy(asc(workingGroups.number), asc(workingGroups.slug));
      for (const row of rows) {
        const name = pickText(
          Object.fromEntries(Object.entries(row.texts).map(([language, text]) => [language, text.name])),
          lang,
          row.language,
        );
        const list = out.get(row.userId) ?? [];
        list.push({ id: row.id, slug: row.slug, name: name.text, language: name.language, role: row.role });
        out.set(row.userId, list);
      }
      return out;
    },

    /** One account's name, email, role and organisation, whether or not it is disabled. */
    async person(userId: string) {
      const [row] = await db
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: users.role,
          organisationId: users.organisationId,
          disabledAt: users.disabledAt,
        })
        .from(users)
        .where(eq(users.id, userId));
      return row ?? null;
    },
  };
}

export type PeopleReads = ReturnType<typeof createPeopleReads>;
