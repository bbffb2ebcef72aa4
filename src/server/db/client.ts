import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { migrationsDir } from '../paths.js';
import * as schema from './schema/index.js';

/** The Drizzle database both drivers expose; services only ever see this type. */
export type Db = ReturnType<typeof drizzlePglite<typeof schema>>;
/** A transaction handle, usable wherever a Db is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for the start-up log line (never includes a password). */
  location: string;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  /**
   * Runs one raw SQL text for the job queue (pg-boss): parameter-free text may hold several
   * statements. Returns the rows of the last statement.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
};

export type DatabaseOptions = {
  /** A postgres:// URL; when absent PGlite is used. */
  url?: string;
  /** PGlite folder; `memory://` for an in-memory database. */
  pgliteDir?: string;
};

/** Opens PGlite (the embedded default) or a PostgreSQL pool, with the same schema and migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openPostgres(options.url);
  return openPglite(options.pgliteDir ?? 'memory://');
}

/** The PGlite folder inside DATA_DIR. */
export function pgliteDirFor(dataDir: string): string {
  return join(resolve(dataDir), 'pglite');
}

async function openPglite(dir: string): Promise<Database> {
  const isMemory = dir.startsWith('memory://');
  if (!isMemory) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(isMemory ? undefined : dir, { extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema });
  return {
    db,
    kind: 'pglite',
    location: isMemory ? 'memory' : dir,
    async migrate() {
      await client.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await migratePglite(db, { migrationsFolder: migrationsDir });
    },
    async ping() {
      await client.query('SELECT 1');
    },
    async executeSql(text, values) {
      if (values?.length) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // Surface pool errors in the logs instead of crashing on an idle-client error.
  pool.on('error', (error) => console.error(`PostgreSQL pool error: ${error.message}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const parsed = new URL(url);
  parsed.password = '';
  return {
    db,
    kind: 'postgres',
    location: `${parsed.host}${parsed.pathname}`,
    async migrate() {
      await db.execute(sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
      await migratePg(db as never, { migrationsFolder: migrationsDir });
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async executeSql(text, values) {
      return { rows: (await pool.query(text, values as unknown[] | undefined)).rows };
    },
    async close() {
      await pool.end();
    },
  };
}

/** Rows of a raw `db.execute` result, which PGlite and node-postgres both return as `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
