import { createApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { createLogger } from '../../src/server/logger.js';
import { createMetrics } from '../../src/server/metrics.js';
import { loadDemoContent } from '../../src/server/seed/demo.js';
import { loadReferenceData } from '../../src/server/seed/reference.js';
import { createServices } from '../../src/server/services.js';
import { openTestDatabase } from './test-database.js';

export type TestApp = {
  database: Database;
  services: ReturnType<typeof createServices>;
  /** Sends a request to the app in-process and returns the response. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GETs a path and parses the JSON body. */
  json<T = any>(path: string): Promise<{ status: number; body: T; headers: Headers }>;
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
    close: () => database.close(),
  };
}
