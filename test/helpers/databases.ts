import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { openDatabase, type Database } from '../../src/db/open-database.ts';

/** The server the tests use: the local PostgreSQL, trust auth. */
export const TEST_POSTGRES_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export const DATABASE_KINDS = ['postgres', 'pglite'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

export interface TestDatabase extends Database {
  /** The PostgreSQL URL of the fresh database (null for PGlite). */
  url: string | null;
}

/**
 * A fresh, migrated database of the given kind: a new PostgreSQL database
 * on the local server (dropped on close) or an in-memory PGlite.
 */
export async function openTestDatabase(
  kind: DatabaseKind,
): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({
      dataDir: 'memory://',
      pgliteTemplate: await migratedPgliteTemplate(),
    });
    return { ...database, url: null };
  }
  const name = `scoreline_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = withDatabase(TEST_POSTGRES_URL, name);
  const database = await openDatabase({ url });
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** A fresh, empty PostgreSQL database without migrations; returns its URL. */
export async function createEmptyPostgresDatabase(): Promise<{
  url: string;
  drop: () => Promise<void>;
}> {
  const name = `scoreline_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  return {
    url: withDatabase(TEST_POSTGRES_URL, name),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

let template: Promise<Blob> | undefined;

/**
 * A dump of a freshly migrated PGlite, kept in the temp folder under a hash
 * of the migrations: starting from it takes a fraction of a second, where
 * creating and migrating an empty PGlite takes seconds.
 */
function migratedPgliteTemplate(): Promise<Blob> {
  template ??= loadOrMakeTemplate();
  return template;
}

async function loadOrMakeTemplate(): Promise<Blob> {
  const folder = path.join(REPO_ROOT, 'drizzle');
  const hash = createHash('sha256');
  for (const name of readdirSync(folder).sort()) {
    if (name.endsWith('.sql')) hash.update(readFileSync(path.join(folder, name)));
  }
  const file = path.join(
    tmpdir(),
    `scoreline-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`,
  );
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    const fresh = await openDatabase({ dataDir: 'memory://' });
    const dump = await fresh.dump!();
    await fresh.close();
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
    return new Blob([readFileSync(file)]);
  }
}
