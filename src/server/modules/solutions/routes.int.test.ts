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

describe(`GET /api/v1/solutions (${engineName})`, () => {
  it('lists published demo solutions with {items, nextCursor, total}', async () => {
    const { status, body } = await t.json('/api/v1/solutions?limit=5');
    expect(status).toBe(200);
    expect(body.items).toHaveLength(5);
    expect(body.total).toBeGreaterThanOrEqual(40);
    expect(typeof body.nextCursor).toBe('string');
    const first = body.items[0];
    expect(first.providers.length).toBeGreaterThan(0);
    expect(first.countries[0]).toHaveProperty('iso3');
    expect(first.themes[0]).toHaveProperty('label');
  });

  it('walks every page with the cursor, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const { status, body } = await t.json(`/api/v1/solutions?limit=7${query}`);
      expect(status).toBe(200);
      total = body.total;
      seen.push(...body.items.map((item: { id: string }) => item.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by theme, SDG goal and target, country, region and original language', async () => {
    const health = await t.json('/api/v1/solutions?theme=health&limit=100');
    expect(health.body.total).toBeGreaterThan(0);
    for (const item of health.body.items)
      expect(item.themes.map((x: { id: string }) => x.id)).toContain('health');

    const goal = await t.json('/api/v1/solutions?sdg=2&limit=100');
    expect(goal.body.total).toBeGreaterThan(0);
    for (const item of goal.body.items)
      expect(item.sdgTargets.some((code: string) => code.startsWith('2.'))).toBe(true);

    const target = await t.json('/api/v1/solutions?sdg=17.9&limit=100');
    for (const item of target.body.items) expect(item.sdgTargets).toContain('17.9');

    const china = await t.json('/api/v1/solutions?country=CHN&limit=100');
    expect(china.body.total).toBeGreaterThan(0);

    const asia = await t.json('/api/v1/solutions?region=142&limit=100');
    const all = await t.json('/api/v1/solutions?limit=100');
    expect(asia.body.total).toBeGreaterThan(0);
    expect(asia.body.total).toBeLessThan(all.body.total);

    const vietnamese = await t.json('/api/v1/solutions?language=vi&limit=100');
    expect(vietnamese.body.total).toBeGreaterThan(0);
    for (const item of vietnamese.body.items) expect(item.originalLanguage).toBe('vi');
  });

  it('matches words in any language of the text', async () => {
    const zh = await t.json(`/api/v1/solutions?q=${encodeURIComponent('南南')}&limit=100`);
    expect(zh.body.total).toBeGreaterThan(0);
  });

  it('answers bad filters with one problem+json naming every bad field', async () => {
    const response = await t.request('/api/v1/solutions?limit=0&sdg=99&country=12&region=abc');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await response.json();
    const fields = problem.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['query.country', 'query.limit', 'query.region', 'query.sdg']);
  });

  it('rejects a forged cursor with 400 naming the cursor', async () => {
    const { status, body } = await t.json('/api/v1/solutions?cursor=not-a-cursor');
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('query.cursor');
  });
});

describe(`GET /api/v1/solutions/{id} (${engineName})`, () => {
  it('returns the requested language and marks an editorial translation, keeping the original', async () => {
    const list = await t.json('/api/v1/solutions?language=zh&limit=1');
    const slug = list.body.items[0].slug;
    const en = await t.json(`/api/v1/solutions/${slug}?lang=en`);
    expect(en.status).toBe(200);
    expect(en.body.language).toBe('en');
    expect(en.body.originalLanguage).toBe('zh');
    expect(en.body.translation).toBe('editorial');
    expect(en.body.original.language).toBe('zh');
    expect(en.body.original.title).toMatch(/\p{Script=Han}/u);
    expect(en.body.translations).toContainEqual({ language: 'zh', source: 'original' });
    expect(en.body.translations).toContainEqual({ language: 'en', source: 'editorial' });
    expect(en.body.source.file).toMatch(/^00\d_/);

    const zh = await t.json(`/api/v1/solutions/${slug}?lang=zh`);
    expect(zh.body.translation).toBe('original');
    expect(zh.body.title).toBe(en.body.original.title);
  });

  it('falls back to English for a language the record lacks', async () => {
    const list = await t.json('/api/v1/solutions?language=zh&limit=1');
    const fr = await t.json(`/api/v1/solutions/${list.body.items[0].slug}?lang=fr`);
    expect(fr.body.language).toBe('en');
    expect(fr.body.availableLanguages).not.toContain('fr');
  });

  it('finds a solution by id as well as by slug', async () => {
    const list = await t.json('/api/v1/solutions?limit=1');
    const byId = await t.json(`/api/v1/solutions/${list.body.items[0].id}`);
    expect(byId.body.slug).toBe(list.body.items[0].slug);
  });

  it('answers 404 problem+json for an unknown solution', async () => {
    const response = await t.request('/api/v1/solutions/no-such-solution');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });

  it('answers 400 for an unsupported lang', async () => {
    const { status, body } = await t.json('/api/v1/solutions/anything?lang=xx');
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('query.lang');
  });
});
