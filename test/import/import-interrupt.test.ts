/**
 * Ctrl+C during an import: the import stops, rolls back, and the command
 * exits 130 with one line saying nothing was imported.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { REPO_ROOT, sharedDataDir } from '../../src/core/paths.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { ImportInterruptedError } from '../../src/import/import-interrupted-error.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { waitUntil } from '../pipeline/wait-until.ts';

const logger = makeLogger('silent');
const E0 = path.join(sharedDataDir(), 'football-data', 'E0-2024-25.csv');

describe.each(DATABASE_KINDS)('an aborted import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  const counts = async () => (await queryRows(database.db, sql`
    select (select count(*)::int from matches) as matches,
      (select count(*)::int from teams) as teams,
      (select count(*)::int from competitions) as competitions`))[0];

  it('does not start when the signal is aborted already', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(importFiles(database.db, [E0], logger, undefined,
      controller.signal)).rejects.toThrow(ImportInterruptedError);
    expect(await counts()).toEqual({ matches: 0, teams: 0, competitions: 0 });
  });

  it('rolls back what it wrote when aborted in the transaction', async () => {
    // The clock is read once the teams are written: abort right then.
    const controller = new AbortController();
    const clock: Clock = {
      now: () => {
        controller.abort();
        return new Date('2026-12-01T10:00:00Z');
      },
    };
    const error = await importFiles(database.db, [E0], logger, clock,
      controller.signal).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportInterruptedError);
    expect(error).toMatchObject({ exitCode: 130,
      message: 'import interrupted (Ctrl+C); nothing was imported, the database is as it was' });
    expect(await counts()).toEqual({ matches: 0, teams: 0, competitions: 0 });
  });
});

describe('Ctrl+C during scoreline import', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'scoreline-sigint-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('exits 130 with one line instead of finishing the import', async () => {
    const dataDir = path.join(root, 'db');
    // Embedded (PGlite) in its own folder, whatever the environment says.
    const { DATABASE_URL: _url, ...env } = process.env;
    const child = spawn(process.execPath,
      [path.join(REPO_ROOT, 'bin', 'scoreline.js'), 'import',
        sharedDataDir()], {
        cwd: REPO_ROOT,
        env: { ...env, SCORELINE_DATA_DIR: dataDir,
          SCORELINE_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const closed = new Promise<number | null>((resolve) =>
      child.on('close', resolve));
    // The lock file appears once the command opens the database.
    const lock = path.join(dataDir, 'scoreline.lock');
    await waitUntil(async () => existsSync(lock), 60_000);
    child.kill('SIGINT');
    expect(await closed).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe('scoreline: import interrupted (Ctrl+C); nothing was imported, the database is as it was\n');
  }, 120_000);
});
