import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe(`events API (${engineName})`, () => {
  it('lists at least 15 events, newest first', async () => {
    const { body } = await t.json('/api/v1/events?limit=100');
    expect(body.total).toBeGreaterThanOrEqual(15);
    const dates = body.items.map((e: { startsOn: string }) => e.startsOn);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('includes the regional counter-terrorism conferences', async () => {
    const { body } = await t.json('/api/v1/events?limit=100&lang=en');
    const cities = new Set(body.items.map((e: { city: string | null }) => e.city));
    for (const city of ['Dushanbe', 'Ulaanbaatar', 'Nairobi', 'Minsk', 'Budapest'])
      expect(cities).toContain(city);
  });

  it('filters by date range and kind', async () => {
    const { body } = await t.json('/api/v1/events?from=2024-01-01&to=2024-12-31&limit=100');
    expect(body.total).toBeGreaterThan(0);
    for (const e of body.items) expect(e.startsOn <= '2024-12-31').toBe(true);
    const expos = await t.json('/api/v1/events?kind=expo&limit=100');
    for (const e of expos.body.items) expect(e.kind).toBe('expo');
  });

  it('rejects a range that ends before it starts, naming `to`', async () => {
    const { status, body } = await t.json('/api/v1/events?from=2024-05-01&to=2024-01-01');
    expect(status).toBe(400);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain('query.to');
  });

  it('returns one event with its organisers', async () => {
    const list = await t.json('/api/v1/events?limit=1');
    const { status, body } = await t.json(`/api/v1/events/${list.body.items[0].slug}`);
    expect(status).toBe(200);
    expect(Array.isArray(body.organisers)).toBe(true);
  });
});
