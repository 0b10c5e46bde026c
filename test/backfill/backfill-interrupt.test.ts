import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import {
  TEST_REDIS_URL,
  makeTestPrefix,
  removePrefix,
} from '../helpers/redis.ts';
import { predictionsOf } from './expect-scenario.ts';
import {
  SCENARIO_AS_OF,
  seedScenario,
  writeScenarioRoster,
  type Scenario,
} from './scenario.ts';
import { spawnWorker, type WorkerProcess } from './spawn-worker.ts';

describe('Ctrl+C during a backfill', () => {
  const prefix = makeTestPrefix('interrupt');
  let database: TestDatabase;
  let s: Scenario;
  let worker: WorkerProcess;
  const rosterDir = mkdtempSync(path.join(tmpdir(), 'scoreline-roster-'));
  const rosterFile = writeScenarioRoster(rosterDir);

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    s = await seedScenario(database.db);
    worker = await spawnWorker({
      BF_DATABASE_URL: database.url!, BF_REDIS_URL: TEST_REDIS_URL,
      BF_PREFIX: prefix, BF_PREDICTIONS_LATENCY_MS: '1500',
    });
  });
  afterAll(async () => {
    await worker?.stop();
    await removePrefix(prefix);
    await database?.close();
    rmSync(rosterDir, { recursive: true, force: true });
  });

  it('finishes the current match, prints a partial report, exits 130', async () => {
    const child = spawn(process.execPath, [
      '--import', 'tsx', 'scripts/backfill-retroactive-predictions.ts',
      '--as-of', SCENARIO_AS_OF.toISOString(), '--json',
    ], {
      cwd: REPO_ROOT,
      env: { ...process.env, SCORELINE_LOG_LEVEL: 'silent',
        DATABASE_URL: database.url!, REDIS_URL: TEST_REDIS_URL,
        SCORELINE_QUEUE_PREFIX: prefix, SCORELINE_ROSTER: rosterFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) =>
      child.on('close', (code) => resolve(code)));

    // Ctrl+C while the first match's predictions job runs.
    await worker.waitForLine(new RegExp(`^predicting ${s.finished}$`));
    child.kill('SIGINT');
    expect(await exited).toBe(130);

    const report = JSON.parse(stdout);
    expect(report.interrupted).toBe(true);
    expect(report.matches).toEqual([
      { matchId: s.finished, status: 'finished', predictionsBefore: 2,
        predictionsAfter: 4, outcome: 'repaired' },
      { matchId: s.live, status: 'live', predictionsBefore: 1,
        predictionsAfter: 1, outcome: 'not run' },
      { matchId: s.dueSoon, status: 'scheduled', predictionsBefore: 0,
        predictionsAfter: 0, outcome: 'not run' },
    ]);
    // The current match was finished, settlement included.
    expect(report.settlementJobs).toBe(1);
    expect((await predictionsOf(database.db, s.finished)).every(
      (p) => p.points !== null)).toBe(true);
    expect(await predictionsOf(database.db, s.dueSoon)).toEqual([]);
  });
});
