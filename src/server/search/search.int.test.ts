import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.js';
import { engineName } from '../../../tests/support/test-database.js';
import type { SearchableDocument } from './documents.js';

let t: TestApp;

/** A solution-shaped search document that exists in one language only. */
function monolingual(
  language: string,
  title: string,
  body: string,
  overrides: Partial<SearchableDocument> = {},
) {
  const id = randomUUID();
  return {
    type: 'solution',
    id,
    slug: `test-${language}-${id.slice(0, 8)}`,
    originalLanguage: language,
    texts: { [language]: { title, body } },
    themes: [],
    sdgTargets: [],
    countries: ['KEN'],
    visibility: 'public',
    isPublished: true,
    ...overrides,
  } satisfies SearchableDocument;
}

// One record per language, each about a concept the others describe in their own words.
const DOCS = {
  zh: monolingual('zh', '学校供餐计划', '通过当地采购为小学生提供营养午餐，提高入学率。'),
  vi: monolingual('vi', 'Hệ thống cảnh báo sớm thiên tai', 'Cảnh báo sớm lũ lụt cho các cộng đồng ven biển.'),
  ar: monolingual('ar', 'النافذة الواحدة للتجارة', 'رقمنة إجراءات الجمارك والتجارة اللاورقية.'),
  ru: monolingual(
    'ru',
    'Капельное орошение',
    'Экономия воды в засушливых районах с помощью капельного орошения.',
  ),
  fr: monolingual(
    'fr',
    'Recensement de la population',
    'Recensement numérique de la population et des logements.',
  ),
  es: monolingual(
    'es',
    'Prevención del extremismo violento',
    'Programas comunitarios para jóvenes contra la radicalización.',
  ),
  en: monolingual(
    'en',
    'Mobile money for rural households',
    'Financial inclusion through mobile money agents.',
  ),
};
const hidden = monolingual('en', 'Secret school feeding pilot', 'Members-only school feeding pilot notes.', {
  visibility: 'members',
  themes: ['school-feeding'],
  countries: ['ZZZ'],
});
const draft = monolingual('en', 'Draft school feeding review', 'Unpublished school feeding draft.', {
  isPublished: false,
});

beforeAll(async () => {
  t = await createTestApp({ demo: false });
  await t.services.indexer.index(t.database.db, [...Object.values(DOCS), hidden, draft]);
});
afterAll(async () => {
  await t.close();
});

async function search(query: string) {
  const { status, body } = await t.json(`/api/v1/search?${query}`);
  expect(status).toBe(200);
  return body;
}

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);

describe(`cross-lingual search (${engineName})`, () => {
  it.each([
    ['en', 'school feeding', DOCS.zh],
    ['fr', 'alimentation scolaire', DOCS.zh],
    ['zh', '预警系统', DOCS.vi],
    ['en', 'early warning', DOCS.vi],
    ['en', 'single window', DOCS.ar],
    ['ru', 'единое окно', DOCS.ar],
    ['es', 'riego por goteo', DOCS.ru],
    ['vi', 'tưới nhỏ giọt', DOCS.ru],
    ['ar', 'التعداد', DOCS.fr],
    ['en', 'census', DOCS.fr],
    ['zh', '防止暴力极端主义', DOCS.es],
    ['en', 'preventing violent extremism', DOCS.es],
    ['es', 'dinero móvil', DOCS.en],
  ])('a %s query "%s" finds a record written in another language', async (_language, q, doc) => {
    const body = await search(`q=${encodeURIComponent(q)}&limit=10`);
    expect(ids(body)).toContain(doc.id);
    const hit = body.items.find((item: { id: string }) => item.id === doc.id);
    expect(hit.matchedConcepts.length).toBeGreaterThan(0);
    expect(hit.language).toBe(doc.originalLanguage);
  });
});

describe(`text matching (${engineName})`, () => {
  it('finds Chinese text whatever the segmentation, and highlights it', async () => {
    const body = await search(`q=${encodeURIComponent('营养午餐')}`);
    expect(ids(body)).toContain(DOCS.zh.id);
    expect(body.items[0].snippet).toContain('<mark>');
  });

  it('folds Vietnamese diacritics, case and full-width forms', async () => {
    expect(ids(await search(`q=${encodeURIComponent('CANH BAO SOM')}`))).toContain(DOCS.vi.id);
    expect(ids(await search(`q=${encodeURIComponent('ｍｏｂｉｌｅ ｍｏｎｅｙ')}`))).toContain(DOCS.en.id);
  });

  it('tolerates a typo', async () => {
    expect(ids(await search('q=mobil+mony'))).toContain(DOCS.en.id);
  });

  it('matches a partial last word as a prefix', async () => {
    expect(ids(await search('q=househ'))).toContain(DOCS.en.id);
  });

  it('returns facets for the matched set and filters by them', async () => {
    const body = await search('q=&type=solution&country=KEN');
    expect(body.total).toBe(Object.keys(DOCS).length);
    expect(body.facets.language.map((f: { value: string }) => f.value).sort()).toEqual(
      Object.keys(DOCS).sort(),
    );
    const zh = await search('language=zh');
    expect(ids(zh)).toEqual([DOCS.zh.id]);
  });
});

describe(`search permissions (${engineName})`, () => {
  it('never shows a members-only or unpublished record to a visitor, nor counts it', async () => {
    const body = await search('q=school+feeding&limit=50');
    expect(ids(body)).not.toContain(hidden.id);
    expect(ids(body)).not.toContain(draft.id);
    expect(body.facets.country.map((f: { value: string }) => f.value)).not.toContain('ZZZ');
    const all = await search('q=&limit=50');
    expect(all.total).toBe(Object.keys(DOCS).length);
  });
});

describe(`search input errors (${engineName})`, () => {
  it.each([
    [`q=${'x'.repeat(201)}`, 'query.q'],
    ['type=spaceship', 'query.type'],
    ['sdg=42', 'query.sdg'],
    ['country=1', 'query.country'],
    ['cursor=bogus', 'query.cursor'],
    ['limit=500', 'query.limit'],
  ])('%s gives 400 naming %s', async (query, field) => {
    const { status, body } = await t.json(`/api/v1/search?${query}`);
    expect(status).toBe(400);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('treats tsquery syntax in the query as plain text', async () => {
    const { status } = await t.json(`/api/v1/search?q=${encodeURIComponent("a & b | !c:* ' \\")}`);
    expect(status).toBe(200);
  });

  it('suggests concepts and titles as the user types', async () => {
    const { status, body } = await t.json('/api/v1/search/suggest?q=school%20fe&lang=en');
    expect(status).toBe(200);
    expect(body.items.map((s: { text: string }) => s.text.toLowerCase())).toContain('school feeding');
  });
});
