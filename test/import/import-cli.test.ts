import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLogger } from '../../src/core/logger.ts';
import { REPO_ROOT, sharedDataDir } from '../../src/core/paths.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `scoreline` in a child process against a test database. */
function runCli(
  args: string[],
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath,
      [path.join(REPO_ROOT, 'bin', 'scoreline.js'), ...args], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          DATABASE_URL: databaseUrl,
          SCORELINE_LOG_LEVEL: 'silent',
          ...extraEnv,
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

const data = (...parts: string[]) => path.join(sharedDataDir(), ...parts);

describe('scoreline import on bad input', () => {
  let database: TestDatabase;
  let folder: string;
  let before: unknown[];

  const snapshot = () => queryRows(database.db, sql`
    select (select count(*)::int from matches) as matches,
      (select count(*)::int from teams) as teams,
      (select count(*)::int from team_aliases) as aliases,
      (select count(*)::int from match_odds) as odds,
      (select max(updated_at)::text from matches) as updated`);

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    folder = mkdtempSync(path.join(tmpdir(), 'scoreline-cli-'));
    await importFiles(database.db,
      [data('openfootball', '2024-25', 'uefa.cl.json')], makeLogger('silent'));
    before = await snapshot();
  });
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const cases: [string, () => string[], RegExp][] = [
    ['a missing file', () => [data('football-data', 'E0-1999-00.csv')],
      /E0-1999-00\.csv: no such file or folder; check the path$/],
    ['a CSV with the wrong header', () => {
      const file = path.join(folder, 'wrong-header.csv');
      writeFileSync(file, 'Date,Home,Away\n15/08/2025,Liverpool,Bournemouth\n');
      return [data('football-data'), file];
    }, /wrong-header\.csv: not a football-data\.co\.uk results file/],
    ['JSON of another shape', () =>
      [data('api-football', 'standings-epl-2022-23-final.json')],
    /standings-epl-2022-23-final\.json: not an openfootball competition file/],
    ['an unknown team name', () => {
      const file = path.join(folder, 'D1-2025-26.csv');
      writeFileSync(file, 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\n' +
        'D1,23/08/2025,14:30,Freiburg,Atlantis United,1,0\n');
      return [data('openfootball'), file];
    }, /D1-2025-26\.csv: unknown team name 'Atlantis United'; add it to TEAM_ALIASES in src\/import\/team-aliases\.ts$/],
    ['a day that does not exist', () => {
      const file = path.join(folder, 'E0-2025-26.csv');
      writeFileSync(file, 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\n' +
        'E0,31/02/2026,15:00,Arsenal,Chelsea,1,0\n');
      return [file];
    }, /E0-2025-26\.csv: line 2: date '31\/02\/2026' is not a real day as dd\/mm\/yyyy$/],
    ['a goal count too large to store', () => {
      const file = path.join(folder, 'huge', 'E0-2025-26.csv');
      mkdirSync(path.dirname(file));
      writeFileSync(file, 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\n' +
        'E0,15/08/2025,20:00,Liverpool,Bournemouth,3000000000,2\n');
      return [file];
    }, /line 2: FTHG '3000000000' is not a goal count from 0 to 99$/],
    ['a file name of another season', () => {
      const file = path.join(folder, 'E0-2024-25.csv');
      writeFileSync(file, 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\n' +
        'E0,15/08/2025,20:00,Liverpool,Bournemouth,4,2\n');
      return [file];
    }, /E0-2024-25\.csv: the file name says season 2024-25 but the earliest match \(line 2, 2025-08-15\) is of season 2025-26; rename/],
    ['a Latin-1 file', () => {
      const file = path.join(folder, '2025-26', 'de.1.json');
      mkdirSync(path.dirname(file));
      writeFileSync(file, Buffer.from(JSON.stringify({ name: 'Bundesliga',
        matches: [{ date: '2025-08-22', team1: 'FC Bayern München',
          team2: 'RB Leipzig' }] }), 'latin1'));
      return [file];
    }, /de\.1\.json: is not UTF-8 text; convert it with 'iconv -f LATIN1 -t UTF-8'/],
  ];

  it.each(cases)('stops on %s with exit code 2 and one line',
    async (_label, makeArgs, message) => {
      const run = await runCli(['import', ...makeArgs()], database.url!);
      expect(run.code).toBe(2);
      const lines = run.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^scoreline: /);
      expect(lines[0]).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at |Failed query|internal error/);
      expect(await snapshot()).toEqual(before);
    });
});

describe('scoreline import and export in other process time zones', () => {
  const databases: TestDatabase[] = [];
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'scoreline-cli-'));
    for (let i = 0; i < 2; i += 1) {
      databases.push(await openTestDatabase('postgres'));
    }
  });
  afterAll(async () => {
    for (const database of databases) await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads back the same kickoffs whatever TZ is', async () => {
    // 2025-26: de.1 306, en.1, es.1, it.1 380 each; UCL 2024-25 189.
    const files = [
      data('openfootball', '2025-26'),
      data('openfootball', '2024-25', 'uefa.cl.json'),
      data('football-data', 'E0-2025-26.csv'),
    ];
    const exports: string[] = [];
    const zones = ['America/New_York', 'Asia/Tokyo'];
    for (const [index, zone] of zones.entries()) {
      const url = databases[index]!.url!;
      const imported = await runCli(['import', ...files], url, { TZ: zone });
      expect(imported.stderr).toBe('');
      expect(imported.code).toBe(0);
      expect(imported.stdout).toBe('imported 6 files (0 skipped): matches ' +
        '1635 inserted, 0 updated, 0 unchanged, 0 with conflicting results; ' +
        'odds rows 760 written, ' +
        '0 unchanged\n');
      for (const exportZone of zones) {
        const run = await runCli(['export', 'matches', '--format', 'json'],
          url, { TZ: exportZone });
        expect(run.code).toBe(0);
        exports.push(run.stdout);
      }
    }
    expect(new Set(exports).size).toBe(1);

    const rows = JSON.parse(exports[0]!) as Record<string, unknown>[];
    expect(rows).toHaveLength(1635);
    expect(rows).toContainEqual(expect.objectContaining({
      competition: 'en.1', home_team: 'Liverpool FC',
      away_team: 'AFC Bournemouth', kickoff: '2025-08-15T19:00:00.000Z',
      kickoff_time_known: true, status: 'finished',
      home_goals: 4, away_goals: 2,
    }));
    expect(rows).toContainEqual(expect.objectContaining({
      home_team: 'Deportivo Alavés', away_team: 'CA Osasuna',
      kickoff: '2026-04-05', kickoff_time_known: false,
    }));
  });
});

describe('scoreline export matches as CSV', () => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    folder = mkdtempSync(path.join(tmpdir(), 'scoreline-cli-'));
    await importFiles(database.db,
      [data('openfootball', '2024-25', 'uefa.cl.json')], makeLogger('silent'));
  });
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes quoted CSV to the --output file', async () => {
    const output = path.join(folder, 'matches.csv');
    const run = await runCli(
      ['export', 'matches', '--format', 'csv', '--output', output],
      database.url!);
    expect(run.code).toBe(0);
    const lines = readFileSync(output, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(190);
    expect(lines[0]).toBe('id,competition,season,round,kickoff,' +
      'kickoff_time_known,home_team,away_team,status,home_goals,away_goals,' +
      'extra_time_home_goals,extra_time_away_goals,penalty_home_goals,' +
      'penalty_away_goals');
    expect(lines).toContainEqual(expect.stringMatching(
      /^\d+,uefa\.cl,2024-25,"Finals, Round of 16",2025-03-11T20:00:00\.000Z,true,Liverpool FC,Paris Saint-Germain FC,finished,0,1,0,0,,$/));
  });

  it('rejects an unknown format with exit code 2', async () => {
    const run = await runCli(['export', 'matches', '--format', 'xml'],
      database.url!);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('scoreline: --format must be json or csv; ' +
      'usage: scoreline export <kind> --format json|csv [--output FILE]\n');
  });
});
