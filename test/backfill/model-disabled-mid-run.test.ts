// A model auto-disabled during a backfill (after
// SCORELINE_MAX_CONSECUTIVE_FAILURES failures in a row) is no longer
// missing: the later matches skip it instead of failing for it, and the
// run ends with 0 when no active model lacks a prediction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { PREMIER_LEAGUE_FILES, runCli, startFakeLlm, writeEloAndLlmRoster } from '../helpers/cli-process.ts';

describe('a model disabled during a backfill', () => {
  let db: TestDatabase;
  let llm: Awaited<ReturnType<typeof startFakeLlm>>;
  let roster: string;
  let rosterFile: ReturnType<typeof writeEloAndLlmRoster>;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
    llm = await startFakeLlm();
    rosterFile = writeEloAndLlmRoster(
      `http://127.0.0.1:${llm.port}/500/v1`, 5000,
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
  });

  it('does not fail the later matches for the disabled model', async () => {
    const env = {
      DATABASE_URL: db.url ?? undefined,
      SCORELINE_ROSTER: roster,
      SCORELINE_MAX_CONSECUTIVE_FAILURES: '1',
    };
    // 2025-08-15 to 2025-08-17: four Premier League matches.
    const exit = await runCli(
      ['backfill', '--json', '--as-of', '2025-08-17T00:00:00Z', '--days', '3',
        '--competition', 'en.1'], env, 170_000);
    expect(exit.signal).toBeNull();
    const report = JSON.parse(exit.stdout) as {
      gapsFound: number;
      failed: { matchId: number; reason: string }[];
    };
    expect(report.gapsFound).toBeGreaterThan(1);
    const dry = await runCli(['backfill', '--dry-run', '--json', '--as-of',
      '2025-08-17T00:00:00Z', '--days', '3', '--competition', 'en.1'], env);
    expect(JSON.parse(dry.stdout).gapsFound).toBe(0);
    // The first failure disables the model; the retry of that job skips
    // it, so no match fails for it.
    expect(report.failed).toEqual([]);
    expect(exit.code).toBe(0);
  }, 240_000);
});
