import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { auditLog, profiles, workingGroupMembers, workingGroups } from '../../db/schema/index.js';
import { SYSTEM } from '../access/policy.js';

let t: TestApp;
let staff: TestAccount;
let viewer: TestAccount;
let alice: TestAccount;
let bob: TestAccount;
let carol: TestAccount;
let dave: TestAccount;
let erin: TestAccount;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let groupOne: { id: string; slug: string };
let groupTwo: { id: string; slug: string };
let themeOne: string;
let themeTwo: string;

type Entry = {
  id: string;
  name: string;
  email?: string;
  phone?: string;
  website?: string;
  country: { iso3: string; name: string } | null;
  languages: string[];
  groups: Array<{ id: string; slug: string }>;
};

const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

async function ids(as: TestAccount | null, query: string): Promise<string[]> {
  const { status, body } = await t.jsonAs(as, `/api/v1/directory?limit=100${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.items.map((item: Entry) => item.id);
}

async function putProfile(as: TestAccount, profile: Record<string, unknown>) {
  const result = await t.send('PUT', '/api/v1/me/profile', profile, as);
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body;
}

beforeAll(async () => {
  t = await createTestApp();
  const orgs = await t.services.organisations.list(SYSTEM, { lang: 'en', limit: 5 });
  [orgA, orgB] = [orgs.items[1]!, orgs.items[2]!];
  const other = orgs.items[3]!.id;
  const themes = await t.services.reference.listTerms('theme', 'en');
  [themeOne, themeTwo] = [themes[0]!.id, themes[1]!.id];
  const groups = await t.database.db
    .select({ id: workingGroups.id, slug: workingGroups.slug })
    .from(workingGroups)
    .orderBy(asc(workingGroups.number))
    .limit(2);
  [groupOne, groupTwo] = [groups[0]!, groups[1]!];

  staff = await createAccount(t, 'secretariat');
  viewer = await createAccount(t, 'member', { organisationId: other, name: 'Viewer Vera' });
  alice = await createAccount(t, 'member', { organisationId: orgA.id, name: 'Alice Ndiaye' });
  bob = await createAccount(t, 'member', { organisationId: orgB.id, name: 'Bob Nguyen' });
  carol = await createAccount(t, 'org_admin', { organisationId: orgA.id, name: 'Carol Haddad' });
  dave = await createAccount(t, 'member', { organisationId: other, name: 'Dave Hidden' });
  erin = await createAccount(t, 'member', { organisationId: other, name: 'Erin Disabled' });

  await putProfile(alice, {
    jobTitle: 'Cybersecurity adviser',
    country: 'sen',
    languages: ['fr', 'wo'],
    themes: [themeOne],
    expertise: 'Cyber incident response and CERT set-up',
    phone: '+221 33 123 45 67',
    website: 'https://alice.example.org',
    timeZone: 'Africa/Dakar',
    sharedFields: ['email'],
  });
  await putProfile(bob, {
    jobTitle: 'Programme officer',
    country: 'VNM',
    languages: ['vi', 'en'],
    themes: [themeTwo],
    phone: '+84 24 3822 4383',
    sharedFields: ['email', 'phone'],
  });
  await putProfile(carol, {
    country: 'SEN',
    languages: ['ar', 'fr-CA'],
    themes: [themeTwo],
    sharedFields: [],
  });
  await putProfile(dave, { country: 'SEN', languages: ['fr'], listed: false });
  await putProfile(erin, { country: 'SEN', languages: ['fr'] });
  const disabled = await t.send('PATCH', `/api/v1/users/${erin.userId}`, { disabled: true }, staff);
  expect(disabled.status).toBe(200);

  await t.database.db.insert(workingGroupMembers).values([
    { groupId: groupOne.id, userId: bob.userId, role: 'chair' },
    { groupId: groupTwo.id, userId: carol.userId },
    { groupId: groupTwo.id, userId: alice.userId },
  ]);
});

afterAll(async () => {
  await t.close();
});

describe(`contact directory (${engineName})`, () => {
  it('answers 401 to visitors on every endpoint', async () => {
    for (const path of [
      '/api/v1/directory',
      '/api/v1/directory?country=nonsense',
      `/api/v1/directory/${alice.userId}`,
      '/api/v1/directory/export.vcf',
      `/api/v1/directory/${alice.userId}.vcf`,
      '/api/v1/me/profile',
    ]) {
      const { status } = await t.jsonAs(null, path);
      expect(status, path).toBe(401);
    }
    const put = await t.send('PUT', '/api/v1/me/profile', { languages: ['zz-bad'] }, null);
    expect(put.status).toBe(401);
  });

  it('lists active, listed people by name, leaving out unlisted and disabled accounts', async () => {
    const { body } = await t.jsonAs(viewer, '/api/v1/directory?limit=100');
    const listed: string[] = body.items.map((item: Entry) => item.id);
    for (const person of [viewer, alice, bob, carol, staff]) expect(listed).toContain(person.userId);
    expect(listed).not.toContain(dave.userId);
    expect(listed).not.toContain(erin.userId);
    expect(body.total).toBe(listed.length);
    const names = body.items.map((item: Entry) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const aliceEntry = body.items.find((item: Entry) => item.id === alice.userId);
    expect(aliceEntry).toMatchObject({
      name: 'Alice Ndiaye',
      jobTitle: 'Cybersecurity adviser',
      country: { iso3: 'SEN', name: 'Senegal' },
      languages: ['fr', 'wo'],
      organisation: { id: orgA.id },
    });
    expect(aliceEntry.groups.map((g: { id: string }) => g.id)).toEqual([groupTwo.id]);
  });

  it('pages with a cursor without losing or repeating anyone', async () => {
    const all = await ids(viewer, '');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { body } = await t.jsonAs(viewer, `/api/v1/directory?limit=2${query}`);
      seen.push(...body.items.map((item: Entry) => item.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('filters by country, organisation, theme, working group, language and text', async () => {
    const sorted = (list: string[]) => [...list].sort();
    expect(sorted(await ids(viewer, '&country=SEN'))).toEqual(sorted([alice.userId, carol.userId]));
    expect(sorted(await ids(viewer, '&country=vnm'))).toEqual([bob.userId]);
    expect(sorted(await ids(viewer, `&organisation=${orgA.slug}`))).toEqual(
      sorted([alice.userId, carol.userId]),
    );
    expect(await ids(viewer, `&organisation=${orgB.id}`)).toEqual([bob.userId]);
    expect(await ids(viewer, `&theme=${themeOne}`)).toEqual([alice.userId]);
    expect(sorted(await ids(viewer, `&theme=${themeTwo}`))).toEqual(sorted([bob.userId, carol.userId]));
    expect(await ids(viewer, `&group=${groupOne.slug}`)).toEqual([bob.userId]);
    expect(sorted(await ids(viewer, `&group=${groupTwo.id}`))).toEqual(sorted([alice.userId, carol.userId]));
    // `fr` also matches the regional variant fr-CA; the unlisted and disabled French speakers stay out.
    expect(sorted(await ids(viewer, '&language=fr'))).toEqual(sorted([alice.userId, carol.userId]));
    expect(await ids(viewer, '&language=VI')).toEqual([bob.userId]);
    expect(await ids(viewer, '&language=fr-CA')).toEqual([carol.userId]);
    expect(await ids(viewer, '&q=cert')).toEqual([alice.userId]);
    expect(await ids(viewer, `&country=SEN&theme=${themeTwo}&language=ar`)).toEqual([carol.userId]);
    expect(await ids(viewer, `&country=VNM&group=${groupTwo.slug}`)).toEqual([]);
  });

  it('answers 400 naming each filter whose value names nothing', async () => {
    const many = await t.jsonAs(
      viewer,
      '/api/v1/directory?country=XYZ&theme=no-such-theme&organisation=no-such-org&group=no-such-group',
    );
    expect(many.status).toBe(400);
    expect(fieldsOf(many.body).sort()).toEqual(
      ['query.country', 'query.group', 'query.organisation', 'query.theme'].sort(),
    );
    for (const [query, field] of [
      ['language=zz', 'query.language'],
      ['language=not a tag', 'query.language'],
      ['country=12', 'query.country'],
      ['limit=0', 'query.limit'],
      ['cursor=bogus', 'query.cursor'],
    ] as const) {
      const { status, body } = await t.jsonAs(viewer, `/api/v1/directory?${query}`);
      expect(status, query).toBe(400);
      expect(fieldsOf(body), query).toContain(field);
    }
    const vcf = await t.jsonAs(viewer, '/api/v1/directory/export.vcf?country=XYZ');
    expect(vcf.status).toBe(400);
    expect(fieldsOf(vcf.body)).toEqual(['query.country']);
  });

  it('shows contact fields only where shared, except to the person themselves and staff', async () => {
    const list = await t.jsonAs(viewer, `/api/v1/directory?limit=100&country=SEN`);
    const byId = new Map<string, Entry>(list.body.items.map((item: Entry) => [item.id, item]));
    expect(byId.get(alice.userId)!.email).toBe(alice.email);
    expect(byId.get(alice.userId)).not.toHaveProperty('phone');
    expect(byId.get(alice.userId)).not.toHaveProperty('website');
    expect(byId.get(carol.userId)).not.toHaveProperty('email');
    expect(JSON.stringify(list.body)).not.toContain('+221 33 123 45 67');
    expect(JSON.stringify(list.body)).not.toContain(carol.email);

    const seen = await t.jsonAs(viewer, `/api/v1/directory/${alice.userId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).not.toHaveProperty('phone');
    expect(seen.body).not.toHaveProperty('sharedFields');
    expect(seen.body).toMatchObject({
      expertise: 'Cyber incident response and CERT set-up',
      timeZone: 'Africa/Dakar',
    });

    const bobSeen = await t.jsonAs(viewer, `/api/v1/directory/${bob.userId}`);
    expect(bobSeen.body.phone).toBe('+84 24 3822 4383');

    const self = await t.jsonAs(alice, `/api/v1/directory/${alice.userId}`);
    expect(self.body).toMatchObject({
      phone: '+221 33 123 45 67',
      website: 'https://alice.example.org',
      sharedFields: ['email'],
      listed: true,
    });
    const byStaff = await t.jsonAs(staff, `/api/v1/directory/${alice.userId}`);
    expect(byStaff.body.phone).toBe('+221 33 123 45 67');
    const staffList = await t.jsonAs(staff, '/api/v1/directory?limit=100&country=SEN');
    expect(staffList.body.items.find((item: Entry) => item.id === carol.userId).email).toBe(carol.email);
  });

  it('hides unlisted and disabled people from other members, but not unlisted ones from themselves and staff', async () => {
    expect((await t.jsonAs(viewer, `/api/v1/directory/${dave.userId}`)).status).toBe(404);
    expect((await t.jsonAs(viewer, `/api/v1/directory/${dave.userId}.vcf`)).status).toBe(404);
    expect((await t.jsonAs(viewer, `/api/v1/directory/${erin.userId}`)).status).toBe(404);
    expect((await t.jsonAs(viewer, '/api/v1/directory/no-such-person')).status).toBe(404);
    const self = await t.jsonAs(dave, `/api/v1/directory/${dave.userId}`);
    expect(self.status).toBe(200);
    expect(self.body.listed).toBe(false);
    expect((await t.jsonAs(staff, `/api/v1/directory/${dave.userId}`)).status).toBe(200);
    expect(await ids(staff, '&language=fr')).not.toContain(dave.userId);
  });

  it('downloads one person as a vCard with only the fields they share', async () => {
    for (const as of [viewer, staff, alice]) {
      const response = await t.request(`/api/v1/directory/${alice.userId}.vcf?lang=fr`, {
        headers: { cookie: as.cookie },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/vcard/);
      expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.vcf"/);
      const card = await response.text();
      expect(card.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(1);
      expect(card).toContain('VERSION:4.0\r\n');
      expect(card).toContain('FN:Alice Ndiaye\r\n');
      expect(card).toContain(`EMAIL;TYPE=work:${alice.email}\r\n`);
      expect(card).not.toMatch(/^TEL/m);
      expect(card).not.toMatch(/^URL/m);
      expect(card).toContain('TITLE:Cybersecurity adviser\r\n');
      expect(card).toContain('ADR;TYPE=work:;;;;;;Sénégal\r\n');
      expect(card).toContain('LANG;PREF=1:fr\r\n');
    }
    const bobCard = await (
      await t.request(`/api/v1/directory/${bob.userId}.vcf`, { headers: { cookie: viewer.cookie } })
    ).text();
    expect(bobCard).toContain('TEL;VALUE=uri;TYPE=work:tel:+84-24-3822-4383\r\n');
  });

  it('downloads a filtered list as vCards', async () => {
    const response = await t.request(`/api/v1/directory/export.vcf?country=SEN&lang=en`, {
      headers: { cookie: viewer.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/vcard/);
    expect(response.headers.get('content-disposition')).toContain('attachment');
    const text = await response.text();
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(2);
    expect(text.match(/^END:VCARD\r$/gm)).toHaveLength(2);
    const cards = text.split('BEGIN:VCARD').slice(1);
    const alicesCard = cards.find((card) => card.includes('FN:Alice Ndiaye'))!;
    const carolsCard = cards.find((card) => card.includes('FN:Carol Haddad'))!;
    expect(alicesCard).toContain(`EMAIL;TYPE=work:${alice.email}`);
    expect(alicesCard).not.toMatch(/^TEL/m);
    expect(carolsCard).not.toMatch(/^EMAIL/m);
    expect(carolsCard).toContain('ADR;TYPE=work:;;;;;;Senegal');
    expect(text).not.toContain('Dave Hidden');
    expect(text).not.toContain('Erin Disabled');

    const all = await t.request('/api/v1/directory/export.vcf', { headers: { cookie: viewer.cookie } });
    const count = (await all.text()).match(/^BEGIN:VCARD\r$/gm)?.length;
    expect(count).toBe((await ids(viewer, '')).length);
  });

  it('rejects a profile with a bad theme, language and time zone, naming each, and writes nothing', async () => {
    const before = await t.jsonAs(bob, '/api/v1/me/profile');
    const audits = async () =>
      (
        await t.database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'profile.update'), eq(auditLog.entityId, bob.userId)))
      ).length;
    const auditsBefore = await audits();
    const bad = await t.send(
      'PUT',
      '/api/v1/me/profile',
      {
        country: 'VNM',
        languages: ['vi', 'zz-nonsense'],
        themes: [themeTwo, 'no-such-theme'],
        timeZone: 'Mars/Olympus_Mons',
        sharedFields: ['email'],
      },
      bob,
    );
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(fieldsOf(bad.body).sort()).toEqual(['body.languages.1', 'body.themes.1', 'body.timeZone']);

    const codesOnly = await t.send('PUT', '/api/v1/me/profile', { country: 'XYZ', themes: ['nope'] }, bob);
    expect(codesOnly.status).toBe(422);
    expect(fieldsOf(codesOnly.body).sort()).toEqual(['body.country', 'body.themes.0']);

    const shapes = await t.send(
      'PUT',
      '/api/v1/me/profile',
      {
        phone: 'call me maybe',
        website: 'javascript:alert(1)',
        expertise: 'x'.repeat(2001),
        sharedFields: ['email', 'address'],
        listed: 'yes',
        role: 'admin',
      },
      bob,
    );
    expect(shapes.status).toBe(422);
    const fields = fieldsOf(shapes.body);
    for (const field of [
      'body.phone',
      'body.website',
      'body.expertise',
      'body.sharedFields.1',
      'body.listed',
    ])
      expect(fields).toContain(field);
    expect(fields.some((field) => field === 'body' || field === 'body.role')).toBe(true);

    const notJson = await t.send('PUT', '/api/v1/me/profile', '{"jobTitle":', bob);
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);

    expect((await t.jsonAs(bob, '/api/v1/me/profile')).body).toEqual(before.body);
    expect(await audits()).toBe(auditsBefore);
  });

  it('stores markup in expertise as plain text and returns it verbatim', async () => {
    const markup = '<script>alert("x")</script> <b>bold</b> & <img src=x onerror=alert(1)>';
    const saved = await putProfile(carol, {
      country: 'SEN',
      languages: ['ar', 'fr-CA'],
      themes: [themeTwo],
      expertise: markup,
      sharedFields: [],
    });
    expect(saved.expertise).toBe(markup);
    const seen = await t.jsonAs(viewer, `/api/v1/directory/${carol.userId}`);
    expect(seen.body.expertise).toBe(markup);
    const [row] = await t.database.db.select().from(profiles).where(eq(profiles.userId, carol.userId));
    expect(row!.expertise).toBe(markup);
  });

  it('edits one’s own profile, canonicalising codes, and audits the change with before and after', async () => {
    const own = await t.jsonAs(alice, '/api/v1/me/profile');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ id: alice.userId, email: alice.email, country: 'SEN', listed: true });

    const saved = await putProfile(alice, {
      ...own.body,
      id: undefined,
      name: undefined,
      email: undefined,
      organisationId: undefined,
      updatedAt: undefined,
      jobTitle: '  Senior cybersecurity adviser  ',
      languages: ['FR', 'fr', 'wo'],
      timeZone: 'africa/dakar',
      sharedFields: ['email', 'phone', 'phone'],
      website: '',
    });
    expect(saved).toMatchObject({
      jobTitle: 'Senior cybersecurity adviser',
      languages: ['fr', 'wo'],
      timeZone: 'Africa/Dakar',
      sharedFields: ['email', 'phone'],
      website: null,
    });
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'profile.update'), eq(auditLog.entityId, alice.userId)))
      .orderBy(asc(auditLog.id));
    expect(entries).toHaveLength(2);
    const [first, last] = [entries[0]!, entries.at(-1)!];
    expect(first.before).toBeNull();
    expect(last.actor).toBe(alice.userId);
    expect(last.entityType).toBe('profile');
    expect(last.before).toMatchObject({
      jobTitle: 'Cybersecurity adviser',
      website: 'https://alice.example.org',
    });
    expect(last.after).toMatchObject({ jobTitle: 'Senior cybersecurity adviser', website: null });

    // Now shared, the phone shows to other members and goes into the vCard.
    const seen = await t.jsonAs(viewer, `/api/v1/directory/${alice.userId}`);
    expect(seen.body.phone).toBe('+221 33 123 45 67');
    const card = await (
      await t.request(`/api/v1/directory/${alice.userId}.vcf`, { headers: { cookie: viewer.cookie } })
    ).text();
    expect(card).toContain('TEL;VALUE=uri;TYPE=work:tel:+221-33-123-45-67');
  });

  it('documents the endpoints in the OpenAPI description', async () => {
    const { body } = await t.json('/api/openapi.json');
    for (const path of [
      '/api/v1/directory',
      '/api/v1/directory/export.vcf',
      '/api/v1/directory/{userId}',
      '/api/v1/directory/{userId}.vcf',
      '/api/v1/me/profile',
    ])
      expect(Object.keys(body.paths), path).toContain(path);
    expect(Object.keys(body.paths['/api/v1/me/profile'])).toEqual(expect.arrayContaining(['get', 'put']));
  });
});
