// Redis restarting empty during a backfill: the run lock is in the
// database, so a second backfill started then is still refused; the
// running one notices at once that the job it waits for vanished with
// Redis, reports it as lost for that match and goes on with the next
// (instead of waiting the stage's 300 s timeout).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { freePort, startOwnRedis, type OwnRedis } from './own-redis.ts';
import {
  PREMIER_LEAGUE_FILES,
  runCli,
  startFakeLlm,
  writeEloAndLlmRoster,
} from '../helpers/cli-process.ts';

describe('a backfill across a Redis restart', () => {
  let db: TestDatabase;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let redis: OwnRedis;
  let port: number;
  let roster: string;
  let rosterFile: ReturnType<typeof writeEloAndLlmRoster>;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    llm = await startFakeLlm();
    port = await freePort();
    redis = await startOwnRedis(port);
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
    await redis.stop();
    await llm.close();
    rosterFile?.remove();
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
    // The jobs in flight at the restart (one, or two when a match ended
    // just then on a loaded machine) are reported, and nothing else: a
    // lost predictions job as vanished, a lost settlement job by the
    // predictions it left unscored (the schedule settles those later).
    expect(report.failed.length).toBeGreaterThanOrEqual(1);
    expect(report.failed.length).toBeLessThanOrEqual(2);
    expect(report.failed.some((f) => /vanished from the queue/.test(f.reason)))
      .toBe(true);
    for (const failure of report.failed) {
      expect(failure.reason).toMatch(
        /vanished from the queue|not re-scored by the settlement/);
    }
  }, 240_000);
});
