import { openDatabase, pgliteDirFor } from './db/client.js';
import type { Env } from './env.js';
import type { Logger } from './logger.js';
import { authSecret } from './modules/accounts/service.js';
import { isContentEmpty, loadDemoContent } from './seed/demo.js';
import { loadReferenceData } from './seed/reference.js';
import { createServices, type Services } from './services.js';

/**
 * Opens the configured database, migrates it, loads reference data and, if wanted, the demo
 * content, and makes sure the search index holds everything. Returns the wired services.
 */
export async function prepareServices(env: Env, logger: Logger): Promise<Services> {
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: pgliteDirFor(env.DATA_DIR) });
  try {
    await database.migrate();
    const reference = await loadReferenceData(database.db);
    if (reference.loaded) logger.info({ counts: reference.counts }, 'reference data loaded');
    const services = createServices(database, {
      baseUrl: env.BASE_URL,
      authSecret: await authSecret(database.db, env.AUTH_SECRET),
      smtpUrl: env.SMTP_URL,
      mailFrom: env.MAIL_FROM,
      logger,
    });
    const wantsDemo = env.SEED_DEMO === 'auto' ? await isContentEmpty(database.db) : env.SEED_DEMO;
    if (wantsDemo) {
      const counts = await database.db.transaction(async (tx) => {
        const loaded = await loadDemoContent(tx);
        await services.reindexAll(tx);
        return loaded;
      });
      logger.info({ counts }, 'demo content loaded and indexed');
    } else if (await services.needsReindex()) {
      logger.info({ documents: await services.reindexAll() }, 'search index rebuilt');
    }
    return services;
  } catch (error) {
    await database.close();
    throw error;
  }
}
