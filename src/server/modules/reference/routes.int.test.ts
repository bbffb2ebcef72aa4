import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(async () => {
  await t.close();
});

describe(`reference data API (${engineName})`, () => {
  it('lists all 248 M49 countries and areas on one page', async () => {
    const { body } = await t.json('/api/v1/countries');
    expect(body.total).toBe(248);
    expect(body.items).toHaveLength(248);
    expect(body.nextCursor).toBeNull();
  });

  it('flags LDCs, LLDCs and SIDS', async () => {
    const ldc = await t.json('/api/v1/countries?ldc=true');
    const lldc = await t.json('/api/v1/countries?lldc=true');
    const sids = await t.json('/api/v1/countries?sids=true');
    expect(ldc.body.total).toBeGreaterThan(40);
    expect(lldc.body.total).toBeGreaterThan(25);
    expect(sids.body.total).toBeGreaterThan(30);
    for (const c of ldc.body.items) expect(c.isLdc).toBe(true);
  });

  it('gives country names in all seven languages, Vietnamese included', async () => {
    const { body } = await t.json('/api/v1/countries/VNM?lang=vi');
    expect(body.name).toBe('Việt Nam');
    expect(Object.keys(body.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'vi', 'zh']);
    expect(body.region.m49).toBe('142');
    const byM49 = await t.json('/api/v1/countries/704?lang=zh');
    expect(byM49.body.name).toBe('越南');
  });

  it('filters countries by region', async () => {
    const { body } = await t.json('/api/v1/countries?region=002');
    expect(body.total).toBeGreaterThan(50);
    for (const c of body.items) expect(c.region.m49).toBe('002');
  });

  it('lists the 17 goals and 169 targets in the six UN languages', async () => {
    const en = await t.json('/api/v1/sdgs');
    expect(en.body.total).toBe(17);
    const targets = en.body.items.flatMap((g: { targets: unknown[] }) => g.targets);
    expect(targets).toHaveLength(169);
    const ar = await t.json('/api/v1/sdgs/5?lang=ar');
    expect(ar.body.title).toMatch(/\p{Script=Arabic}/u);
    expect(ar.body.targets.length).toBe(9);
  });

  it('lists the theme taxonomy with the four counter-terrorism pillars and eight Compact working groups', async () => {
    const pillars = await t.json('/api/v1/themes?kind=ct-pillar');
    expect(pillars.body.total).toBe(4);
    const groups = await t.json('/api/v1/themes?kind=compact-wg&lang=zh');
    expect(groups.body.total).toBe(8);
    for (const g of groups.body.items) expect(Object.keys(g.labels)).toHaveLength(7);
    const all = await t.json('/api/v1/themes');
    const ids = all.body.items.map((x: { id: string }) => x.id);
    for (const id of ['agriculture-food-security', 'health', 'digital', 'disaster-risk', 'peace-security']) {
      expect(ids).toContain(id);
    }
  });

  it('lists the ten modalities and the cooperation types and roles', async () => {
    const modalities = await t.json('/api/v1/modalities?lang=ru');
    expect(modalities.body.total).toBe(10);
    const types = await t.json('/api/v1/cooperation-types');
    expect(types.body.items.map((x: { id: string }) => x.id).sort()).toEqual(
      ['bilateral', 'facilitator', 'provider', 'recipient', 'regional', 'triangular'].sort(),
    );
  });

  it('names IATI codes in every interface language, keeping IATI’s English and French', async () => {
    const { reference } = t.services;
    expect((await reference.codelistLabels('TransactionType', 'vi')).get('3')).toBe('Giải ngân');
    expect((await reference.codelistLabels('TransactionType', 'en')).get('3')).toBe('Disbursement');
    expect((await reference.codelistLabels('TransactionType', 'fr')).get('3')).toBe('Décaissement');
    expect((await reference.codelistLabels('ActivityStatus', 'ar')).get('2')).toBe('قيد التنفيذ');
    expect((await reference.codelistLabels('Region', 'ru')).get('289')).toBe(
      'Африка к югу от Сахары, региональный уровень',
    );
    // Sector has no translations of its own: English where IATI gives no French.
    expect((await reference.codelistLabels('Sector', 'zh')).get('11250')).toBe(
      (await reference.codelistLabels('Sector', 'en')).get('11250'),
    );
  });

  it('answers a bad code with 400 and an unknown one with 404', async () => {
    expect((await t.json('/api/v1/countries/12345')).status).toBe(400);
    expect((await t.json('/api/v1/countries/ZZZ')).status).toBe(404);
    expect((await t.json('/api/v1/sdgs/18')).status).toBe(400);
  });
});
