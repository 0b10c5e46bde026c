import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
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
import {
  errorBody,
  startReplayServer,
  type ReplayServer,
} from './replay-server.ts';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

const rosterDir = mkdtempSync(path.join(tmpdir(), 'scoreline-roster-'));
const rosterFile = path.join(rosterDir, 'roster.json');
writeFileSync(rosterFile, JSON.stringify(ROSTER_JSON));

/** `scoreline backfill` in its own process, embedded stages. */
function runBackfillCommand(
  env: Record<string, string>,
  extraArgs: string[] = [],
): Promise<Exit> {
  const child = spawn(
    process.execPath,
    ['bin/scoreline.js', 'backfill', ...WINDOW_ARGS, ...extraArgs],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        REDIS_URL: undefined,
        SCORELINE_LOG_LEVEL: 'warn',
        SCORELINE_ROSTER: rosterFile,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('scoreline backfill with SCORELINE_SOURCE=api-football', () => {
  let database: TestDatabase;
  let server: ReplayServer;
  /** From this request on (counted over the server's life), quota error. */
  let quotaFrom = Infinity;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await seedUnitedSeason(database.db);
    const archive = archiveHandler();
    server = await startReplayServer(loadRecordedResponses(), (request) =>
      server.received.length >= quotaFrom
        ? { body: errorBody(request.endpoint, {
            requests: 'You have reached the request limit for the day',
          }) }
        : archive(request));
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await database?.close();
    rmSync(rosterDir, { recursive: true, force: true });
  });

  it('says in a dry run how many requests the plan needs, and asks nothing', async () => {
    const env = { DATABASE_URL: database.url!, ...replayEnv(server.baseUrl, 25) };
    const text = await runBackfillCommand(env, ['--dry-run']);
    expect(text.code).toBe(0);
    // Three matches without analysis, 1 + 9 requests each, 25 left.
    expect(text.stdout).toContain(
      'API-Football requests: at most 30 needed, 25 left today for the backfill (more than is left',
    );
    const json = await runBackfillCommand(env, ['--dry-run', '--json']);
    expect(JSON.parse(json.stdout).sourceRequests).toEqual({
      needed: 30, remaining: 25,
    });
    expect(server.received).toHaveLength(0);
  });

  it('stops when the provider says the quota is used up, exit 3', async () => {
    // The first match takes 10 requests; the 12th is refused.
    quotaFrom = 12;
    const result = await runBackfillCommand({
      DATABASE_URL: database.url!, ...replayEnv(server.baseUrl, 500),
    });
    expect(result.code).toBe(3);
    // The quota counts the whole day (500) as spent, for every process.
    expect(result.stdout).toContain(
      'stopped early: today\'s API-Football requests are used up (500 spent of a budget of 500',
    );
    const brentford = await matchIdOf(database.db, WINDOW_FIXTURES.brentford);
    expect(result.stdout).toMatch(new RegExp(
      `failed match ${brentford} \\(analysis\\): job failed: API-Football's daily request quota is used up`,
    ));
    expect(server.received).toHaveLength(12);
    expect(await hasAnalysisRow(database.db, brentford)).toBe(false);
    expect(result.stderr).not.toMatch(/test-key/);
  });

  it('asks nothing while the day is spent, then repairs the rest', async () => {
    quotaFrom = Infinity;
    const spent = await runBackfillCommand({
      DATABASE_URL: database.url!, ...replayEnv(server.baseUrl, 500),
    });
    expect(spent.code).toBe(3);
    expect(spent.stdout).toContain('stopped early:');
    expect(server.received).toHaveLength(12);

    // A larger budget leaves room past the provider's spent 500.
    const result = await runBackfillCommand({
      DATABASE_URL: database.url!, ...replayEnv(server.baseUrl, 600),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('stopped early');
    for (const fixture of [WINDOW_FIXTURES.brentford,
      WINDOW_FIXTURES.brighton]) {
      const matchId = await matchIdOf(database.db, fixture);
      // A home win both times; 1-0 right tendency, wrong difference.
      expect(await scoresOf(database.db, matchId)).toEqual([
        ['m1', 2, 2], ['m2', 2, 2],
      ]);
    }
  });
});
