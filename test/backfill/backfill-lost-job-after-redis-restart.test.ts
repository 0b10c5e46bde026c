// Redis restarting empty during a backfill: the run lock is in the
// database, so a second backfill started then is still refused; the
// running one notices at once that the job it waits for vanished with
// Redis, reports it as lost for that match and goes on with the next
// (instead of waiting the stage's 300 s timeout).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { freePort, startOwnRedis, type OwnRedis } from './own-redis.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import { runCli, startFakeLlm } from '../helpers/cli-process.ts';

const PREMIER_LEAGUE_FILES = ['2024-25', '2025-26'].map((season) =>
  path.join(sharedDataDir(), 'openfootball', season, 'en.1.json'));

describe('a backfill across a Redis restart', () => {
  let db: TestDatabase;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let redis: OwnRedis;
  let port: number;
  let roster: string;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    llm = await startFakeLlm();
    port = await freePort();
    redis = await startOwnRedis(port);
    const dir = mkdtempSync(path.join(tmpdir(), 'relock-'));
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
    await redis.stop();
    await llm.close();
    await db.close();
  });

  it('refuses a second backfill and reports the vanished job as lost', async () => {
    const args = ['backfill', '--json', '--as-of', '2025-09-01T00:00:00Z',
      '--days', '11', '--competition', 'en.1'];
    const env = {
      DATABASE_URL: db.url ?? undefined,
      SCORELINE_ROSTER: roster,
      REDIS_URL: redis.url,
      SCORELINE_QUEUE_PREFIX: 'relock',
    };
    let planned!: () => void;
    const plannedPromise = new Promise<void>((resolve) => (planned = resolve));
    const first = runCli([...args, '--with-workers'], env, 150_000, (text) => {
      if (text.includes('backfill plan ready')) planned();
    });
    await plannedPromise;
    await new Promise((resolve) => setTimeout(resolve, 4000));
    await redis.stop();
    redis = await startOwnRedis(port);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const second = await runCli(args, env, 20_000);
    expect(second.stderr).toMatch(/another backfill is running/);
    expect(second.code).not.toBe(0);

    const ended = await first;
    // Killed by the 150 s guard = it waited out the 300 s stage timeout.
    expect(ended.signal).toBeNull();
    const report = JSON.parse(ended.stdout) as {
      failed: { matchId: number; stage: string; reason: string }[];
    };
    // The job waited on at the restart is reported lost, and only it.
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.reason).toMatch(/vanished from the queue/);
  }, 240_000);
});
