import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { freePort } from './own-redis.ts';
import {
  SCENARIO_AS_OF,
  seedScenario,
  writeScenarioRoster,
} from './scenario.ts';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

const rosterDir = mkdtempSync(path.join(tmpdir(), 'scoreline-roster-'));
const rosterFile = writeScenarioRoster(rosterDir);

/** Runs the backfill script (or `bin/scoreline.js backfill`) to its end. */
function runScript(
  args: string[],
  env: Record<string, string | undefined>,
  viaBin = false,
): Promise<Exit> {
  const entry = viaBin
    ? ['bin/scoreline.js', 'backfill']
    : ['--import', 'tsx', 'scripts/backfill-retroactive-predictions.ts'];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      SCORELINE_LOG_LEVEL: 'info',
      REDIS_URL: undefined,
      DATABASE_URL: undefined,
      SCORELINE_ROSTER: rosterFile,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('the backfill script', () => {
  let database: TestDatabase;
  let liveMatchId: number;
  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    liveMatchId = (await seedScenario(database.db)).live;
  });
  afterAll(async () => {
    await database?.close();
    rmSync(rosterDir, { recursive: true, force: true });
  });

  it.each([
    [['--days', '-1'], /--days must be a whole number.*'-1'/],
    [['--days', 'abc'], /--days must be a whole number.*'abc'/],
    [['--days=1.5'], /--days must be a whole number.*'1.5'/],
    [['--days'], /--days.*argument missing/],
    [['--frobnicate'], /Unknown option '--frobnicate'/],
  ])('exits with 2 and one line for %j', async (args, message) => {
    const result = await runScript(args, {});
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('behaves the same through scoreline backfill', async () => {
    const result = await runScript(['--days', 'abc'], {}, true);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--days must be a whole number.*'abc'/);
  });

  it('finds nothing for --days 0 and exits with 0', async () => {
    const result = await runScript(
      ['--days', '0', '--json', '--as-of', SCENARIO_AS_OF.toISOString()],
      { DATABASE_URL: database.url! },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({ gapsFound: 0, matches: [], failed: [] });
  });

  it('prints one JSON object on stdout and logs on stderr', async () => {
    const result = await runScript(
      ['--dry-run', '--json', '--as-of', SCENARIO_AS_OF.toISOString()],
      { DATABASE_URL: database.url! },
    );
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(report).toMatchObject({
      asOf: '2026-03-08T12:00:00.000Z',
      windowStart: '2026-03-01T12:00:00.000Z',
      activeModels: 3,
      gapsFound: 3,
      byStatus: { finished: 1, live: 1, scheduled: 1 },
      predictionJobs: 3,
    });
    for (const key of ['notYetDue', 'skipped', 'analysisJobs',
      'settlementJobs', 'predictionsAdded', 'failed', 'matches']) {
      expect(report).toHaveProperty(key);
    }
    expect(result.stderr).toContain('backfill plan ready');
  });

  it('reads the roster file: a newly activated model creates gaps', async () => {
    const withNewModel = path.join(rosterDir, 'roster-m4.json');
    writeFileSync(withNewModel, JSON.stringify({
      providers: [],
      models: ['m1', 'm2', 'm3', 'm4'].map((id) => ({
        id, provider: 'baseline', model: 'home-win-1-0', displayName: id,
      })),
    }));
    const result = await runScript(
      ['--dry-run', '--json', '--as-of', SCENARIO_AS_OF.toISOString()],
      { DATABASE_URL: database.url!, SCORELINE_ROSTER: withNewModel },
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    // The complete match had m1 to m3; m4 now makes it a gap as well.
    expect(report).toMatchObject({
      activeModels: 4,
      gapsFound: 4,
      byStatus: { finished: 2, live: 1, scheduled: 1 },
    });
  });

  it.each([
    [['--competition', 'xx.9'],
      /--competition 'xx\.9' is not a known competition; known ids: de\.1, en\.1$/],
    [['--match', '999999'], /--match: no match 999999 is stored/],
    [['--days', '100000'], /--days must be at most 99999, not '100000'$/],
  ])('exits with 2 and one line naming the flag for %j', async (args, message) => {
    const result = await runScript([...args, '--dry-run'], {
      DATABASE_URL: database.url!,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });

  it('lists the planned jobs per match in --json --dry-run as in the text', async () => {
    const args = ['--dry-run', '--as-of', SCENARIO_AS_OF.toISOString()];
    const env = { DATABASE_URL: database.url! };
    const json = JSON.parse((await runScript([...args, '--json'], env)).stdout);
    const text = (await runScript(args, env)).stdout;
    const live = json.matches.find(
      (m: { matchId: number }) => m.matchId === liveMatchId,
    );
    // The live match has its analysis and m1's prediction: m2 and m3 lack.
    expect(live.missingModelIds).toEqual(['m2', 'm3']);
    expect(live.steps).toHaveLength(1);
    expect(live.steps[0]).toMatchObject({
      stage: 'predictions', modelIds: ['m2', 'm3'],
    });
    for (const match of json.matches as {
      matchId: number;
      steps: { jobId: string; modelIds?: string[] }[];
    }[]) {
      const shown = match.steps.map((step) => step.modelIds
        ? `${step.jobId} [${step.modelIds.join(', ')}]`
        : step.jobId).join(' -> ');
      expect(text).toMatch(new RegExp(
        `match ${match.matchId} \\(.*\\): ${shown.replace(/[[\]]/g, '\\$&')}\n`,
      ));
    }
  });

  it('exits with 1 when the database is unreachable', async () => {
    const port = await freePort();
    const result = await runScript(['--dry-run'], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/none`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot open PostgreSQL.*DATABASE_URL/);
  });

  it('exits with 1 when Redis is unreachable', async () => {
    const port = await freePort();
    const result = await runScript(['--dry-run'], {
      DATABASE_URL: database.url!,
      REDIS_URL: `redis://127.0.0.1:${port}`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot reach Redis.*REDIS_URL/);
  });
});
