import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import {
  makeTestPrefix,
  removePrefix,
  TEST_REDIS_URL,
} from '../helpers/redis.ts';
import {
  hasAnalysisRow,
  matchIdOf,
  replayEnv,
  ROSTER_JSON,
  scoresOf,
  seedUnitedSeason,
  WINDOW_ARGS,
  WINDOW_FIXTURES,
} from './api-football-end-to-end.ts';
import { archiveHandler } from './fixture-archive.ts';
import { loadRecordedResponses } from './recorded-responses.ts';
import { startReplayServer, type ReplayServer } from './replay-server.ts';

const rosterDir = mkdtempSync(path.join(tmpdir(), 'scoreline-roster-'));
const rosterFile = path.join(rosterDir, 'roster.json');
writeFileSync(rosterFile, JSON.stringify(ROSTER_JSON));

function spawnCommand(
  args: string[],
  env: Record<string, string>,
): { child: ChildProcess; stdout: () => string; stderr: () => string } {
  const child = spawn(process.execPath, ['bin/scoreline.js', ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SCORELINE_LOG_LEVEL: 'info',
      SCORELINE_ROSTER: rosterFile,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return { child, stdout: () => stdout, stderr: () => stderr };
}

const exitOf = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

describe('backfill on BullMQ, a scoreline worker in another process', () => {
  const prefix = makeTestPrefix('api-football');
  let database: TestDatabase;
  let server: ReplayServer;
  let worker: ReturnType<typeof spawnCommand> | null = null;
  const env = () => ({
    DATABASE_URL: database.url!,
    REDIS_URL: TEST_REDIS_URL,
    SCORELINE_QUEUE_PREFIX: prefix,
    ...replayEnv(server.baseUrl, 14),
  });

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await seedUnitedSeason(database.db);
    server = await startReplayServer(
      loadRecordedResponses(),
      archiveHandler(),
    );
    worker = spawnCommand(['worker'], env());
    const started = worker;
    await new Promise<void>((resolve, reject) => {
      const onData = () => {
        if (started.stderr().includes('worker started')) resolve();
      };
      started.child.stderr!.on('data', onData);
      started.child.once('exit', (code) =>
        reject(new Error(`worker exited with ${code}: ${started.stderr()}`)));
    });
  }, 60_000);

  afterAll(async () => {
    if (worker && worker.child.exitCode === null) {
      worker.child.kill('SIGTERM');
      await exitOf(worker.child);
    }
    await removePrefix(prefix);
    await server?.close();
    await database?.close();
    rmSync(rosterDir, { recursive: true, force: true });
  });

  it('analyses from API-Football in the worker and stops at the budget',
    async () => {
      const run = spawnCommand(['backfill', ...WINDOW_ARGS], env());
      const code = await exitOf(run.child);
      expect(code).toBe(3);
      expect(run.stdout()).toContain(
        'stopped early: today\'s API-Football requests are used up (14 spent of a budget of 14',
      );
      // The worker made every request: the backfill process none.
      expect(server.received).toHaveLength(14);
      const chelsea = await matchIdOf(database.db, WINDOW_FIXTURES.chelsea);
      const brentford = await matchIdOf(database.db,
        WINDOW_FIXTURES.brentford);
      expect(await scoresOf(database.db, chelsea)).toEqual([
        ['m1', 2, 0], ['m2', 2, 0],
      ]);
      expect(await hasAnalysisRow(database.db, brentford)).toBe(false);
      expect(run.stdout()).toMatch(new RegExp(
        `failed match ${brentford} \\(analysis\\): job failed: today's api-football budget of 14 requests`,
      ));
    }, 120_000);
});
