// A backfill started without REDIS_URL (embedded processors) on the same
// PostgreSQL database while a Redis-mode backfill runs is refused: the run
// lock is in the database's run_locks table in both modes. PRODUCT.md: a
// second backfill started at the same time refuses to run rather than
// doubling work.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { makeTestPrefix, removePrefix, TEST_REDIS_URL } from '../helpers/redis.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import { runCli, startFakeLlm } from '../helpers/cli-process.ts';

const PREMIER_LEAGUE_FILES = ['2024-25', '2025-26'].map((season) =>
  path.join(sharedDataDir(), 'openfootball', season, 'en.1.json'));

describe('two backfills on one database, one with Redis and one without', () => {
  let db: TestDatabase;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let roster: string;
  const prefix = makeTestPrefix('lock-modes');
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    llm = await startFakeLlm();
    const dir = mkdtempSync(path.join(tmpdir(), 'lock-modes-'));
    roster = path.join(dir, 'roster.json');
    writeFileSync(roster, JSON.stringify({
      providers: [{ id: 'slow', baseUrl: `http://127.0.0.1:${llm.port}/ok/3000/v1`, timeoutMs: 20000 }],
      models: [
        { id: 'elo', provider: 'baseline', model: 'elo', displayName: 'Elo' },
        { id: 'slow-llm', provider: 'slow', model: 's', displayName: 'Slow' },
      ],
    }));
    const imported = await runCli(['import', ...PREMIER_LEAGUE_FILES], {
      DATABASE_URL: db.url ?? undefined, SCORELINE_ROSTER: roster,
    }, 60_000);
    expect(imported.code).toBe(0);
  }, 90_000);
  afterAll(async () => {
    await llm.close();
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
