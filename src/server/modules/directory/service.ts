import { and, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { containsPattern, escapeLike } from '../../db/like.js';
import { type ContactField, profiles } from '../../db/schema/index.js';
import { AppError, type FieldError, fieldErrorsFromZod } from '../../errors.js';
import { afterCursor, collectPages, orderBy, type SortKey, toPage } from '../../http/pagination.js';
import { toVCards, type VCardContact } from '../../interchange/vcard.js';
import { isSignedIn, isStaff, type Viewer } from '../access/policy.js';
import type { PeopleReads } from '../accounts/people.js';
import { recordAudit, type WriteContext } from '../audit/service.js';
import type { OrganisationsService } from '../organisations/service.js';
import type { ReferenceService } from '../reference/service.js';
import { type DirectoryFilters, ProfileInput, type ProfileInputValue } from './schema.js';

type ProfileRow = typeof profiles.$inferSelect;
type Person = { id: string; name: string; email: string; role: string; organisationId: string | null };
type Row = Person & { profile: ProfileRow | null };

const DEFAULT_SHARED: ContactField[] = ['email'];
const MAX_EXPORT = 10_000;

/** Whether the viewer sees a contact field: the person chose to share it, or it is them, or staff. */
function canSee(viewer: Viewer, row: Row, field: ContactField): boolean {
  return (
    row.id === viewer.userId ||
    isStaff(viewer) ||
    (row.profile?.sharedFields ?? DEFAULT_SHARED).includes(field)
  );
}

/** Only what the person chose to share, whoever asks: the rule for vCards, which travel on. */
function sharedOnly(row: Row, field: ContactField): boolean {
  return (row.profile?.sharedFields ?? DEFAULT_SHARED).includes(field);
}

function requireMember(viewer: Viewer): void {
  if (!isSignedIn(viewer)) throw new AppError('unauthorized', 'The directory is for signed-in members');
}

/** The stored profile as its owner edits it, with the defaults of a person who has none yet. */
function editable(person: Person, row: ProfileRow | null) {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    organisationId: person.organisationId,
    jobTitle: row?.jobTitle ?? null,
    country: row?.countryIso3 ?? null,
    languages: row?.languages ?? [],
    themes: row?.themes ?? [],
    expertise: row?.expertise ?? null,
    bio: row?.bio ?? null,
    phone: row?.phone ?? null,
    website: row?.website ?? null,
    timeZone: row?.timeZone ?? null,
    sharedFields: row?.sharedFields ?? DEFAULT_SHARED,
    listed: row?.listed ?? true,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

type Deps = {
  db: Db;
  reference: ReferenceService;
  organisations: OrganisationsService;
  people: PeopleReads;
};

/**
 * The members-only contact directory of focal points: who works on what, from where, in which
 * languages and working groups, and how to reach them (only the contact fields each person shares).
 */
export function createDirectoryService({ db, reference, organisations, people }: Deps) {
  const person = people.activePeople();
  const sortName = sql<string>`lower(${person.name})`;
  const keys: SortKey<Row>[] = [
    { expr: sortName, cast: 'text', of: (row) => row.name.toLowerCase() },
    { expr: person.id, cast: 'text', of: (row) => row.id },
  ];
  const listed = sql`coalesce(${profiles.listed}, true)`;

  function select() {
    return db
      .select({
        id: person.id,
        name: person.name,
        email: person.email,
        role: person.role,
        organisationId: person.organisationId,
        profile: profiles,
      })
      .from(person)
      .leftJoin(profiles, eq(profiles.userId, person.id));
  }

  /** Resolves the filters, answering 400 naming every unknown value at once. */
  async function conditions(viewer: Viewer, filters: DirectoryFilters): Promise<SQL | undefined> {
    const errors: FieldError[] = [];
    const [codeErrors, organisation, groupId] = await Promise.all([
      reference.checkCodes(
        {
          countries: filters.country ? [filters.country] : [],
          themes: filters.theme ? [filters.theme] : [],
        },
        'query',
      ),
      filters.organisation ? organisations.resolve([filters.organisation]) : null,
      filters.group ? people.findGroup(viewer, filters.group) : null,
    ]);
    for (const error of codeErrors)
      errors.push({
        field: error.field.startsWith('query.countries') ? 'query.country' : 'query.theme',
        message: error.message,
      });
    if (filters.organisation && !organisation?.ids.length)
      errors.push({ field: 'query.organisation', message: `unknown organisation "${filters.organisation}"` });
    if (filters.group && !groupId)
      errors.push({ field: 'query.group', message: `unknown working group "${filters.group}"` });
    if (errors.length) throw new AppError('bad_request', 'Some filters name nothing that exists', errors);

    const language = filters.language;
    return and(
      filters.country ? eq(profiles.countryIso3, filters.country) : undefined,
      organisation?.ids[0] ? eq(person.organisationId, organisation.ids[0]) : undefined,
      filters.theme ? sql`${filters.theme} = ANY(${profiles.themes})` : undefined,
      groupId ? inArray(person.id, people.memberIdsOf(groupId)) : undefined,
      language
        ? sql`EXISTS (SELECT 1 FROM unnest(${profiles.languages}) AS spoken(tag)
            WHERE spoken.tag = ${language} OR spoken.tag LIKE ${`${escapeLike(language)}-%`})`
        : undefined,
      filters.q
        ? or(
            ilike(person.name, containsPattern(filters.q)),
            ilike(profiles.jobTitle, containsPattern(filters.q)),
            ilike(profiles.expertise, containsPattern(filters.q)),
          )
        : undefined,
    );
  }

  /** Labels and groups for a page of people; contact fields only where `reveal` allows. */
  async function present(
    viewer: Viewer,
    rows: Row[],
    lang: string,
    reveal: (row: Row, field: ContactField) => boolean,
  ) {
    const [countryNames, themeLabels, orgs, groups] = await Promise.all([
      reference.countryNames(
        rows.flatMap((row) => (row.profile?.countryIso3 ? [row.profile.countryIso3] : [])),
        lang,
      ),
      reference.termLabels('theme', lang),
      organisations.summaries(
        viewer,
        rows.flatMap((row) => (row.organisationId ? [row.organisationId] : [])),
        lang,
      ),
      people.groupsOf(
        viewer,
        rows.map((row) => row.id),
        lang,
      ),
    ]);
    const orgById = new Map(orgs.map((org) => [org.id, org]));
    return rows.map((row) => {
      const profile = row.profile;
      const org = row.organisationId ? orgById.get(row.organisationId) : undefined;
      const country = profile?.countryIso3 ?? null;
      const contact: { email?: string; phone?: string; website?: string } = {};
      if (reveal(row, 'email')) contact.email = row.email;
      if (profile?.phone && reveal(row, 'phone')) contact.phone = profile.phone;
      if (profile?.website && reveal(row, 'website')) contact.website = profile.website;
      return {
        id: row.id,
        name: row.name,
        role: row.role,
        jobTitle: profile?.jobTitle ?? null,
        organisation: org
          ? { id: org.id, slug: org.slug, name: org.name, acronym: org.acronym, language: org.language }
          : null,
        country: country ? { iso3: country, name: countryNames.get(country) ?? country } : null,
        languages: profile?.languages ?? [],
        themes: (profile?.themes ?? []).map((id) => ({ id, label: themeLabels.get(id) ?? id })),
        groups: groups.get(row.id) ?? [],
        ...contact,
      };
    });
  }
  type Entry = Awaited<ReturnType<typeof present>>[number];

  async function page(viewer: Viewer, filters: DirectoryFilters) {
    const where = and(listed, await conditions(viewer, filters));
    const [rows, [count]] = await Promise.all([
      select()
        .where(and(where, afterCursor(keys, 'asc', filters.cursor)))
        .orderBy(orderBy(keys, 'asc'))
        .limit(filters.limit + 1),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(person)
        .leftJoin(profiles, eq(profiles.userId, person.id))
        .where(where),
    ]);
    return toPage(rows as Row[], filters.limit, keys, count?.n ?? 0, (row) => row);
  }

  /** One person the viewer may look up: 404 when disabled, missing or unlisted (but to themselves and staff). */
  async function one(viewer: Viewer, userId: string): Promise<Row> {
    requireMember(viewer);
    const [row] = (await select().where(eq(person.id, userId))) as Row[];
    if (!row || (row.profile?.listed === false && row.id !== viewer.userId && !isStaff(viewer)))
      throw AppError.notFound('Person', userId);
    return row;
  }

  function toContact(entry: Entry, row: Row): VCardContact {
    return {
      uid: entry.id,
      fullName: entry.name,
      organisation: entry.organisation?.name,
      title: entry.jobTitle ?? undefined,
      emails: entry.email ? [entry.email] : [],
      phones: entry.phone ? [entry.phone] : [],
      languages: entry.languages,
      country: entry.country?.name,
      url: entry.website,
      note: row.profile?.expertise ?? undefined,
      categories: entry.themes.map((theme) => theme.label),
      revision: row.profile?.updatedAt,
    };
  }

  /**
   * Checks a whole profile: the shape of every field, then the country and theme codes against
   * the reference data, and throws one 422 naming every bad field.
   */
  async function validateProfile(raw: unknown): Promise<ProfileInputValue> {
    const parsed = ProfileInput.safeParse(raw);
    const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const strings = (value: unknown) =>
      Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : '')) : [];
    const country = parsed.success ? parsed.data.country : input.country;
    const codeErrors = await reference.checkCodes(
      {
        countries:
          typeof country === 'string' && /^[A-Za-z]{3}$/.test(country) ? [country.toUpperCase()] : [],
        themes: parsed.success ? parsed.data.themes : strings(input.themes),
      },
      'body',
    );
    const errors = [
      ...(parsed.success ? [] : fieldErrorsFromZod(parsed.error.issues, 'body')),
      ...codeErrors.map((error) =>
        error.field.startsWith('body.countries') ? { ...error, field: 'body.country' } : error,
      ),
    ];
    if (errors.length || !parsed.success)
      throw new AppError('validation_failed', 'Some profile fields are not valid', errors);
    return parsed.data;
  }

  return {
    validateProfile,

    /** Listed, active people matching the filters, by name. */
    async list(viewer: Viewer, filters: DirectoryFilters) {
      requireMember(viewer);
      const result = await page(viewer, filters);
      return {
        ...result,
        items: await present(viewer, result.items, filters.lang, (row, field) => canSee(viewer, row, field)),
      };
    },

    /** One person's profile; their sharing choices and listing only for themselves and staff. */
    async get(viewer: Viewer, userId: string, lang: string) {
      const row = await one(viewer, userId);
      const [entry] = await present(viewer, [row], lang, (r, field) => canSee(viewer, r, field));
      const privileged = row.id === viewer.userId || isStaff(viewer);
      return {
        ...entry!,
        expertise: row.profile?.expertise ?? null,
        bio: row.profile?.bio ?? null,
        timeZone: row.profile?.timeZone ?? null,
        updatedAt: row.profile?.updatedAt.toISOString() ?? null,
        ...(privileged
          ? { sharedFields: row.profile?.sharedFields ?? DEFAULT_SHARED, listed: row.profile?.listed ?? true }
          : {}),
      };
    },

    /** One person as a vCard, with only the contact fields they share. */
    async vcard(viewer: Viewer, userId: string, lang: string): Promise<string> {
      const row = await one(viewer, userId);
      const [entry] = await present(viewer, [row], lang, sharedOnly);
      return toVCards([toContact(entry!, row)]);
    },

    /** The filtered list (up to 10,000 people) as vCards, with only the contact fields each shares. */
    async vcards(viewer: Viewer, filters: DirectoryFilters): Promise<string> {
      requireMember(viewer);
      const rows = await collectPages(
        (cursor) => page(viewer, { ...filters, limit: 100, cursor }),
        MAX_EXPORT,
      );
      const entries = await present(viewer, rows, filters.lang, sharedOnly);
      return toVCards(entries.map((entry, index) => toContact(entry, rows[index]!)));
    },

    /** The choices the directory filters offer: values present among listed people, plus every theme and group. */
    async filterOptions(viewer: Viewer, lang: string) {
      requireMember(viewer);
      const [countryRows, orgRows, languageRows, themes, groups] = await Promise.all([
        db
          .selectDistinct({ iso3: profiles.countryIso3 })
          .from(person)
          .innerJoin(profiles, eq(profiles.userId, person.id))
          .where(and(eq(profiles.listed, true), sql`${profiles.countryIso3} IS NOT NULL`)),
        db
          .selectDistinct({ id: person.organisationId })
          .from(person)
          .leftJoin(profiles, eq(profiles.userId, person.id))
          .where(and(listed, sql`${person.organisationId} IS NOT NULL`)),
        db
          .selectDistinct({ tag: sql<string>`unnest(${profiles.languages})` })
          .from(person)
          .innerJoin(profiles, eq(profiles.userId, person.id))
          .where(eq(profiles.listed, true)),
        reference.listTerms('theme', lang),
        people.groups(viewer, lang),
      ]);
      const names = await reference.countryNames(
        countryRows.flatMap((row) => (row.iso3 ? [row.iso3] : [])),
        lang,
      );
      const orgs = await organisations.summaries(
        viewer,
        orgRows.flatMap((row) => (row.id ? [row.id] : [])),
        lang,
      );
      const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, lang);
      return {
        countries: [...names].map(([value, label]) => ({ value, label })).sort(byLabel),
        organisations: orgs
          .map((org) => ({ value: org.slug, label: org.acronym ? `${org.name} (${org.acronym})` : org.name }))
          .sort(byLabel),
        languages: [...new Set(languageRows.map((row) => row.tag.split('-')[0]!))].sort(),
        themes: themes.map((theme) => ({
          value: theme.id,
          label: theme.parent ? `— ${theme.label}` : theme.label,
        })),
        groups: groups.map((group) => ({ value: group.slug, label: group.name })),
      };
    },

    /** The signed-in person's own profile, as they edit it. */
    async ownProfile(viewer: Viewer) {
      requireMember(viewer);
      const who = await people.person(viewer.userId!);
      if (!who || who.disabledAt) throw new AppError('unauthorized', 'Sign in again');
      const [row] = await db.select().from(profiles).where(eq(profiles.userId, who.id));
      return editable(who, row ?? null);
    },

    /** Replaces the signed-in person's profile after checking every field; audited with before and after. */
    async updateOwnProfile(ctx: WriteContext, raw: unknown) {
      requireMember(ctx.viewer);
      const input = await validateProfile(raw);
      const who = await people.person(ctx.viewer.userId!);
      if (!who || who.disabledAt) throw new AppError('unauthorized', 'Sign in again');
      const values = {
        jobTitle: input.jobTitle,
        countryIso3: input.country,
        languages: input.languages,
        themes: input.themes,
        expertise: input.expertise,
        bio: input.bio,
        phone: input.phone,
        website: input.website,
        timeZone: input.timeZone,
        sharedFields: input.sharedFields,
        listed: input.listed,
        updatedAt: new Date(),
      };
      return await db.transaction(async (tx) => {
        const [before] = await tx.select().from(profiles).where(eq(profiles.userId, who.id));
        const [after] = await tx
          .insert(profiles)
          .values({ userId: who.id, ...values })
          .onConflictDoUpdate({ target: profiles.userId, set: values })
          .returning();
        const result = editable(who, after!);
        await recordAudit(tx, ctx, {
          action: 'profile.update',
          entityType: 'profile',
          entityId: who.id,
          before: before ? editable(who, before) : null,
          after: result,
        });
        return result;
      });
    },
  };
}

export type DirectoryService = ReturnType<typeof createDirectoryService>;
