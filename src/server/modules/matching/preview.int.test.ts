import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { rowsOf } from '../../db/client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Item = {
  type: string;
  id: string;
  slug: string;
  title: string;
  language: string;
  score: number;
  reasons: Array<{ kind: string; label: string; weight: number }>;
};

const preview = (body: unknown, lang = 'en') =>
  t.send('POST', `/api/v1/matches/preview?lang=${lang}`, body, null);
const fieldsOf = (body: { errors?: Array<{ field: string }> }) => (body.errors ?? []).map((e) => e.field);

async function matchCount() {
  return rowsOf<{ n: number }>(await t.database.db.execute(sql`SELECT count(*)::int AS n FROM matches`))[0]!
    .n;
}

describe(`match preview (${engineName})`, () => {
  it('finds Chinese solutions for a Vietnamese challenge, best first, each with labelled reasons', async () => {
    const { status, body } = await preview({
      text: 'Chúng tôi cần xây dựng hệ thống cảnh báo sớm thiên tai cho các tỉnh ven biển.',
      country: 'VNM',
    });
    expect(status).toBe(200);
    expect(body.language).toBe('vi');
    expect(body.detected).toBe(true);
    const items = body.items as Item[];
    expect(items.length).toBeGreaterThan(0);
    expect(items.map((i) => i.slug)).toContain('rimes-early-warning');
    const scores = items.map((i) => i.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const item of items) {
      expect(item.reasons.length).toBeGreaterThan(0);
      for (const reason of item.reasons) expect(reason.label.length).toBeGreaterThan(3);
    }
    const rimes = items.find((i) => i.slug === 'rimes-early-warning')!;
    expect(rimes.reasons.map((r) => r.kind)).toContain('concept');
  });

  it('labels the reasons in the reader’s language', async () => {
    const text = 'Necesitamos apoyo para un programa de alimentación escolar con productos locales.';
    const en = (await preview({ text }, 'en')).body.items as Item[];
    const fr = (await preview({ text }, 'fr')).body.items as Item[];
    expect(en[0]!.id).toBe(fr[0]!.id);
    const conceptEn = en[0]!.reasons.find((r) => r.kind === 'concept')!.label;
    const conceptFr = fr[0]!.reasons.find((r) => r.kind === 'concept')!.label;
    expect(conceptEn).not.toBe(conceptFr);
  });

  it('honours the language given, the types asked for and the limit, and saves nothing', async () => {
    const before = await matchCount();
    const { body } = await preview({
      text: 'Paperless trade and electronic single window for customs',
      language: 'en',
      types: ['solution'],
      limit: 3,
    });
    expect(body.detected).toBe(false);
    expect(body.items.length).toBeLessThanOrEqual(3);
    for (const item of body.items as Item[]) expect(item.type).toBe('solution');
    expect((body.items as Item[]).map((i) => i.slug)).toContain('unnext-paperless-trade');
    expect(await matchCount()).toBe(before);
  });

  it('rewards context: naming the country raises a solution from the same sub-region', async () => {
    const text = 'We need a regional early warning system for floods and cyclones.';
    const rimes = (items: Item[]) => items.find((i) => i.slug === 'rimes-early-warning')!;
    const without = rimes((await preview({ text, language: 'en' })).body.items);
    const withVietNam = rimes((await preview({ text, language: 'en', country: 'VNM' })).body.items);
    expect(withVietNam.reasons.map((r) => r.kind)).toContain('same_subregion');
    expect(without.reasons.map((r) => r.kind)).not.toContain('same_subregion');
    expect(withVietNam.score).toBeGreaterThan(without.score);
  });
});

describe(`match preview refuses bad input (${engineName})`, () => {
  it('rejects empty and huge text, naming `text`', async () => {
    for (const text of ['', '   ', 'x'.repeat(5001)]) {
      const { status, body, headers } = await preview({ text });
      expect(status).toBe(422);
      expect(headers.get('content-type')).toContain('application/problem+json');
      expect(fieldsOf(body)).toContain('body.text');
    }
  });

  it('rejects an unknown language, and text whose language cannot be told', async () => {
    const unknown = await preview({ text: 'school feeding', language: 'xx' });
    expect(unknown.status).toBe(422);
    expect(fieldsOf(unknown.body)).toContain('body.language');
    const undetectable = await preview({ text: '1234 5678 !!' });
    expect(undetectable.status).toBe(422);
    expect(fieldsOf(undetectable.body)).toContain('body.language');
  });

  it('names unknown countries, themes and types', async () => {
    const { status, body } = await preview({
      text: 'school feeding',
      language: 'en',
      country: 'ZZZ',
      themes: ['nope'],
      types: ['project'],
    });
    expect(status).toBe(422);
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['body.types.0']));
    const codes = await preview({ text: 'school feeding', language: 'en', country: 'ZZZ', themes: ['nope'] });
    expect(fieldsOf(codes.body)).toEqual(expect.arrayContaining(['body.country', 'body.themes.0']));
  });

  it('answers a body that is not JSON with a 400', async () => {
    const response = await t.request('/api/v1/matches/preview', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"text": ',
    });
    expect(response.status).toBe(400);
  });
});
