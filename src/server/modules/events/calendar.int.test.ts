import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type TestAccount } from '../../../../tests/support/accounts.js';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import {
  auditLog,
  calendarFeeds,
  events,
  workingGroupMembers,
  workingGroups,
} from '../../db/schema/index.js';
import { formatUtcTimestamp, zonedTimeToUtc } from '../../interchange/ical.js';
import { SYSTEM } from '../access/policy.js';

/** Content lines of an iCalendar text, unfolded (RFC 5545 §3.1). */
function unfold(text: string): string[] {
  return text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

type VEvent = Map<string, string>;

/** The VCALENDAR count and each VEVENT's properties (name with parameters → value). */
function parseICalendar(text: string): { calendars: number; events: VEvent[]; lines: string[] } {
  const lines = unfold(text);
  const parsed: VEvent[] = [];
  let current: VEvent | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      parsed.push(current!);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current.set(line.slice(0, colon), line.slice(colon + 1));
    }
  }
  return { calendars: lines.filter((l) => l === 'BEGIN:VCALENDAR').length, events: parsed, lines };
}

const uidOf = (id: string) => `${id}@localhost:3000`;
const feedPath = (url: string) => new URL(url).pathname;

let t: TestApp;
let staff: TestAccount;
let alice: TestAccount; // member of group A
let bob: TestAccount; // member of group B
let carol: TestAccount; // member of no group
let groupA: string;
let groupB: string;

async function join(account: TestAccount, groupId: string) {
  await t.database.db.insert(workingGroupMembers).values({ groupId, userId: account.userId });
}

async function eventCount() {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(events);
  return row!.n;
}

async function auditCount() {
  const [row] = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
  return row!.n;
}

const paris = {
  language: 'en',
  title: 'Focal points coordination meeting in Paris',
  description: 'Planning the joint work programme; agenda, minutes.',
  start: '2026-07-01T14:00',
  end: '2026-07-01T16:30',
  timeZone: 'Europe/Paris',
  location: 'Palais des Nations; Room XX',
  onlineUrl: 'https://meet.example.org/focal-points',
  visibility: 'members',
};

let parisEvent: { id: string; slug: string };
let groupAEvent: { id: string; slug: string };
let groupBEvent: { id: string; slug: string };

beforeAll(async () => {
  t = await createTestApp();
  staff = await t.staff();
  [alice, bob, carol] = await Promise.all([
    createAccount(t, 'member'),
    createAccount(t, 'member'),
    createAccount(t, 'member'),
  ]);
  const groups = await t.database.db.select({ id: workingGroups.id }).from(workingGroups).limit(2);
  groupA = groups[0]!.id;
  groupB = groups[1]!.id;
  await join(alice, groupA);
  await join(bob, groupB);

  const created = await t.send('POST', '/api/v1/events', paris, alice);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  parisEvent = created.body;
  const a = await t.send(
    'POST',
    '/api/v1/events',
    {
      language: 'fr',
      title: 'Réunion du groupe A',
      start: '2026-07-02',
      end: '2026-07-03',
      visibility: 'working_group',
      workingGroupId: groupA,
    },
    alice,
  );
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  groupAEvent = a.body;
  const b = await t.send(
    'POST',
    '/api/v1/events',
    {
      language: 'en',
      title: 'Group B workshop',
      start: '2026-07-02T09:00',
      end: '2026-07-02T11:00',
      timeZone: 'Asia/Tokyo',
      visibility: 'working_group',
      workingGroupId: groupB,
    },
    bob,
  );
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  groupBEvent = b.body;
});

afterAll(async () => {
  await t.close();
});

describe(`joint calendar (${engineName})`, () => {
  it('stores a timed event as UTC instants with its zone and local times', async () => {
    const { status, body } = await t.jsonAs(alice, `/api/v1/events/${parisEvent.slug}`);
    expect(status).toBe(200);
    expect(body.timeZone).toBe('Europe/Paris');
    // Paris is on summer time (UTC+2) in July.
    expect(body.startsAt).toBe('2026-07-01T12:00:00.000Z');
    expect(body.endsAt).toBe('2026-07-01T14:30:00.000Z');
    expect(body.localStart).toBe('2026-07-01T14:00');
    expect(body.startsOn).toBe('2026-07-01');
    expect(body.visibility).toBe('members');
    expect(body.canEdit).toBe(true);
    expect(body.registration).toBe('none');
  });

  it('serves one event as RFC 5545 iCalendar with DTSTART in UTC', async () => {
    const response = await t.request(`/api/v1/events/${parisEvent.slug}.ics`, {
      headers: { cookie: alice.cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`${parisEvent.slug}.ics`);
    const text = await response.text();
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const ical = parseICalendar(text);
    expect(ical.calendars).toBe(1);
    expect(ical.events).toHaveLength(1);
    const [event] = ical.events;
    expect(event!.get('UID')).toBe(uidOf(parisEvent.id));
    expect(event!.get('DTSTART')).toBe(
      formatUtcTimestamp(zonedTimeToUtc('2026-07-01T14:00', 'Europe/Paris')),
    );
    expect(event!.get('DTSTART')).toBe('20260701T120000Z');
    expect(event!.get('DTEND')).toBe('20260701T143000Z');
    expect(event!.get('SUMMARY')).toBe(paris.title);
    expect(event!.get('LOCATION')).toBe('Palais des Nations\\; Room XX');
    expect(event!.get('DESCRIPTION')).toContain('agenda\\, minutes.');
    expect(event!.get('DESCRIPTION')).toContain('https://meet.example.org/focal-points');
    expect(event!.get('STATUS')).toBe('CONFIRMED');
  });

  it('gives an all-day seeded event DATE values with an exclusive end', async () => {
    const response = await t.request('/api/v1/events/dushanbe-ct-conference-2019.ics');
    expect(response.status).toBe(200);
    const [event] = parseICalendar(await response.text()).events;
    expect(event!.get('DTSTART;VALUE=DATE')).toBe('20190515');
    expect(event!.get('DTEND;VALUE=DATE')).toBe('20190518');
  });

  it('hides a members-only event’s .ics from visitors (404), as its page and JSON', async () => {
    expect((await t.request(`/api/v1/events/${parisEvent.slug}.ics`)).status).toBe(404);
    expect((await t.request(`/api/v1/events/${parisEvent.id}.ics`)).status).toBe(404);
    expect((await t.json(`/api/v1/events/${parisEvent.slug}`)).status).toBe(404);
    // Another group's member cannot download a working-group event either.
    const other = await t.request(`/api/v1/events/${groupAEvent.slug}.ics`, {
      headers: { cookie: bob.cookie },
    });
    expect(other.status).toBe(404);
    const list = await t.json('/api/v1/events?limit=100');
    expect(list.body.total).toBe(37);
  });

  it('answers a bad ?lang= on the .ics download with 400 naming the field', async () => {
    const { status, body } = await t.json('/api/v1/events/dushanbe-ct-conference-2019.ics?lang=xx');
    expect(status).toBe(400);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('query.lang');
  });

  it('gives a user feed with members-only and own-group events, not other groups’ ones', async () => {
    const created = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'user' }, alice);
    expect(created.status).toBe(201);
    expect(created.body.url).toMatch(
      /^http:\/\/localhost:3000\/api\/v1\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/,
    );
    // Calendar apps send no cookie: the token alone opens the feed.
    const response = await t.request(feedPath(created.body.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ical = parseICalendar(await response.text());
    expect(ical.calendars).toBe(1);
    const uids = ical.events.map((e) => e.get('UID'));
    expect(uids).toContain(uidOf(parisEvent.id));
    expect(uids).toContain(uidOf(groupAEvent.id));
    expect(uids).not.toContain(uidOf(groupBEvent.id));
    // Exactly what Alice may read: the 37 public events, the members-only one and her group's.
    expect(ical.events).toHaveLength(39);
    const viewer = await t.services.accounts.viewerForUser(alice.userId);
    expect(ical.events).toHaveLength(await t.services.events.count(viewer!));
    const paris = ical.events.find((e) => e.get('UID') === uidOf(parisEvent.id))!;
    expect(paris.get('DTSTART')).toBe('20260701T120000Z');
    const groupDay = ical.events.find((e) => e.get('UID') === uidOf(groupAEvent.id))!;
    expect(groupDay.get('DTSTART;VALUE=DATE')).toBe('20260702');
    expect(groupDay.get('DTEND;VALUE=DATE')).toBe('20260704');
  });

  it('stores only a SHA-256 of the feed token, and keeps the token out of the audit log', async () => {
    const created = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'user' }, carol);
    const token = feedPath(created.body.url).split('/').pop()!.replace('.ics', '');
    const rows = await t.database.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.id, created.body.id));
    const { createHash } = await import('node:crypto');
    expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.body.id));
    expect(entries.map((e) => e.action)).toEqual(['calendar_feed.create']);
    expect(JSON.stringify(entries)).not.toContain(token);
    expect(JSON.stringify(entries)).not.toContain(rows[0]!.tokenHash);
  });

  it('rotating a feed revokes the old address (404); revoking stops the new one', async () => {
    const first = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'user' }, bob);
    expect((await t.request(feedPath(first.body.url))).status).toBe(200);
    const second = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'user' }, bob);
    expect(second.status).toBe(201);
    expect(second.body.url).not.toBe(first.body.url);
    const old = await t.request(feedPath(first.body.url));
    expect(old.status).toBe(404);
    expect(old.headers.get('content-type')).toContain('application/problem+json');
    expect((await t.request(feedPath(second.body.url))).status).toBe(200);
    const rotated = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, second.body.id));
    expect(rotated[0]!.action).toBe('calendar_feed.rotate');
    expect(rotated[0]!.before).toEqual({ revoked: [first.body.id] });

    const listed = await t.jsonAs(bob, '/api/v1/calendar/feeds');
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([second.body.id]);
    expect(JSON.stringify(listed.body)).not.toContain('.ics');
    const revoked = await t.send('DELETE', `/api/v1/calendar/feeds/${second.body.id}`, {}, bob);
    expect(revoked.status).toBe(204);
    expect((await t.request(feedPath(second.body.url))).status).toBe(404);
    // Someone else's feed cannot be revoked.
    const carolFeed = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'user' }, carol);
    expect((await t.send('DELETE', `/api/v1/calendar/feeds/${carolFeed.body.id}`, {}, bob)).status).toBe(404);
    expect((await t.request(feedPath(carolFeed.body.url))).status).toBe(200);
  });

  it('answers 404 for made-up tokens', async () => {
    expect((await t.request('/api/v1/calendar/feeds/not-a-token.ics')).status).toBe(404);
    expect((await t.request(`/api/v1/calendar/feeds/${'A'.repeat(43)}.ics`)).status).toBe(404);
  });

  it('gives group feeds to group members only, with only the group’s events', async () => {
    const visitor = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'group', groupId: groupA }, null);
    expect(visitor.status).toBe(401);
    const outsider = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'group', groupId: groupA }, bob);
    expect(outsider.status).toBe(403);
    expect(outsider.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.groupId']);
    const unknown = await t.send(
      'POST',
      '/api/v1/calendar/feeds',
      { kind: 'group', groupId: '00000000-0000-4000-8000-000000000000' },
      alice,
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('body.groupId');
    const missing = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'group' }, alice);
    expect(missing.status).toBe(422);
    expect(missing.body.errors[0].field).toBe('body.groupId');

    const feed = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'group', groupId: groupA }, alice);
    expect(feed.status).toBe(201);
    expect(feed.body.groupId).toBe(groupA);
    const ical = parseICalendar(await (await t.request(feedPath(feed.body.url))).text());
    expect(ical.events.map((e) => e.get('UID'))).toEqual([uidOf(groupAEvent.id)]);
    // Alice's own feed still works: group and user feeds are separate.
    expect(ical.lines).toContain(`X-WR-CALNAME:Southbridge: ${await groupName(groupA)}`);
  });

  it('stops a group feed when its owner leaves the group, and every feed of a disabled account', async () => {
    const dave = await createAccount(t, 'member');
    await join(dave, groupA);
    const groupFeed = await t.send(
      'POST',
      '/api/v1/calendar/feeds',
      { kind: 'group', groupId: groupA },
      dave,
    );
    const userFeed = await t.send('POST', '/api/v1/calendar/feeds', { kind: 'user' }, dave);
    expect((await t.request(feedPath(groupFeed.body.url))).status).toBe(200);
    await t.database.db
      .delete(workingGroupMembers)
      .where(and(eq(workingGroupMembers.userId, dave.userId), eq(workingGroupMembers.groupId, groupA)));
    expect((await t.request(feedPath(groupFeed.body.url))).status).toBe(404);
    // Having left, Dave's own feed no longer carries the group's events.
    const own = parseICalendar(await (await t.request(feedPath(userFeed.body.url))).text());
    expect(own.events.map((e) => e.get('UID'))).not.toContain(uidOf(groupAEvent.id));
    await t.services.accounts.update({ viewer: SYSTEM }, dave.userId, { disabled: true });
    expect((await t.request(feedPath(userFeed.body.url))).status).toBe(404);
  });

  it('registers members while open and places remain; 409 when closed or full', async () => {
    const { body: event } = await t.send(
      'POST',
      '/api/v1/events',
      {
        language: 'en',
        title: 'Small workshop',
        start: '2026-09-10T09:00',
        end: '2026-09-10T12:00',
        timeZone: 'Africa/Nairobi',
        registration: 'open',
        capacity: 1,
      },
      alice,
    );
    const path = `/api/v1/events/${event.id}/registration`;
    expect((await t.send('POST', path, {}, null)).status).toBe(401);
    const first = await t.send('POST', path, {}, bob);
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ registered: true, registrations: 1, capacity: 1 });
    expect((await t.send('POST', path, {}, bob)).status).toBe(200);
    const full = await t.send('POST', path, {}, carol);
    expect(full.status).toBe(409);
    expect(full.body.errors[0].field).toBe('capacity');
    const detail = await t.jsonAs(bob, `/api/v1/events/${event.id}`);
    expect(detail.body.registered).toBe(true);
    expect(detail.body.registrations).toBe(1);

    const left = await t.send('DELETE', path, {}, bob);
    expect(left.status).toBe(200);
    expect(left.body).toEqual({ registered: false, registrations: 0, capacity: 1 });
    expect((await t.send('POST', path, {}, carol)).status).toBe(201);

    const closed = await t.send('PATCH', `/api/v1/events/${event.id}`, { registration: 'closed' }, alice);
    expect(closed.status).toBe(200);
    const refused = await t.send('POST', path, {}, bob);
    expect(refused.status).toBe(409);
    expect(refused.body.errors[0]).toMatchObject({
      field: 'registration',
      message: 'registration is closed',
    });
    // Cancelling one's registration still works once registration has closed.
    expect((await t.send('DELETE', path, {}, carol)).body.registered).toBe(false);

    const none = await t.send('POST', `/api/v1/events/${parisEvent.id}/registration`, {}, bob);
    expect(none.status).toBe(409);
    // Someone outside the group cannot learn that a working-group event exists.
    expect((await t.send('POST', `/api/v1/events/${groupAEvent.id}/registration`, {}, bob)).status).toBe(404);

    const actions = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, event.id));
    expect(actions.map((a) => a.action).sort()).toEqual(
      [
        'event.create',
        'event.register',
        'event.register',
        'event.unregister',
        'event.unregister',
        'event.update',
      ].sort(),
    );
  });

  it('refuses bad input with 4xx naming the field, and writes nothing', async () => {
    const before = { events: await eventCount(), audit: await auditCount() };
    const cases: Array<{ body: Record<string, unknown>; status: number; field: string; as?: TestAccount }> = [
      { body: { ...paris, timeZone: 'Mars/Olympus_Mons' }, status: 422, field: 'body.timeZone' },
      { body: { ...paris, timeZone: '+05:30' }, status: 422, field: 'body.timeZone' },
      { body: { ...paris, timeZone: undefined }, status: 422, field: 'body.timeZone' },
      { body: { ...paris, end: '2026-07-01T13:00' }, status: 422, field: 'body.end' },
      { body: { ...paris, end: '2026-07-01T14:00' }, status: 422, field: 'body.end' },
      { body: { ...paris, start: '2026-07-03', end: '2026-07-02' }, status: 422, field: 'body.end' },
      { body: { ...paris, start: '2026-02-30T10:00' }, status: 422, field: 'body.start' },
      { body: { ...paris, onlineUrl: 'javascript:alert(1)' }, status: 422, field: 'body.onlineUrl' },
      { body: { ...paris, onlineUrl: 'ftp://files.example.org/x' }, status: 422, field: 'body.onlineUrl' },
      {
        body: {
          ...paris,
          visibility: 'working_group',
          workingGroupId: '00000000-0000-4000-8000-000000000000',
        },
        status: 422,
        field: 'body.workingGroupId',
      },
      { body: { ...paris, visibility: 'working_group' }, status: 422, field: 'body.workingGroupId' },
      {
        body: { ...paris, visibility: 'working_group', workingGroupId: groupB },
        status: 403,
        field: 'body.workingGroupId',
      },
      { body: { ...paris, visibility: 'public' }, status: 403, field: 'body.visibility' },
      { body: { ...paris, organisers: ['no-such-organisation'] }, status: 422, field: 'body.organisers.0' },
      { body: { ...paris, capacity: 0 }, status: 422, field: 'body.capacity' },
    ];
    for (const { body, status, field, as } of cases) {
      const response = await t.send('POST', '/api/v1/events', body, as ?? alice);
      expect(response.status, `${field}: ${JSON.stringify(response.body)}`).toBe(status);
      expect(
        response.body.errors.map((e: { field: string }) => e.field),
        JSON.stringify(response.body),
      ).toContain(field);
    }
    // Every time problem at once: zone and end.
    const both = await t.send(
      'POST',
      '/api/v1/events',
      { ...paris, timeZone: 'Nowhere', end: 'soon' },
      alice,
    );
    expect(both.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.end',
      'body.timeZone',
    ]);
    expect((await t.send('POST', '/api/v1/events', paris, null)).status).toBe(401);

    // Edits are checked the same way against the merged event.
    const patches: Array<[Record<string, unknown>, string]> = [
      [{ end: '2026-07-01T13:59' }, 'body.end'],
      [{ timeZone: 'Not/AZone' }, 'body.timeZone'],
      [{ onlineUrl: 'javascript:alert(1)' }, 'body.onlineUrl'],
      [{ visibility: 'working_group', workingGroupId: groupB }, 'body.workingGroupId'],
      [{ visibility: 'public' }, 'body.visibility'],
    ];
    for (const [patch, field] of patches) {
      const response = await t.send('PATCH', `/api/v1/events/${parisEvent.id}`, patch, alice);
      expect(response.status, JSON.stringify(response.body)).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    expect({ events: await eventCount(), audit: await auditCount() }).toEqual(before);
    const unchanged = await t.jsonAs(alice, `/api/v1/events/${parisEvent.id}`);
    expect(unchanged.body.startsAt).toBe('2026-07-01T12:00:00.000Z');
  });

  it('lets the author, not another member, edit; staff may publish; edits bump SEQUENCE', async () => {
    const denied = await t.send('PATCH', `/api/v1/events/${parisEvent.id}`, { title: 'Hijacked' }, carol);
    expect(denied.status).toBe(403);
    const moved = await t.send(
      'PATCH',
      `/api/v1/events/${parisEvent.id}`,
      { start: '2026-07-01T15:00', end: '2026-07-01T17:00' },
      alice,
    );
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe('2026-07-01T13:00:00.000Z');
    // Changing only the zone keeps the wall-clock times.
    const rezoned = await t.send(
      'PATCH',
      `/api/v1/events/${parisEvent.id}`,
      { timeZone: 'America/New_York' },
      alice,
    );
    expect(rezoned.body.startsAt).toBe('2026-07-01T19:00:00.000Z');
    expect(rezoned.body.localStart).toBe('2026-07-01T15:00');
    const back = await t.send(
      'PATCH',
      `/api/v1/events/${parisEvent.id}`,
      { timeZone: 'Europe/Paris' },
      alice,
    );
    expect(back.body.startsAt).toBe('2026-07-01T13:00:00.000Z');

    const entry = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, parisEvent.id), eq(auditLog.action, 'event.update')))
      .orderBy(asc(auditLog.id))
      .limit(1);
    expect(entry[0]!.actor).toBe(alice.userId);
    expect((entry[0]!.before as { startsAt: string }).startsAt).toBe('2026-07-01T12:00:00.000Z');
    expect((entry[0]!.after as { startsAt: string }).startsAt).toBe('2026-07-01T13:00:00.000Z');

    const ics = parseICalendar(
      await (
        await t.request(`/api/v1/events/${parisEvent.id}.ics`, { headers: { cookie: alice.cookie } })
      ).text(),
    );
    expect(ics.events[0]!.get('SEQUENCE')).toBe('3');
    expect(ics.events[0]!.get('DTSTART')).toBe('20260701T130000Z');

    const published = await t.send(
      'PATCH',
      `/api/v1/events/${groupAEvent.id}`,
      { visibility: 'public' },
      staff,
    );
    expect(published.status).toBe(200);
    expect((await t.request(`/api/v1/events/${groupAEvent.slug}.ics`)).status).toBe(200);
    // The author can still edit the title of the event staff made public.
    const retitled = await t.send('PATCH', `/api/v1/events/${groupAEvent.id}`, { title: 'Réunion A' }, alice);
    expect(retitled.status).toBe(200);
    expect(retitled.body.visibility).toBe('public');
    await t.send('PATCH', `/api/v1/events/${groupAEvent.id}`, { visibility: 'working_group' }, staff);
  });

  it('cancels an event: STATUS:CANCELLED in iCalendar, no more registrations', async () => {
    const { body: event } = await t.send(
      'POST',
      '/api/v1/events',
      { language: 'en', title: 'Briefing to be cancelled', start: '2026-10-01', registration: 'open' },
      alice,
    );
    expect((await t.send('POST', `/api/v1/events/${event.id}/cancel`, {}, carol)).status).toBe(403);
    const cancelled = await t.send('POST', `/api/v1/events/${event.id}/cancel`, {}, alice);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelled).toBe(true);
    expect((await t.send('POST', `/api/v1/events/${event.id}/cancel`, {}, alice)).status).toBe(409);
    expect((await t.send('POST', `/api/v1/events/${event.id}/registration`, {}, bob)).status).toBe(409);
    const ics = parseICalendar(
      await (await t.request(`/api/v1/events/${event.id}.ics`, { headers: { cookie: bob.cookie } })).text(),
    );
    expect(ics.events[0]!.get('STATUS')).toBe('CANCELLED');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, event.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['event.cancel', 'event.create']);
  });

  it('returns the events overlapping a month in the reader’s time zone', async () => {
    const { body: late } = await t.send(
      'POST',
      '/api/v1/events',
      {
        language: 'en',
        title: 'Late-night call',
        start: '2026-08-01T00:30',
        end: '2026-08-01T01:30',
        timeZone: 'Europe/Paris',
      },
      alice,
    );
    // 00:30 on 1 August in Paris is 22:30 UTC on 31 July.
    const ids = async (query: string, as: TestAccount | null = alice) => {
      const { status, body } = await t.jsonAs(as, `/api/v1/calendar?${query}`);
      expect(status, JSON.stringify(body)).toBe(200);
      return body.items.map((e: { id: string }) => e.id) as string[];
    };
    const julyParis = await ids('from=2026-07-01&to=2026-07-31&tz=Europe/Paris');
    expect(julyParis).toContain(parisEvent.id);
    expect(julyParis).toContain(groupAEvent.id);
    expect(julyParis).not.toContain(groupBEvent.id);
    expect(julyParis).not.toContain(late.id);
    expect(await ids('from=2026-07-01&to=2026-07-31&tz=UTC')).toContain(late.id);
    expect(await ids('from=2026-08-01&to=2026-08-31&tz=Europe/Paris')).toContain(late.id);
    expect(await ids('from=2026-08-01&to=2026-08-31&tz=UTC')).not.toContain(late.id);
    // Visitors see only public events.
    expect(await ids('from=2026-07-01&to=2026-07-31&tz=Europe/Paris', null)).toEqual([]);

    // Seeded date-only events: a multi-day one, and month-precision ones spanning their month.
    const july2024 = await t.json('/api/v1/calendar?from=2024-07-15&to=2024-07-20');
    const slugs = july2024.body.items.map((e: { slug: string }) => e.slug);
    expect(slugs).toContain('hlpf-2024');
    expect(slugs).toContain('hlpf-2024-climate-action-side-event');
    const day = await t.json('/api/v1/calendar?from=2019-05-17&to=2019-05-17');
    expect(day.body.items.map((e: { slug: string }) => e.slug)).toEqual(['dushanbe-ct-conference-2019']);
    expect((await t.json('/api/v1/calendar?from=2019-05-18&to=2019-05-18')).body.items).toEqual([]);
    // In start order.
    const starts = july2024.body.items.map((e: { startsOn: string }) => e.startsOn);
    expect([...starts].sort()).toEqual(starts);

    const bad = await t.json('/api/v1/calendar?from=2026-07-31&to=2026-07-01');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('query.to');
    const long = await t.json('/api/v1/calendar?from=2020-01-01&to=2026-01-01');
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e: { field: string }) => e.field)).toContain('query.to');
    const zone = await t.json('/api/v1/calendar?from=2026-07-01&to=2026-07-31&tz=Moon/Base');
    expect(zone.status).toBe(400);
    expect(zone.body.errors.map((e: { field: string }) => e.field)).toContain('query.tz');
  });

  it('keeps events in the search index with their scope', async () => {
    const { body: event } = await t.send(
      'POST',
      '/api/v1/events',
      { language: 'en', title: 'Quarterly zeugmatic rendezvous', start: '2026-11-05', visibility: 'members' },
      alice,
    );
    const found = async (as: TestAccount | null) =>
      (await t.jsonAs(as, '/api/v1/search?q=zeugmatic&type=event')).body.items.map(
        (i: { id: string }) => i.id,
      );
    expect(await found(carol)).toContain(event.id);
    expect(await found(null)).not.toContain(event.id);
    const groupOnly = await found(bob);
    expect(groupOnly).toContain(event.id);
    const renamed = await t.send(
      'PATCH',
      `/api/v1/events/${event.id}`,
      { title: 'Quarterly syzygy rendezvous' },
      alice,
    );
    expect(renamed.status).toBe(200);
    expect(
      (await t.jsonAs(carol, '/api/v1/search?q=syzygy&type=event')).body.items.map(
        (i: { id: string }) => i.id,
      ),
    ).toContain(event.id);
    const { body: groupEvent } = await t.send(
      'POST',
      '/api/v1/events',
      {
        language: 'en',
        title: 'Zeugmatic group huddle',
        start: '2026-11-06',
        visibility: 'working_group',
        workingGroupId: groupA,
      },
      alice,
    );
    expect(await found(alice)).toContain(groupEvent.id);
    expect(await found(bob)).not.toContain(groupEvent.id);
  });
});

async function groupName(id: string): Promise<string> {
  const [group] = await t.services.accounts.groupSummaries([id], 'en');
  return group!.name;
}
