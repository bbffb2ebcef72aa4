import { type Database, openDatabase, pgliteDirFor } from '../db/client.js';
import type { Env } from '../env.js';
import { loadEnv } from '../env.js';
import { createLogger } from '../logger.js';
import { authSecret } from '../modules/accounts/service.js';
import { loadDemoContent } from '../seed/demo.js';
import { loadReferenceData } from '../seed/reference.js';
import { createServices } from '../services.js';
import { importCommand } from './import.js';
import { importIatiCommand } from './import-iati.js';
import { userCommand } from './users.js';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate            apply database migrations
  seed               load reference data and the demo content (idempotent)
  seed reference     load reference data only (forces a reload)
  reindex            rebuild the search index from every searchable record
  import solutions FILE [--dry-run] [--publish]
                     import solutions from a JSON array or a CSV file, idempotent on each
                     row's key (or language + title + provider); reports every invalid row
  import iati FILE...
                     import IATI 2.01–2.03 activity files into projects, each activity whole
                     or not at all, idempotent on iati-identifier; reports every refused
                     activity with its line
  user create --email E --role R [--org SLUG] [--lang xx]
                     invite an account (member, org_admin, secretariat or admin) and
                     print its one-time link; the invitation email is sent too
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
        if (sub !== 'reference') {
          const services = await servicesFor(database, env);
          const counts = await database.db.transaction(async (tx) => {
            const loaded = await loadDemoContent(tx);
            await services.reindexAll(tx);
            return loaded;
          });
          console.log(`Demo content: ${JSON.stringify(counts)} (indexed for search)`);
        }
        return 0;
      }
      case 'reindex': {
        await database.migrate();
        const started = performance.now();
        const count = await (await servicesFor(database, env)).reindexAll();
        console.log(`Indexed ${count} records in ${Math.round(performance.now() - started)} ms.`);
        return 0;
      }
      case 'import': {
        if (sub === 'iati') {
          const files = args.slice(2);
          if (files.length === 0) {
            console.error('Usage: npm run cli -- import iati FILE...');
            return 2;
          }
          await database.migrate();
          await loadReferenceData(database.db);
          return await importIatiCommand(await servicesFor(database, env), files);
        }
        const file = args[2];
        if (sub !== 'solutions' || !file) {
          console.error('Usage: npm run cli -- import solutions FILE [--dry-run] [--publish]');
          return 2;
        }
        await database.migrate();
        await loadReferenceData(database.db);
        return await importCommand(await servicesFor(database, env), file, {
          dryRun: args.includes('--dry-run'),
          publish: args.includes('--publish'),
        });
      }
      case 'user': {
        await database.migrate();
        await loadReferenceData(database.db);
        return await userCommand(await servicesFor(database, env), args.slice(1));
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

/** The services as the server wires them, so the CLI sends the same emails and audit entries. */
async function servicesFor(database: Database, env: Env) {
  return createServices(database, {
    baseUrl: env.BASE_URL,
    authSecret: await authSecret(database.db, env.AUTH_SECRET),
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
  });
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const cause =
      error instanceof Error && error.cause instanceof Error ? `\n  cause: ${error.cause.message}` : '';
    console.error(`${error instanceof Error ? error.message : String(error)}${cause}`);
    process.exit(1);
  },
);
