import { type Database, openDatabase, pgliteDirFor } from './db/client.js';
import type { Env } from './env.js';
import type { Logger } from './logger.js';
import { isContentEmpty, loadDemoContent } from './seed/demo.js';
import { loadReferenceData } from './seed/reference.js';

/** Opens the configured database, migrates it, loads reference data and, if wanted, the demo content. */
export async function prepareDatabase(env: Env, logger: Logger): Promise<Database> {
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: pgliteDirFor(env.DATA_DIR) });
  try {
    await database.migrate();
    const reference = await loadReferenceData(database.db);
    if (reference.loaded) logger.info({ counts: reference.counts }, 'reference data loaded');
    const wantsDemo = env.SEED_DEMO === 'auto' ? await isContentEmpty(database.db) : env.SEED_DEMO;
    if (wantsDemo) logger.info({ counts: await loadDemoContent(database.db) }, 'demo content loaded');
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
