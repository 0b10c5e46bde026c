// A backfill started without REDIS_URL (embedded processors) on the same
// PostgreSQL database while a Redis-mode backfill runs is refused: the run
// lock is in the database's run_locks table in both modes. PRODUCT.md: a
// second backfill started at the same time refuses to run rather than
// doubling work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { makeTestPrefix, removePrefix, TEST_REDIS_URL } from '../helpers/redis.ts';
import {
  PREMIER_LEAGUE_FILES,
  runCli,
  startFakeLlm,
  writeEloAndLlmRoster,
} from '../helpers/cli-process.ts';

describe('two backfills on one database, one with Redis and one without', () => {
  let db: TestDatabase;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let roster: string;
  let rosterFile: ReturnType<typeof writeEloAndLlmRoster>;
  const prefix = makeTestPrefix('lock-modes');
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    llm = await startFakeLlm();
    rosterFile = writeEloAndLlmRoster(
      `http://127.0.0.1:${llm.port}/ok/3000/v1`, 20000,
    );
    roster = rosterFile.file;
    const imported = await runCli(['import', ...PREMIER_LEAGUE_FILES], {
      DATABASE_URL: db.url ?? undefined, SCORELINE_ROSTER: roster,
    }, 60_000);
    expect(imported.code).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await llm.close();
    rosterFile?.remove();
    await db.close();
    await removePrefix(prefix);
  });

  it('the second one refuses to start', async () => {
    const args = ['backfill', '--json', '--as-of', '2025-08-20T00:00:00Z',
      '--days', '5', '--competition', 'en.1'];
    const env = { DATABASE_URL: db.url ?? undefined, SCORELINE_ROSTER: roster };
    let planned!: () => void;
    const plannedPromise = new Promise<void>((resolve) => (planned = resolve));
    const first = runCli([...args, '--with-workers'], {
      ...env, REDIS_URL: TEST_REDIS_URL, SCORELINE_QUEUE_PREFIX: prefix,
    }, 150_000, (text) => { if (text.includes('backfill plan ready')) planned(); });
    await plannedPromise;
    const second = await runCli(args, env, 150_000);
    await first;
    expect(second.code).not.toBe(0);
    expect(second.stderr).toMatch(/another backfill is running/);
  }, 240_000);
});
