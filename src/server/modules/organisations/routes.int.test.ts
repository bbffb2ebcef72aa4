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

describe(`organisations API (${engineName})`, () => {
  it('lists at least 60 organisations sorted by English name', async () => {
    const { body } = await t.json('/api/v1/organisations?limit=100');
    expect(body.total).toBeGreaterThanOrEqual(60);
    const names = body.items.map((o: { slug: string }) => o.slug);
    expect(names.length).toBe(Math.min(100, body.total));
  });

  it('holds the Global Counter-Terrorism Coordination Compact members and observers', async () => {
    const members = await t.json('/api/v1/organisations?compact=member&limit=100');
    const observers = await t.json('/api/v1/organisations?compact=observer&limit=100');
    expect(members.body.total + observers.body.total).toBeGreaterThanOrEqual(45);
    expect(observers.body.total).toBeGreaterThan(0);
  });

  it('searches names and acronyms', async () => {
    const { body } = await t.json('/api/v1/organisations?q=UNOSSC');
    expect(body.items.map((o: { acronym: string }) => o.acronym)).toContain('UNOSSC');
  });

  it('returns one organisation with its IATI organisation type named', async () => {
    const { status, body } = await t.json('/api/v1/organisations/unossc?lang=fr');
    expect(status).toBe(200);
    expect(body.iatiType.code).toBe('40');
    expect(body.names.en).toContain('South-South');
    expect(body.source.file).toMatch(/\.txt$/);
  });

  it('rejects an invalid filter, naming it', async () => {
    const { status, body } = await t.json('/api/v1/organisations?category=spaceship');
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('query.category');
  });
});
