import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { auditLog, groupActions } from '../../db/schema/index.js';
import { canRead } from '../access/policy.js';

let t: TestApp;
let staff: TestAccount;
let alice: TestAccount; // member, later vice-chair of group one
let bob: TestAccount; // chair of group one
let carol: TestAccount; // member of group one
let dave: TestAccount; // joins and leaves group one
let eve: TestAccount; // member of group two only
let one: string; // wg-pcve
let two: string; // wg-gender

const day = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.staff();
  [alice, bob, carol, dave, eve] = [
    await createAccount(t, 'member', { name: 'Alice Amani' }),
    await createAccount(t, 'member', { name: 'Bob Bello' }),
    await createAccount(t, 'member', { name: 'Carol Chen' }),
    await createAccount(t, 'member', { name: 'Dave Diallo' }),
    await createAccount(t, 'member', { name: 'Eve Estrada' }),
  ];
  const list = await t.jsonAs(alice, '/api/v1/groups?limit=100');
  one = list.body.items.find((g: { slug: string }) => g.slug === 'wg-pcve').id;
  two = list.body.items.find((g: { slug: string }) => g.slug === 'wg-gender').id;
});
afterAll(() => t.close());

const notificationsOf = async (account: TestAccount) =>
  (await t.jsonAs(account, '/api/v1/notifications?limit=100')).body.items as Array<{
    id: string;
    kind: string;
    title: string;
    link: string;
    read: boolean;
  }>;
/** A bodiless DELETE as a browser on the site sends it (with Origin, which hono/csrf requires). */
const remove = async (path: string, account: TestAccount) => {
  const response = await t.request(path, {
    method: 'DELETE',
    headers: { cookie: account.cookie, origin: 'http://localhost:3000' },
  });
  return { status: response.status, body: await response.json() };
};
/** Notification emails (not the invitation) sent to an account. */
const emailsTo = async (account: TestAccount) =>
  (await t.services.mailer.recent(500)).filter(
    (mail) => mail.to === account.email && mail.kind.startsWith('notification.'),
  );

describe('working groups', () => {
  it('answers visitors with 401', async () => {
    for (const path of [
      '/api/v1/groups',
      `/api/v1/groups/${randomUUID()}`,
      `/api/v1/groups/${randomUUID()}/threads`,
      '/api/v1/me/actions',
      '/api/v1/notifications',
    ]) {
      expect((await t.jsonAs(null, path)).status, path).toBe(401);
    }
    expect((await t.send('POST', `/api/v1/groups/${randomUUID()}/members`, {}, null)).status).toBe(401);
  });

  it('lists the eight Compact groups with their theme, chairing organisations and member count', async () => {
    const list = await t.jsonAs(alice, '/api/v1/groups?limit=100');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(8);
    const pcve = list.body.items.find((g: { slug: string }) => g.slug === 'wg-pcve');
    expect(pcve.theme).toEqual({ id: 'wg-pcve', label: expect.stringMatching(/violent extremism/i) });
    expect(pcve.chairOrganisations.map((o: { slug: string }) => o.slug)).toEqual(['unoct']);
    expect(pcve.viceChairOrganisations.map((o: { slug: string }) => o.slug)).toEqual([
      'unaoc',
      'undp',
      'unesco',
    ]);
    expect(pcve.memberCount).toBe(0);
    expect(pcve.myRole).toBeNull();
    expect(list.body.items.map((g: { number: number }) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe('membership', () => {
  it('lets a member join as member, once, and not as chair', async () => {
    const joined = await t.send('POST', `/api/v1/groups/${one}/members`, {}, alice);
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ groupId: one, userId: alice.userId, role: 'member' });
    expect((await t.send('POST', `/api/v1/groups/${one}/members`, {}, alice)).status).toBe(409);
    const asChair = await t.send('POST', `/api/v1/groups/${one}/members`, { role: 'chair' }, carol);
    expect(asChair.status).toBe(403);
    const me = await t.jsonAs(alice, '/api/v1/me');
    expect(me.body.workingGroupIds).toEqual([one]);
  });

  it('lets staff add anyone with any role, and chairs add members (by id or email)', async () => {
    const chair = await t.send(
      'POST',
      `/api/v1/groups/${one}/members`,
      { userId: bob.userId, role: 'chair' },
      staff,
    );
    expect(chair.status).toBe(201);
    expect(chair.body.role).toBe('chair');
    const byEmail = await t.send(
      'POST',
      `/api/v1/groups/${one}/members`,
      { email: carol.email.toUpperCase() },
      bob,
    );
    expect(byEmail.status).toBe(201);
    expect(byEmail.body).toMatchObject({ userId: carol.userId, role: 'member' });
    expect((await notificationsOf(carol)).map((n) => n.kind)).toContain('group.added');
    // A chair adds members only; a plain member adds nobody.
    const viceByChair = await t.send(
      'POST',
      `/api/v1/groups/${one}/members`,
      { userId: dave.userId, role: 'vice_chair' },
      bob,
    );
    expect(viceByChair.status).toBe(403);
    expect(
      (await t.send('POST', `/api/v1/groups/${one}/members`, { userId: dave.userId }, alice)).status,
    ).toBe(403);
    const unknown = await t.send(
      'POST',
      `/api/v1/groups/${one}/members`,
      { email: 'nobody@example.org' },
      bob,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('body.email');
  });

  it('changes roles (staff and chairs) and refuses members', async () => {
    const promote = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/members/${alice.userId}`,
      { role: 'vice_chair' },
      staff,
    );
    expect(promote.status).toBe(200);
    expect(promote.body.role).toBe('vice_chair');
    expect(
      (await t.send('PATCH', `/api/v1/groups/${one}/members/${carol.userId}`, { role: 'vice_chair' }, alice))
        .status,
    ).toBe(403);
    const byChair = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/members/${carol.userId}`,
      { role: 'vice_chair' },
      bob,
    );
    expect(byChair.status).toBe(200);
    expect(
      (await t.send('PATCH', `/api/v1/groups/${one}/members/${carol.userId}`, { role: 'member' }, bob)).body
        .role,
    ).toBe('member');
    expect(
      (await t.send('PATCH', `/api/v1/groups/${one}/members/${bob.userId}`, { role: 'member' }, alice))
        .status,
    ).toBe(403);
    const badRole = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/members/${carol.userId}`,
      { role: 'boss' },
      bob,
    );
    expect(badRole.status).toBe(422);
  });

  it('lets a member leave, and only chairs and staff remove others', async () => {
    expect((await t.send('POST', `/api/v1/groups/${one}/members`, {}, dave)).status).toBe(201);
    expect((await remove(`/api/v1/groups/${one}/members/${carol.userId}`, dave)).status).toBe(403);
    expect((await remove(`/api/v1/groups/${one}/members/${bob.userId}`, alice)).status).toBe(403);
    const left = await remove(`/api/v1/groups/${one}/members/${dave.userId}`, dave);
    expect(left.status).toBe(200);
    expect((await remove(`/api/v1/groups/${one}/members/${dave.userId}`, dave)).status).toBe(404);
    const group = await t.jsonAs(alice, `/api/v1/groups/${one}`);
    expect(group.status).toBe(200);
    expect(group.body.memberCount).toBe(3);
    expect(group.body.members.map((m: { name: string; role: string }) => [m.name, m.role])).toEqual([
      ['Bob Bello', 'chair'],
      ['Alice Amani', 'vice_chair'],
      ['Carol Chen', 'member'],
    ]);
    expect(group.body.chairs).toEqual([{ id: bob.userId, name: 'Bob Bello' }]);
    expect(group.body.myRole).toBe('vice_chair');
  });

  it('keeps restricted groups invisible to non-members and closed to self-joining', async () => {
    const created = await t.send(
      'POST',
      '/api/v1/groups',
      { name: 'Closed drafting group', language: 'en', theme: 'governance', visibility: 'working_group' },
      staff,
    );
    expect(created.status).toBe(201);
    expect(created.body.slug).toBe('closed-drafting-group');
    const id = created.body.id;
    const list = await t.jsonAs(eve, '/api/v1/groups?limit=100');
    expect(list.body.items.map((g: { id: string }) => g.id)).not.toContain(id);
    expect((await t.jsonAs(eve, `/api/v1/groups/${id}`)).status).toBe(404);
    expect((await t.send('POST', `/api/v1/groups/${id}/members`, {}, eve)).status).toBe(404);
    expect((await t.send('POST', `/api/v1/groups/${id}/members`, { userId: eve.userId }, staff)).status).toBe(
      201,
    );
    expect((await t.jsonAs(eve, `/api/v1/groups/${id}`)).status).toBe(200);
  });

  it('lets only staff create and edit groups, with references checked', async () => {
    const byMember = await t.send('POST', '/api/v1/groups', { name: 'Mine', language: 'en' }, alice);
    expect(byMember.status).toBe(403);
    const bad = await t.send(
      'POST',
      '/api/v1/groups',
      { name: 'Bad refs', language: 'en', theme: 'no-such-theme', chairOrganisations: ['unoct', 'nope'] },
      staff,
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.chairOrganisations.1',
      'body.theme',
    ]);
    const edited = await t.send(
      'PATCH',
      `/api/v1/groups/${two}`,
      { description: 'Gender-sensitive approaches' },
      staff,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.description).toBe('Gender-sensitive approaches');
    expect((await t.send('PATCH', `/api/v1/groups/${two}`, { description: 'x' }, bob)).status).toBe(403);
  });
});

describe("another group's space", () => {
  let thread: string;
  let action: string;
  let priority: string;

  beforeAll(async () => {
    await t.send('POST', `/api/v1/groups/${two}/members`, {}, eve);
    thread = (
      await t.send('POST', `/api/v1/groups/${two}/threads`, { title: 'Private', body: 'Only us' }, eve)
    ).body.id;
    action = (
      await t.send(
        'POST',
        `/api/v1/groups/${two}/actions`,
        { title: 'Secret task', ownerId: eve.userId, dueOn: '2031-01-01' },
        eve,
      )
    ).body.id;
    priority = (await t.send('POST', `/api/v1/groups/${two}/priorities`, { title: 'Our focus' }, eve)).body
      .id;
    expect([thread, action, priority].every(Boolean)).toBe(true);
  });

  it('is 404 to a non-member for threads, a thread, actions and priorities, by either group id', async () => {
    for (const path of [
      `/api/v1/groups/${two}/threads`,
      `/api/v1/groups/${two}/threads/${thread}`,
      `/api/v1/groups/${one}/threads/${thread}`,
      `/api/v1/groups/${two}/actions`,
      `/api/v1/groups/${two}/actions/${action}`,
      `/api/v1/groups/${one}/actions/${action}`,
      `/api/v1/groups/${two}/priorities`,
      `/api/v1/groups/wg-gender/threads`,
    ]) {
      const response = await t.jsonAs(alice, path);
      expect(response.status, path).toBe(404);
      expect(JSON.stringify(response.body), path).not.toContain('Secret task');
    }
  });

  it('refuses a non-member’s posts, replies, actions and rankings there with 404', async () => {
    const attempts = [
      ['POST', `/api/v1/groups/${two}/threads`, { title: 'Hi', body: 'Let me in' }],
      ['POST', `/api/v1/groups/${two}/threads/${thread}/posts`, { body: 'Hello' }],
      ['POST', `/api/v1/groups/${one}/threads/${thread}/posts`, { body: 'Hello' }],
      ['POST', `/api/v1/groups/${two}/actions`, { title: 'X', ownerId: alice.userId, dueOn: '2031-01-01' }],
      ['PATCH', `/api/v1/groups/${two}/actions/${action}`, { status: 'done' }],
      ['PATCH', `/api/v1/groups/${one}/actions/${action}`, { status: 'done' }],
      ['POST', `/api/v1/groups/${two}/priorities`, { title: 'Mine' }],
      ['PUT', `/api/v1/groups/${two}/priorities/ranking`, { priorityIds: [priority] }],
      ['PATCH', `/api/v1/groups/${one}/priorities/${priority}`, { status: 'closed' }],
    ] as const;
    for (const [method, path, body] of attempts) {
      expect((await t.send(method, path, body, alice)).status, `${method} ${path}`).toBe(404);
    }
    const rankingHere = await t.send(
      'PUT',
      `/api/v1/groups/${one}/priorities/ranking`,
      { priorityIds: [priority] },
      alice,
    );
    expect(rankingHere.status).toBe(422);
    const [row] = await t.database.db.select().from(groupActions).where(eq(groupActions.id, action));
    expect(row!.status).toBe('open');
    expect((await t.jsonAs(eve, `/api/v1/groups/${two}/threads/${thread}`)).body.replyCount).toBe(0);
  });

  it('opens to staff, and working-group documents follow membership', async () => {
    expect((await t.jsonAs(staff, `/api/v1/groups/${two}/threads/${thread}`)).status).toBe(200);
    const { viewer } = await t.services.accounts.viewerFor(new Headers({ cookie: alice.cookie }));
    const document = (groupId: string) => ({ visibility: 'working_group' as const, workingGroupId: groupId });
    expect(canRead(viewer, document(one))).toBe(true);
    expect(canRead(viewer, document(two))).toBe(false);
  });
});

describe('threads, mentions and notifications', () => {
  let thread: string;

  it('stores HTML verbatim, notifies the mentioned member in-app and by email, and nobody else', async () => {
    const body = `<script>alert("x")</script> <b>Plan</b> for @{${carol.userId}} and @{${eve.userId}}`;
    const created = await t.send(
      'POST',
      `/api/v1/groups/${one}/threads`,
      { title: 'Work plan <2026>', body },
      bob,
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('content-type')).toMatch(/application\/json/);
    expect(created.body.body).toBe(body);
    expect(created.body.title).toBe('Work plan <2026>');
    // Eve is not a member: her token stays text and she hears nothing.
    expect(created.body.mentions).toEqual([{ id: carol.userId, name: 'Carol Chen' }]);
    thread = created.body.id;

    const carolNotes = (await notificationsOf(carol)).filter((n) => n.kind === 'group.mention');
    expect(carolNotes).toHaveLength(1);
    expect(carolNotes[0]).toMatchObject({
      title: 'Work plan <2026>',
      link: `/groups/${one}/threads/${thread}`,
    });
    expect((await notificationsOf(alice)).filter((n) => n.kind === 'group.mention')).toHaveLength(0);
    expect((await notificationsOf(eve)).filter((n) => n.kind === 'group.mention')).toHaveLength(0);
    const mails = (await emailsTo(carol)).filter((m) => m.kind === 'notification.group.mention');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`/groups/${one}/threads/${thread}`);
    expect(await emailsTo(alice)).toHaveLength(0);
    expect(await emailsTo(eve)).toHaveLength(0);
  });

  it('refuses a notify list naming a non-member', async () => {
    const response = await t.send(
      'POST',
      `/api/v1/groups/${one}/threads/${thread}/posts`,
      { body: 'Hi', notify: [carol.userId, eve.userId] },
      alice,
    );
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'body.notify.1' })]);
  });

  it('notifies earlier participants of a reply (in-app only), and mentioned ones once', async () => {
    const first = await t.send(
      'POST',
      `/api/v1/groups/${one}/threads/${thread}/posts`,
      { body: 'Agreed.' },
      alice,
    );
    expect(first.status).toBe(201);
    expect(first.body.author).toEqual({ id: alice.userId, name: 'Alice Amani' });
    const bobReplies = () =>
      notificationsOf(bob).then((list) => list.filter((n) => n.kind === 'group.reply'));
    expect(await bobReplies()).toHaveLength(1);
    // Carol did not take part yet: no reply notice for her.
    expect((await notificationsOf(carol)).filter((n) => n.kind === 'group.reply')).toHaveLength(0);

    const second = await t.send(
      'POST',
      `/api/v1/groups/${one}/threads/${thread}/posts`,
      { body: 'I will draft it.', notify: [alice.userId] },
      carol,
    );
    expect(second.status).toBe(201);
    expect(await bobReplies()).toHaveLength(2);
    const aliceNotes = await notificationsOf(alice);
    expect(aliceNotes.filter((n) => n.kind === 'group.mention')).toHaveLength(1);
    expect(aliceNotes.filter((n) => n.kind === 'group.reply')).toHaveLength(0);
    expect((await emailsTo(alice)).map((m) => m.kind)).toEqual(['notification.group.mention']);
    expect((await emailsTo(bob)).filter((m) => m.kind === 'notification.group.reply')).toHaveLength(0);

    const full = await t.jsonAs(bob, `/api/v1/groups/${one}/threads/${thread}`);
    expect(full.body.replyCount).toBe(2);
    expect(full.body.posts.map((p: { body: string }) => p.body)).toEqual(['Agreed.', 'I will draft it.']);
    const list = await t.jsonAs(carol, `/api/v1/groups/${one}/threads`);
    expect(list.body.items[0]).toMatchObject({ id: thread, replyCount: 2 });
  });

  it('rejects empty and oversized bodies naming the field', async () => {
    const empty = await t.send('POST', `/api/v1/groups/${one}/threads`, { title: ' ', body: 'x' }, alice);
    expect(empty.status).toBe(422);
    expect(empty.body.errors[0].field).toBe('body.title');
    const long = await t.send(
      'POST',
      `/api/v1/groups/${one}/threads/${thread}/posts`,
      { body: 'x'.repeat(10_001) },
      alice,
    );
    expect(long.status).toBe(422);
    expect(long.body.errors[0].field).toBe('body.body');
  });

  it('marks notifications read, one or all, only the reader’s own', async () => {
    const [note] = await notificationsOf(carol);
    expect((await t.send('POST', `/api/v1/notifications/${note!.id}/read`, {}, alice)).status).toBe(404);
    const read = await t.send('POST', `/api/v1/notifications/${note!.id}/read`, {}, carol);
    expect(read.status).toBe(200);
    expect(read.body.read).toBe(true);
    const all = await t.send('POST', '/api/v1/notifications/read-all', {}, carol);
    expect(all.status).toBe(200);
    expect(all.body.updated).toBeGreaterThan(0);
    expect((await t.jsonAs(carol, '/api/v1/notifications?unread=true')).body).toMatchObject({
      total: 0,
      unread: 0,
    });
  });
});

describe('action tracker', () => {
  const soon = isoDay(new Date(Date.now() + day));
  let action: string;

  it('validates the owner, the due date and the link pair', async () => {
    const base = { title: 'Draft terms of reference', ownerId: carol.userId, dueOn: soon };
    const outsider = await t.send(
      'POST',
      `/api/v1/groups/${one}/actions`,
      { ...base, ownerId: eve.userId },
      alice,
    );
    expect(outsider.status).toBe(422);
    expect(outsider.body.errors).toEqual([expect.objectContaining({ field: 'body.ownerId' })]);
    for (const dueOn of ['2026-02-30', 'next week', '31/12/2026']) {
      const bad = await t.send('POST', `/api/v1/groups/${one}/actions`, { ...base, dueOn }, alice);
      expect(bad.status, dueOn).toBe(422);
      expect(bad.body.errors[0].field, dueOn).toBe('body.dueOn');
    }
    const typeOnly = await t.send(
      'POST',
      `/api/v1/groups/${one}/actions`,
      { ...base, linkType: 'need' },
      alice,
    );
    expect(typeOnly.status).toBe(422);
    expect(typeOnly.body.errors).toEqual([expect.objectContaining({ field: 'body.linkId' })]);
    const idOnly = await t.send(
      'POST',
      `/api/v1/groups/${one}/actions`,
      { ...base, linkId: randomUUID() },
      alice,
    );
    expect(idOnly.status).toBe(422);
    expect(idOnly.body.errors[0].field).toBe('body.linkType');
    const badId = await t.send(
      'POST',
      `/api/v1/groups/${one}/actions`,
      { ...base, linkType: 'offer', linkId: 'not-a-uuid' },
      alice,
    );
    expect(badId.status).toBe(422);
    expect(badId.body.errors[0].field).toBe('body.linkId');
    // Nothing was half-written.
    const written = await t.database.db.select().from(groupActions).where(eq(groupActions.groupId, one));
    expect(written).toHaveLength(0);
  });

  it('creates an action linked to a need and notifies its owner', async () => {
    const linkId = randomUUID();
    const created = await t.send(
      'POST',
      `/api/v1/groups/${one}/actions`,
      { title: 'Draft terms of reference', ownerId: carol.userId, dueOn: soon, linkType: 'need', linkId },
      alice,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      owner: { id: carol.userId, name: 'Carol Chen' },
      dueOn: soon,
      status: 'open',
      link: { type: 'need', id: linkId },
      overdue: false,
    });
    action = created.body.id;
    expect((await notificationsOf(carol)).some((n) => n.kind === 'action.assigned')).toBe(true);
    expect((await emailsTo(carol)).some((m) => m.kind === 'notification.action.assigned')).toBe(true);
  });

  it('filters by status and owner, and edits with the right people', async () => {
    await t.send(
      'POST',
      `/api/v1/groups/${one}/actions`,
      { title: 'Book the room', ownerId: bob.userId, dueOn: soon, status: 'in_progress' },
      bob,
    );
    const byOwner = await t.jsonAs(alice, `/api/v1/groups/${one}/actions?ownerId=${carol.userId}`);
    expect(byOwner.body.items.map((a: { id: string }) => a.id)).toEqual([action]);
    const inProgress = await t.jsonAs(alice, `/api/v1/groups/${one}/actions?status=in_progress`);
    expect(inProgress.body.items.map((a: { title: string }) => a.title)).toEqual(['Book the room']);
    const badStatus = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/actions/${action}`,
      { status: 'finished' },
      carol,
    );
    expect(badStatus.status).toBe(422);
    const done = await t.send('PATCH', `/api/v1/groups/${one}/actions/${action}`, { status: 'done' }, carol);
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('done');
    const clear = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/actions/${action}`,
      { linkType: null, linkId: null },
      alice,
    );
    expect(clear.body.link).toBeNull();
    const half = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/actions/${action}`,
      { linkType: 'match' },
      alice,
    );
    expect(half.status).toBe(422);
  });

  it('shows each member their own actions across groups', async () => {
    const mine = await t.jsonAs(carol, '/api/v1/me/actions');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((a: { id: string }) => a.id)).toEqual([action]);
    expect(mine.body.items[0].group).toMatchObject({ id: one, slug: 'wg-pcve' });
    const open = await t.jsonAs(carol, '/api/v1/me/actions?status=open');
    expect(open.body.items).toHaveLength(0);
    const bobs = await t.jsonAs(bob, '/api/v1/me/actions');
    expect(bobs.body.items.map((a: { title: string }) => a.title)).toEqual(['Book the room']);
  });
});

describe('due-date reminders', () => {
  // A fixed clock far ahead, so only these actions fall in the window.
  const now = new Date('2031-06-10T08:00:00Z');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const make = async (name: string, dueOn: string, status = 'open') => {
      const response = await t.send(
        'POST',
        `/api/v1/groups/${one}/actions`,
        { title: `Reminder ${name}`, ownerId: carol.userId, dueOn, status },
        bob,
      );
      expect(response.status).toBe(201);
      ids[name] = response.body.id;
    };
    await make('today', '2031-06-10');
    await make('in-two-days', '2031-06-12', 'in_progress');
    await make('in-three-days', '2031-06-13');
    await make('yesterday', '2031-06-09');
    await make('done', '2031-06-11', 'done');
  });

  it('reminds once, only for open actions due within two days', async () => {
    const first = await t.services.groups.sendDueReminders(now);
    expect(first.reminded.sort()).toEqual([ids.today, ids['in-two-days']].sort());
    const second = await t.services.groups.sendDueReminders(now);
    expect(second.reminded).toEqual([]);
    const notes = (await notificationsOf(carol)).filter((n) => n.kind === 'action.due');
    expect(notes.map((n) => n.title).sort()).toEqual(['Reminder in-two-days', 'Reminder today']);
    const mails = (await emailsTo(carol)).filter((m) => m.kind === 'notification.action.due');
    expect(mails).toHaveLength(2);
  });

  it('never double-sends when two runs race, and reminds again after a new due date', async () => {
    const moved = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/actions/${ids.today}`,
      { dueOn: '2031-06-11' },
      bob,
    );
    expect(moved.body.remindedAt).toBeNull();
    const runs = await Promise.all([
      t.services.groups.sendDueReminders(now),
      t.services.groups.sendDueReminders(now),
    ]);
    expect(runs.flatMap((run) => run.reminded)).toEqual([ids.today]);
    const later = await t.services.groups.sendDueReminders(new Date('2031-06-11T08:00:00Z'));
    expect(later.reminded).toEqual([ids['in-three-days']]);
  });
});

describe('joint planning', () => {
  const p: Record<string, string> = {};

  beforeAll(async () => {
    for (const [name, by] of [
      ['A', alice],
      ['B', bob],
      ['C', carol],
      ['D', carol],
    ] as const) {
      const response = await t.send(
        'POST',
        `/api/v1/groups/${one}/priorities`,
        { title: `Priority ${name}` },
        by,
      );
      expect(response.status).toBe(201);
      p[name] = response.body.id;
    }
  });

  it('combines three rankings by Borda count', async () => {
    const rank = (account: TestAccount, names: string[]) =>
      t.send(
        'PUT',
        `/api/v1/groups/${one}/priorities/ranking`,
        { priorityIds: names.map((n) => p[n]) },
        account,
      );
    expect((await rank(alice, ['A', 'B', 'C'])).status).toBe(200); // A 4, B 3, C 2
    expect((await rank(bob, ['B', 'A'])).status).toBe(200); // B 4, A 3
    const last = await rank(carol, ['C', 'B', 'A', 'D']); // C 4, B 3, A 2, D 1
    expect(last.status).toBe(200);
    const result = await t.jsonAs(alice, `/api/v1/groups/${one}/priorities`);
    expect(result.body.method).toBe('borda');
    expect(result.body.ballots).toBe(3);
    expect(
      result.body.ranking.map((r: { title: string; points: number; voters: number; position: number }) => [
        r.title,
        r.points,
        r.voters,
        r.position,
      ]),
    ).toEqual([
      ['Priority B', 10, 3, 1],
      ['Priority A', 9, 3, 2],
      ['Priority C', 6, 2, 3],
      ['Priority D', 1, 1, 4],
    ]);
    expect(result.body.myRanking).toEqual([p.A, p.B, p.C]);
  });

  it('refuses duplicates, foreign or closed ids, and non-member staff ballots', async () => {
    const duplicate = await t.send(
      'PUT',
      `/api/v1/groups/${one}/priorities/ranking`,
      { priorityIds: [p.A, p.B, p.A] },
      alice,
    );
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.errors).toEqual([expect.objectContaining({ field: 'body.priorityIds.2' })]);
    const closed = await t.send(
      'PATCH',
      `/api/v1/groups/${one}/priorities/${p.D}`,
      { status: 'closed' },
      carol,
    );
    expect(closed.status).toBe(200);
    const withClosed = await t.send(
      'PUT',
      `/api/v1/groups/${one}/priorities/ranking`,
      { priorityIds: [p.D] },
      alice,
    );
    expect(withClosed.status).toBe(422);
    expect(
      (await t.send('PUT', `/api/v1/groups/${one}/priorities/ranking`, { priorityIds: [p.A] }, staff)).status,
    ).toBe(403);
    // Alice's ranking is unchanged by the refused attempts.
    const after = await t.jsonAs(alice, `/api/v1/groups/${one}/priorities`);
    expect(after.body.myRanking).toEqual([p.A, p.B, p.C]);
    // With D closed, n = 3: A 3+2+1 = 6, B 2+3+2 = 7, C 1+0+3 = 4.
    expect(after.body.ranking.map((r: { title: string; points: number }) => [r.title, r.points])).toEqual([
      ['Priority B', 7],
      ['Priority A', 6],
      ['Priority C', 4],
    ]);
    expect(after.body.closed.map((r: { id: string }) => r.id)).toEqual([p.D]);
    // Only the proposer, chairs and staff edit a priority.
    expect(
      (await t.send('PATCH', `/api/v1/groups/${one}/priorities/${p.B}`, { title: 'Mine now' }, carol)).status,
    ).toBe(403);
  });
});

describe('audit', () => {
  it('records every kind of write in the working groups', async () => {
    const rows = await t.database.db
      .select({ action: auditLog.action, actor: auditLog.actor })
      .from(auditLog)
      .where(like(auditLog.action, 'group%'));
    const actions = new Set(rows.map((row) => row.action));
    for (const action of [
      'group.create',
      'group.update',
      'group.join',
      'group.member_add',
      'group.member_role',
      'group.leave',
      'group_thread.create',
      'group_post.create',
      'group_action.create',
      'group_action.update',
      'group_action.remind',
      'group_priority.create',
      'group_priority.update',
      'group_priority.rank',
    ])
      expect(actions, action).toContain(action);
    const [joined] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'group.join'), eq(auditLog.actor, alice.userId)));
    expect(joined).toMatchObject({ entityType: 'working_group', entityId: one });
    expect(rows.some((row) => row.action === 'group_action.remind' && row.actor === 'system')).toBe(true);
  });
});
