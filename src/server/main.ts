import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve } from '@hono/node-server';
import { createRequestHandler, type ServerBuild } from 'react-router';
import { createApp, type WebHandler } from './app.js';
import { prepareServices } from './bootstrap.js';
import { EnvError, loadEnv } from './env.js';
import { queuedJobs, recurringJobs } from './jobs/recurring.js';
import { startScheduler } from './jobs/scheduler.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { projectRoot, webBuildDir } from './paths.js';

/** Loads the React Router server build, if the web app has been built. */
async function loadWebHandler(): Promise<{ handler: WebHandler; clientDir: string } | undefined> {
  const serverEntry = join(webBuildDir, 'server/index.js');
  if (!existsSync(serverEntry)) return undefined;
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const handle = createRequestHandler(build, 'production');
  return { handler: (request, context) => handle(request, context), clientDir: join(webBuildDir, 'client') };
}

async function main() {
  let env: ReturnType<typeof loadEnv>;
  try {
    env = loadEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(env.LOG_LEVEL);
  const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    version: string;
  };
  const services = await prepareServices(env, logger);
  const { database } = services;
  const web = await loadWebHandler();
  if (!web) logger.warn('web build missing: serving the API only (run npm run build)');
  const app = createApp({
    services,
    logger,
    metrics: createMetrics(),
    web,
    version,
    trustProxy: env.TRUST_PROXY,
  });

  const scheduler = await startScheduler(database, recurringJobs(services), logger, queuedJobs(services));
  services.iatiImportJobs.connect((id) => scheduler.send('iati-import', { id }));

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, () => {
    logger.info({ database: database.kind, location: database.location }, 'Southbridge started');
    console.log(`Southbridge is running at ${env.BASE_URL}`);
    void announceFirstAdmin();
  });

  /** On an installation without an admin, prints the one-time link that creates the first one. */
  async function announceFirstAdmin() {
    const link = await services.invitations.firstAdminLink();
    if (!link) return;
    logger.info('no admin account yet: printed a one-time link to create the first admin');
    console.log(
      `\nNo admin account exists yet. Open this one-time link (valid 24 hours) to create it:\n  ${link}\n`,
    );
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    // Stop accepting connections; the callback runs once every open request has finished.
    server.close(async () => {
      await scheduler.stop();
      await database.close();
      logger.info('database closed; bye');
      process.exit(0);
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    setTimeout(() => {
      logger.error('requests still open after 10 s; exiting');
      process.exit(1);
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`Southbridge failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
