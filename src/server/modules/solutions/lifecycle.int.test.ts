import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.js';
import { engineName } from '../../../../tests/support/test-database.js';
import { rowsOf } from '../../db/client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.staff(); // sign the secretariat in first, so its sign-in is not counted below
});
afterAll(async () => {
  await t.close();
});

/** A valid new solution, with overrides. */
function newSolution(overrides: Record<string, unknown> = {}) {
  return {
    language: 'vi',
    title: 'Bữa ăn học đường từ nông sản địa phương',
    summary: 'Các trường tiểu học mua rau và gạo của nông dân địa phương cho bữa ăn học đường.',
    countries: ['VNM'],
    providers: ['unossc'],
    modalities: ['study-visit'],
    ...overrides,
  };
}

async function counts() {
  const [row] = rowsOf<{ solutions: number; audit: number; versions: number }>(
    await t.database.db.execute(sql`SELECT (SELECT count(*)::int FROM solutions) AS solutions,
      (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM solution_versions) AS versions`),
  );
  return row!;
}

describe(`solution writes need an account (${engineName})`, () => {
  it('answers 401 without a session, also for a forged cookie, writing nothing', async () => {
    const before = await counts();
    expect((await t.send('POST', '/api/v1/solutions', newSolution(), null)).status).toBe(401);
    const wrong = await t.send('POST', '/api/v1/solutions', newSolution(), 'sb.session_token=forged.value');
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('content-type')).toContain('application/problem+json');
    expect(await counts()).toEqual(before);
  });
});

describe(`bad input (${engineName})`, () => {
  it('names every invalid field at once and writes nothing', async () => {
    const before = await counts();
    const { status, body } = await t.send(
      'POST',
      '/api/v1/solutions',
      newSolution({ title: '', countries: ['VN'], sdgTargets: ['2.99x'], evidence: [{ url: 'nope' }] }),
    );
    expect(status).toBe(422);
    const fields = body.errors.map((e: { field: string }) => e.field);
    for (const field of ['body.title', 'body.countries.0', 'body.sdgTargets.0', 'body.evidence.0.url']) {
      expect(fields).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });

  it('names references that do not exist', async () => {
    const { status, body } = await t.send(
      'POST',
      '/api/v1/solutions',
      newSolution({
        countries: ['ZZZ'],
        providers: ['no-such-org'],
        themes: ['no-such-theme'],
        sdgTargets: ['2.1'],
      }),
    );
    expect(status).toBe(422);
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['body.countries.0', 'body.providers.0', 'body.themes.0'].sort(),
    );
  });

  it('answers malformed JSON with 400', async () => {
    const { status, body } = await t.send('POST', '/api/v1/solutions', '{"title": ');
    expect(status).toBe(400);
    expect(body.errors[0].field).toBe('body');
  });
});

describe(`the review workflow (${engineName})`, () => {
  let id: string;

  it('creates a draft with inferred themes and SDG targets, hidden from visitors', async () => {
    const { status, body } = await t.send('POST', '/api/v1/solutions', newSolution());
    expect(status).toBe(201);
    id = body.id;
    expect(body.status).toBe('draft');
    expect(body.themes.map((x: { id: string }) => x.id)).toContain('school-feeding');
    expect(body.inferred).toEqual({ themes: true, sdgTargets: true });
    expect(body.sdgTargets.length).toBeGreaterThan(0);
    expect((await t.json(`/api/v1/solutions/${id}`)).status).toBe(404);
    const search = await t.json(`/api/v1/search?q=${encodeURIComponent('bữa ăn học đường')}&limit=50`);
    expect(search.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
  });

  it('refuses to publish a draft that was not submitted', async () => {
    const { status, body } = await t.send('POST', `/api/v1/solutions/${id}/review`, { decision: 'publish' });
    expect(status).toBe(409);
    expect(body.errors[0].field).toBe('status');
  });

  it('needs a comment to send a submission back', async () => {
    expect((await t.send('POST', `/api/v1/solutions/${id}/submit`)).body.status).toBe('submitted');
    const { status, body } = await t.send('POST', `/api/v1/solutions/${id}/review`, {
      decision: 'request_changes',
    });
    expect(status).toBe(422);
    expect(body.errors[0].field).toBe('body.comment');
    const back = await t.send('POST', `/api/v1/solutions/${id}/review`, {
      decision: 'request_changes',
      comment: 'Add the number of schools.',
    });
    expect(back.body.status).toBe('draft');
  });

  it('publishes after review; visitors then see and find it', async () => {
    await t.send('POST', `/api/v1/solutions/${id}/submit`);
    const published = await t.send('POST', `/api/v1/solutions/${id}/review`, { decision: 'publish' });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect((await t.json(`/api/v1/solutions/${id}`)).status).toBe(200);
    const search = await t.json(`/api/v1/search?q=${encodeURIComponent('school feeding')}&limit=50`);
    expect(search.body.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('keeps a version for each edit, showing what changed', async () => {
    const edited = await t.send('PATCH', `/api/v1/solutions/${id}`, {
      summary: '120 trường tiểu học mua rau và gạo của nông dân địa phương.',
      themes: ['school-feeding', 'education'],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.inferred.themes).toBe(false);
    const { body } = await t.jsonAs(await t.staff(), `/api/v1/solutions/${id}/history`);
    const last = body.versions.at(-1);
    expect(last.changes.map((c: { field: string }) => c.field).sort()).toEqual(['texts', 'themes']);
    expect(body.versions.map((v: { version: number }) => v.version)).toEqual(
      [...body.versions.keys()].map((i) => i + 1),
    );
    expect(body.reviews.map((r: { action: string }) => r.action)).toEqual([
      'submit',
      'request_changes',
      'submit',
      'publish',
    ]);
  });

  it('adds a marked translation beside the original, never over it', async () => {
    const fr = await t.send('PUT', `/api/v1/solutions/${id}/translations/fr`, {
      title: 'Alimentation scolaire locale',
      summary: 'Des écoles achètent le riz des agriculteurs locaux.',
      source: 'community',
    });
    expect(fr.status).toBe(200);
    expect(fr.body.language).toBe('fr');
    expect(fr.body.translation).toBe('community');
    expect(fr.body.original.language).toBe('vi');
    const original = await t.send('PUT', `/api/v1/solutions/${id}/translations/vi`, {
      title: 'x',
      summary: 'y',
      source: 'author',
    });
    expect(original.status).toBe(422);
    expect(original.body.errors[0].field).toBe('path.language');
  });

  it('records every write in the audit log', async () => {
    const rows = rowsOf<{ action: string }>(
      await t.database.db.execute(sql`SELECT action FROM audit_log WHERE entity_id = ${id} ORDER BY id`),
    );
    expect(rows.map((r) => r.action)).toEqual([
      'solution.create',
      'solution.submit',
      'solution.request_changes',
      'solution.submit',
      'solution.publish',
      'solution.update',
      'solution.translate',
    ]);
  });

  it('archives: visitors no longer see or find it', async () => {
    expect((await t.send('POST', `/api/v1/solutions/${id}/archive`)).body.status).toBe('archived');
    expect((await t.json(`/api/v1/solutions/${id}`)).status).toBe(404);
    const search = await t.json(`/api/v1/search?q=${encodeURIComponent('school feeding')}&limit=50`);
    expect(search.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const edit = await t.send('PATCH', `/api/v1/solutions/${id}`, { summary: 'x y z' });
    expect(edit.status).toBe(409);
  });
});
