import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnalysis } from '../../src/analysis/compute-analysis.ts';
import { REPO_ROOT } from '../../src/core/paths.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import {
  insertHandMadeMatches,
  type HandMadeLabel,
} from './hand-made-matches.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scoreline analysis` in a child process against a database. */
function runCli(args: string[], databaseUrl: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath,
      [path.join(REPO_ROOT, 'bin', 'scoreline.js'), 'analysis', ...args], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          SCORELINE_LOG_LEVEL: 'silent',
        },
      });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scoreline analysis', () => {
  let database: TestDatabase;
  let ids: Record<HandMadeLabel, number>;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    ids = await insertHandMadeMatches(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('prints the context as JSON with --json', async () => {
    const run = await runCli([String(ids.m6), '--json'], database.url!);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(
      await computeAnalysis(database.db, ids.m6));
  });

  it('prints a readable summary otherwise', async () => {
    const run = await runCli([String(ids.m6)], database.url!);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`match ${ids.m6}: Bravo v Charlie`);
    expect(lines).toContain('table (7 teams)');
    expect(lines).toContain(
      '  Bravo     3.  P2 W1 D0 L1  3:3 (0)  3 pts  home 1-0-0, away 0-0-1');
    expect(lines).toContain(
      '  Charlie  D 1-1 at Alpha, L 1-3 at Bravo, D 1-1 v Delta');
    expect(lines).toContain(
      'odds (avg): 1.95 / 3.30 / 3.90, over/under 2.5 1.85/1.95');
    expect(lines).toContain('missing: injuries');
  });

  it('says in one line that a match does not exist, exit 2', async () => {
    const run = await runCli(['987654'], database.url!);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'scoreline: match 987654 does not exist; check the match id (import the fixtures first if it is missing)\n');
  });

  it('rejects a match id that is not a positive integer, exit 2',
    async () => {
      for (const args of [['abc'], ['0']]) {
        const run = await runCli(args, database.url!);
        expect(run.code, args.join(' ')).toBe(2);
        expect(run.stderr).toBe(
          `scoreline: the match id must be a whole number from 1 to 2147483647, not '${args[0]}'; usage: scoreline analysis <matchId> [--json]\n`);
      }
      const run = await runCli(['1', '2'], database.url!);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'scoreline: give one match id; usage: scoreline analysis <matchId> [--json]\n');
    });
});
