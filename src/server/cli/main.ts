import { openDatabase, pgliteDirFor } from '../db/client.js';
import { EnvError, loadEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { loadDemoContent } from '../seed/demo.js';
import { loadReferenceData } from '../seed/reference.js';
import { createServices } from '../services.js';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate            apply database migrations
  seed               load reference data and the demo content (idempotent)
  seed reference     load reference data only (forces a reload)
  reindex            rebuild the search index from every searchable record
  help               show this help

The database is PGlite in DATA_DIR, or PostgreSQL when DATABASE_URL is set.`;

async function run(args: string[]): Promise<number> {
  const [command, sub] = args;
  if (!command || command === 'help' || command === '--help') {
    console.log(USAGE);
    return command ? 0 : 1;
  }
  const env = loadEnv();
  const logger = createLogger(env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL);
  const database = await openDatabase({ url: env.DATABASE_URL, pgliteDir: pgliteDirFor(env.DATA_DIR) });
  try {
    switch (command) {
      case 'migrate':
        await database.migrate();
        console.log(`Migrated ${database.kind} database (${database.location}).`);
        return 0;
      case 'seed': {
        await database.migrate();
        const reference = await loadReferenceData(database.db, { force: sub === 'reference' });
        console.log(
          reference.loaded
            ? `Reference data: ${JSON.stringify(reference.counts)}`
            : 'Reference data unchanged.',
        );
        if (sub !== 'reference')
          console.log(`Demo content: ${JSON.stringify(await loadDemoContent(database.db))}`);
        return 0;
      }
      default:
        logger.error({ command }, 'unknown command');
        console.error(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof EnvError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
