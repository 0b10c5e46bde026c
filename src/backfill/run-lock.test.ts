import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import { BackfillRunningError } from './backfill-running-error.ts';
import { acquireDbRunLock, type RunLock } from './run-lock.ts';

/** Retries `take` until it succeeds: the wait for an expiry. */
async function eventually(take: () => Promise<RunLock>): Promise<RunLock> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await take();
    } catch (error) {
      if (!(error instanceof BackfillRunningError)) throw error;
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

describe.each(DATABASE_KINDS)('acquireDbRunLock on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('refuses a second holder and frees on release', async () => {
    const first = await acquireDbRunLock(database.db, 'backfill');
    const second = acquireDbRunLock(database.db, 'backfill');
    await expect(second).rejects.toThrow(/another backfill is running/);
    await expect(second).rejects.toMatchObject({ exitCode: 1 });
    await first.release();
    const third = await acquireDbRunLock(database.db, 'backfill');
    await third.release();
  });

  it('is taken over once a crashed holder lets it expire', async () => {
    // A holder that never refreshes nor releases: a crash.
    await acquireDbRunLock(database.db, 'crash', {
      ttlMs: 300, refreshMs: 3_600_000,
    });
    await expect(acquireDbRunLock(database.db, 'crash')).rejects.toThrow(
      BackfillRunningError,
    );
    const next = await eventually(() =>
      acquireDbRunLock(database.db, 'crash'));
    await next.release();
  });

  it('keeps a refreshed lock past its lifetime', async () => {
    const held = await acquireDbRunLock(database.db, 'long', {
      ttlMs: 400, refreshMs: 50,
    });
    const started = Date.now();
    while (Date.now() - started < 1200) {
      await expect(acquireDbRunLock(database.db, 'long')).rejects.toThrow(
        BackfillRunningError,
      );
      // Let the refresh timer run: PGlite answers without real I/O.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await held.release();
  });
});
