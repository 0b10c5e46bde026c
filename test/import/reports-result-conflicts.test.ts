/**
 * Two sources that disagree on a finished result: the later one wins, as
 * before, but each such match is logged as a warning naming the match and
 * both scores, and counted in the import summary.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/query-rows.ts';
import { importFiles } from '../../src/import/import-files.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';

/** A logger that keeps its warnings, parsed, in `warnings`. */
function recordingLogger() {
  const warnings: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = JSON.parse(chunk.toString()) as Record<string, unknown>;
      if (line.level === 40) warnings.push(line);
      done();
    },
  });
  return { logger: pino({ level: 'warn' }, stream), warnings };
}

const HEADER = 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\n';

describe.each(DATABASE_KINDS)('results in conflict on %s', (kind) => {
  let database: TestDatabase;
  let folder: string;
  let openfootball: string;
  let footballData: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    folder = mkdtempSync(path.join(tmpdir(), 'scoreline-conflict-'));
    mkdirSync(path.join(folder, '2025-26'));
    openfootball = path.join(folder, '2025-26', 'de.1.json');
    writeFileSync(openfootball, JSON.stringify({
      name: 'Deutsche Bundesliga 2025/26',
      matches: [
        { round: 'Matchday 1', date: '2025-08-23', time: '15:30',
          team1: 'SC Freiburg', team2: 'FC Augsburg', score: { ft: [1, 3] } },
        { round: 'Matchday 1', date: '2025-08-23', time: '15:30',
          team1: 'VfL Wolfsburg', team2: '1. FC Heidenheim 1846',
          score: { ft: [3, 1] } },
        { round: 'Matchday 1', date: '2025-08-24', time: '17:30',
          team1: 'FC St. Pauli 1910', team2: 'Borussia Dortmund' },
      ],
    }));
    // Freiburg v Augsburg disagrees; Wolfsburg v Heidenheim agrees; the
    // St. Pauli match gets its first result.
    footballData = path.join(folder, 'D1-2025-26.csv');
    writeFileSync(footballData, HEADER +
      'D1,23/08/2025,14:30,Freiburg,Augsburg,2,2\n' +
      'D1,23/08/2025,14:30,Wolfsburg,Heidenheim,3,1\n' +
      'D1,24/08/2025,16:30,St Pauli,Dortmund,0,2\n');
  });
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const resultOf = async (home: string) => (await queryRows(database.db, sql`
    select m.home_goals, m.away_goals from matches m
    join teams h on h.id = m.home_team_id where h.name = ${home}`))[0];

  it('keeps the later result, warns and counts one conflict', async () => {
    const { logger, warnings } = recordingLogger();
    const summary = await importFiles(database.db, [folder], logger);
    expect(summary).toMatchObject({ matchesInserted: 3, resultConflicts: 1 });
    expect(await resultOf('SC Freiburg'))
      .toEqual({ home_goals: 2, away_goals: 2 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      match: 'SC Freiburg v FC Augsburg', season: '2025-26',
      earlierResult: '1-3', earlierSource: openfootball,
      laterResult: '2-2', laterSource: footballData,
      msg: `two sources disagree on the result of SC Freiburg v FC Augsburg (1-3 in ${openfootball}, 2-2 in ${footballData}); the later file wins, check which is right`,
    });
  });

  it('counts a file that disagrees with the stored result', async () => {
    const corrected = path.join(folder, 'fix', 'D1-2025-26.csv');
    mkdirSync(path.dirname(corrected));
    writeFileSync(corrected, HEADER +
      'D1,23/08/2025,14:30,Freiburg,Augsburg,2,2\n' +
      'D1,23/08/2025,14:30,Wolfsburg,Heidenheim,3,2\n');
    const { logger, warnings } = recordingLogger();
    const summary = await importFiles(database.db, [corrected], logger);
    expect(summary).toMatchObject({ matchesUpdated: 1, matchesUnchanged: 1,
      resultConflicts: 1 });
    expect(await resultOf('VfL Wolfsburg'))
      .toEqual({ home_goals: 3, away_goals: 2 });
    expect(warnings.map((w) => [w.match, w.earlierResult,
      w.earlierSource, w.laterResult])).toEqual([
      ['VfL Wolfsburg v 1. FC Heidenheim 1846', '3-1', 'the database', '3-2'],
    ]);
  });
});
