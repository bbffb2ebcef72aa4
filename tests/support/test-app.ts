import { randomBytes } from 'node:crypto';
import { createApp } from '../../src/server/app.js';
import type { Database } from '../../src/server/db/client.js';
import { createLogger } from '../../src/server/logger.js';
import { createMetrics } from '../../src/server/metrics.js';
import { loadDemoContent } from '../../src/server/seed/demo.js';
import { loadReferenceData } from '../../src/server/seed/reference.js';
import { createServices } from '../../src/server/services.js';
import { createAccount, type TestAccount } from './accounts.js';
import { openTestDatabase } from './test-database.js';

export type TestApp = {
  database: Database;
  services: ReturnType<typeof createServices>;
  /** Sends a request to the app in-process and returns the response. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** GETs a path and parses the JSON body. */
  json<T = any>(path: string): Promise<{ status: number; body: T; headers: Headers }>;
  /**
   * Sends a JSON body as `as` (a signed-in account, a raw Cookie header, or null for a visitor;
   * by default a secretariat account with 2FA) and parses the answer.
   */
  send<T = any>(
    method: string,
    path: string,
    body?: unknown,
    as?: TestAccount | string | null,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  /** GETs a path as an account (or visitor) and parses the JSON body. */
  jsonAs<T = any>(
    as: TestAccount | string | null,
    path: string,
  ): Promise<{ status: number; body: T; headers: Headers }>;
  /** The default secretariat account `send` uses, created on first use. */
  staff(): Promise<TestAccount>;
  close(): Promise<void>;
};

/** The API on a fresh database holding the reference data and the demo content. */
export async function createTestApp(
  options: { demo?: boolean; smtpUrl?: string; rateLimit?: boolean } = {},
): Promise<TestApp> {
  const database = await openTestDatabase();
  await loadReferenceData(database.db);
  const services = createServices(database, {
    authSecret: randomBytes(32).toString('hex'),
    baseUrl: 'http://localhost:3000',
    smtpUrl: options.smtpUrl,
    rateLimit: options.rateLimit,
  });
  if (options.demo !== false) {
    await loadDemoContent(database.db);
    await services.reindexAll();
  }
  const app = createApp({
    services,
    logger: createLogger('silent'),
    metrics: createMetrics(),
    version: 'test',
    // Tests play clients at different addresses through X-Forwarded-For (see accounts.ts).
    trustProxy: true,
  });
  const request = async (path: string, init?: RequestInit) => app.request(path, init);
  let staffAccount: Promise<TestAccount> | undefined;
  const cookieOf = async (as: TestAccount | string | null | undefined): Promise<string | null> =>
    as === null ? null : typeof as === 'string' ? as : (as ?? (await t.staff())).cookie;
  const t: TestApp = {
    database,
    services,
    request,
    async json(path) {
      const response = await request(path);
      return { status: response.status, body: await response.json(), headers: response.headers };
    },
    async jsonAs(as, path) {
      const cookie = await cookieOf(as);
      const response = await request(path, cookie ? { headers: { cookie } } : {});
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    },
    staff() {
      staffAccount ??= createAccount(t, 'secretariat');
      return staffAccount;
    },
    async send(method, path, body, as) {
      const headers: Record<string, string> =
        body === undefined ? {} : { 'content-type': 'application/json' };
      const cookie = await cookieOf(as);
      if (cookie) headers.cookie = cookie;
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
  return t;
}
