import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../tests/support/test-app.js';
import { engineName } from '../../tests/support/test-database.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: false });
});
afterAll(async () => {
  await t.close();
});

describe(`HTTP basics (${engineName})`, () => {
  it('answers /healthz and /readyz', async () => {
    expect((await t.json('/healthz')).body.status).toBe('ok');
    const ready = await t.json('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.database).toBe(process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
  });

  it('exposes request duration and status in Prometheus format', async () => {
    await t.request('/api/v1/themes');
    const text = await (await t.request('/metrics')).text();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{.*route="\/api\/v1\/themes".*status="200"/);
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/v1\/themes",status="200"\} \d+/);
  });

  it('gives every response a request id', async () => {
    const response = await t.request('/healthz');
    expect(response.headers.get('x-request-id')).toMatch(/^[\w-]{8,}$/);
  });

  it('serves an OpenAPI 3.1 document generated from the schemas', async () => {
    const { body } = await t.json('/api/openapi.json');
    expect(body.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/solutions',
      '/api/v1/solutions/{id}',
      '/api/v1/organisations',
      '/api/v1/events',
      '/api/v1/countries',
      '/api/v1/sdgs',
      '/api/v1/themes',
    ]) {
      expect(body.paths).toHaveProperty([path]);
    }
    expect(body.components.schemas).toHaveProperty('Problem');
    expect(body.components.schemas).toHaveProperty('Solution');
  });

  it('serves the API reference UI from local assets only', async () => {
    const page = await (await t.request('/api/docs')).text();
    const sources = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(source.startsWith('/')).toBe(true);
      expect((await t.request(source)).status).toBe(200);
    }
  });

  it('answers unknown API paths with problem+json 404', async () => {
    const response = await t.request('/api/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect((await response.json()).instance).toBe('/api/v1/nothing-here');
  });
});
