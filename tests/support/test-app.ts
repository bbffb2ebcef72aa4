import { createApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { createLogger } from '../../src/server/logger.js';
import { createMetrics } from '../../src/server/metrics.js';
import { loadDemoContent } from '../../src/server/seed/demo.js';
import { loadReferenceData } from '../../src/server/seed/reference.js';
import { createServices } from '../../src/server/services.js';
import { openTestDatabase } from './test-database.js';

/** The admin token the test app accepts for writes. */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export type TestApp = {
  database: Database;
  services: ReturnType<typeof createServices>;
  /** Sends a request to the app in-process and returns the response. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GETs a path and parses the JSON body. */
  json<T = any>(path: string): Promise<{ status: number; body: T; headers: Headers }>;
  /** Sends a JSON body (with the admin token unless `token` is given) and parses the answer. */
  send<T = any>(
    method: string,
    path: string,
    body?: unknown,
    token?: string | null,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  close(): Promise<void>;
};

/** The API on a fresh database holding the reference data and the demo content. */
export async function createTestApp(options: { demo?: boolean } = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  await loadReferenceData(database.db);
  const services = createServices(database);
  if (options.demo !== false) {
    await loadDemoContent(database.db);
    await services.reindexAll();
  }
  const app = createApp({
    services,
    logger: createLogger('silent'),
    metrics: createMetrics(),
    version: 'test',
    adminToken: TEST_ADMIN_TOKEN,
  });
  const request = async (path: string, init?: RequestInit) => app.request(path, init);
  return {
    database,
    services,
    request,
    async json(path) {
      const response = await request(path);
      return { status: response.status, body: await response.json(), headers: response.headers };
    },
    async send(method, path, body, token = TEST_ADMIN_TOKEN) {
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await request(path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    },
    close: () => database.close(),
  };
}
