import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { ConfigError, ConnectionError, messageOf } from '../core/errors.ts';
import { assertDatabaseUrl } from './assert-database-url.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { prepareDataDir } from './prepare-data-dir.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;

/**
 * The database handle every module uses. PostgreSQL and PGlite both give
 * one; the rest of the code cannot tell which it got.
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Where the data lives: the URL without password, or the folder. */
  location: string;
  /** PGlite only: a dump of the whole data folder. */
  dump?: () => Promise<Blob | File>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL URL; default `DATABASE_URL`. Without one, PGlite is used. */
  url?: string;
  /**
   * PGlite folder; default `SCORELINE_DATA_DIR`, else `./data`. The string
   * `memory://` keeps the database in memory (tests).
   */
  dataDir?: string;
  /** Run migrations before returning (default true). */
  migrate?: boolean;
  /**
   * PGlite only: start from this dump of a data folder (made with
   * `dumpPglite`) instead of an empty one. Tests use a migrated template.
   */
  pgliteTemplate?: Blob;
  /**
   * PostgreSQL only: how long to wait for a connection to be ready before
   * giving up; default `SCORELINE_DB_CONNECT_TIMEOUT_MS`, else 10 000 ms.
   */
  connectTimeoutMs?: number;
}

/** The default wait for a PostgreSQL connection. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Any number fits; it only has to be the same in every process. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Opens the database: PostgreSQL when a URL is given or `DATABASE_URL` is
 * set, otherwise an embedded PGlite database in a local folder. Migrations
 * run on open and are safe when two processes open at once.
 */
export async function openDatabase(
  options: OpenDatabaseOptions = {},
): Promise<Database> {
  const url = options.url ?? process.env.DATABASE_URL;
  const shouldMigrate = options.migrate ?? true;
  if (url) {
    assertDatabaseUrl(url);
    const timeout = options.connectTimeoutMs ?? connectTimeoutFromEnv();
    return openPostgres(url, shouldMigrate, timeout);
  }
  const dataDir =
    options.dataDir ?? process.env.SCORELINE_DATA_DIR ?? './data';
  return openPglite(dataDir, shouldMigrate, options.pgliteTemplate);
}

/**
 * `SCORELINE_DB_CONNECT_TIMEOUT_MS`: a positive whole number of
 * milliseconds, default DEFAULT_CONNECT_TIMEOUT_MS.
 */
export function connectTimeoutFromEnv(
  text: string | undefined = process.env.SCORELINE_DB_CONNECT_TIMEOUT_MS,
): number {
  if (text === undefined || text === '') return DEFAULT_CONNECT_TIMEOUT_MS;
  const ms = /^[0-9]{1,9}$/.test(text) ? Number(text) : 0;
  if (ms < 1) {
    throw new ConfigError(
      `SCORELINE_DB_CONNECT_TIMEOUT_MS is '${text}'; set it to a positive number of milliseconds or unset it for ${DEFAULT_CONNECT_TIMEOUT_MS}`,
    );
  }
  return ms;
}

async function openPostgres(
  url: string,
  shouldMigrate: boolean,
  connectTimeoutMs: number,
): Promise<Database> {
  const location = redactUrl(url);
  // Without a timeout, a server that accepts and never answers (a wrong
  // service, a stuck proxy) hangs the process for ever. The timeout is set
  // on each new client, not on the pool: the pool's would also fail a
  // query that waits for a free client while the pool is busy. The wait
  // for the migration lock has none on purpose: another process may be
  // migrating.
  class TimedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      const base =
        typeof config === 'string' ? { connectionString: config } : config;
      super({ ...base, connectionTimeoutMillis: connectTimeoutMs });
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    Client: TimedClient,
  });
  // An idle client that loses its server must not crash the process.
  pool.on('error', () => undefined);

  try {
    const client = await pool.connect();
    try {
      if (shouldMigrate) {
        await client.query('select pg_advisory_lock($1)', [
          MIGRATION_LOCK_KEY,
        ]);
        try {
          await migratePg(drizzlePg(client, { schema }), {
            migrationsFolder: MIGRATIONS,
          });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [
            MIGRATION_LOCK_KEY,
          ]);
        }
      }
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new ConnectionError(
      'database',
      `cannot open PostgreSQL at ${location}: ${messageOf(error)}; check DATABASE_URL and that the server is running`,
      { cause: error },
    );
  }

  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location,
    close: () => pool.end(),
  };
}

async function openPglite(
  dataDir: string,
  shouldMigrate: boolean,
  template: Blob | undefined,
): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const location = inMemory ? dataDir : path.resolve(dataDir);
  let releaseLock = () => undefined as void;
  if (!inMemory) {
    prepareDataDir(location);
    releaseLock = acquireDataDirLock(location);
  }

  let client: PGlite;
  try {
    client = await PGlite.create({
      dataDir: inMemory ? undefined : location,
      loadDataDir: template,
    });
    if (shouldMigrate) {
      await migratePglite(drizzlePglite(client, { schema }), {
        migrationsFolder: MIGRATIONS,
      });
    }
  } catch (error) {
    releaseLock();
    throw new ConnectionError(
      'database',
      `cannot open the embedded database in ${location}: ${messageOf(error)}; remove the folder or set SCORELINE_DATA_DIR to another one`,
      { cause: error },
    );
  }

  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location,
    dump: () => client.dumpDataDir('none'),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
