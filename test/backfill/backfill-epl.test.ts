import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, sharedDataDir } from '../../src/core/paths.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

/** Runs `scoreline <args>` (or the backfill script) and parses --json. */
function runCli(entry: string[], args: string[], databaseUrl: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...entry, ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SCORELINE_LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: undefined,
      SCORELINE_ROSTER: path.join(REPO_ROOT, 'roster.json'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  return new Promise<{ code: number | null; json: Record<string, unknown> }>(
    (resolve) =>
      child.on('close', (code) => resolve({ code, json: JSON.parse(stdout) })),
  );
}

const FROM = '2026-02-20';
const TO = '2026-03-05';
const AS_OF = '2026-03-06T00:00:00Z';

describe('backfill after a faulty replay of the real 2025-26 Premier League', () => {
  let database: TestDatabase;
  let replayGaps: { matchId: number; missing: number }[];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const data = sharedDataDir();
    const replay = await runCli(['src/cli/main.ts'], [
      'replay', '--from', FROM, '--to', TO, '--fail-rate', '0.3',
      '--seed', '7', '--json',
      '--import', path.join(data, 'openfootball/2025-26/en.1.json'),
      '--import', path.join(data, 'football-data/E0-2025-26.csv'),
    ], database.url!);
    expect(replay.code).toBe(0);
    replayGaps = replay.json.gaps as typeof replayGaps;
  }, 300_000);
  afterAll(async () => {
    await database?.close();
  });

  /** Finished matches of the replay window and their predictions. */
  async function windowState() {
    return queryRows<{ matches: number; predictions: number;
      unscored: number; models: number; retroactive: number }>(
      database.db,
      sql`select count(distinct m.id)::int as matches,
        count(p.id)::int as predictions,
        count(p.id) filter (where p.scored_at is null)::int as unscored,
        (select count(*)::int from models where active
          and disabled_at is null) as models,
        count(p.id) filter (where p.retroactive)::int as retroactive
      from matches m left join predictions p on p.match_id = m.id
      where m.kickoff >= ${FROM}::timestamptz
        and m.kickoff < ${AS_OF}::timestamptz
        and m.status = 'finished'`,
    );
  }

  it('repairs every gap in the window, and a second run finds none', async () => {
    // The replay left gaps for the backfill to repair.
    expect(replayGaps.length).toBeGreaterThan(0);
    const missing = replayGaps.reduce((sum, gap) => sum + gap.missing, 0);

    const first = await runCli(['scripts/backfill-retroactive-predictions.ts'],
      ['--as-of', AS_OF, '--days', '14', '--json'], database.url!);
    expect(first.code).toBe(0);
    expect(first.json).toMatchObject({
      gapsFound: replayGaps.length,
      predictionsAdded: missing,
      failed: [],
      skipped: [],
    });
    expect(
      (first.json.matches as { matchId: number }[]).map((m) => m.matchId)
        .sort((a, b) => a - b),
    ).toEqual(replayGaps.map((g) => g.matchId).sort((a, b) => a - b));

    // Every finished match now has a prediction of every active model,
    // all scored; the added ones are flagged retroactive.
    const [state] = await windowState();
    expect(state!.predictions).toBe(state!.matches * state!.models);
    expect(state!.unscored).toBe(0);
    expect(state!.retroactive).toBe(missing);

    const second = await runCli(['scripts/backfill-retroactive-predictions.ts'],
      ['--as-of', AS_OF, '--days', '14', '--json'], database.url!);
    expect(second.code).toBe(0);
    expect(second.json).toMatchObject({ gapsFound: 0, predictionsAdded: 0 });
  }, 300_000);
});
