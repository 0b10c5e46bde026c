/**
 * The table of a cup counts only its league phase or group stage, never
 * qualifying, play-off or knockout rounds. Real data: the 2024-25
 * Champions League (openfootball), where the tester found the table before
 * the final showing Inter 1st (P14, 33 pts) and PSG 2nd (P16, 31 pts).
 * Expected lines are the real league-phase table, worked out by hand from
 * the file's 144 `League, Matchday n` results (and they agree with UEFA's
 * table: Inter 4th with 19 points, PSG 15th with 13).
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnalysis } from '../../src/analysis/compute-analysis.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import type { TableLine } from '../../src/core/types.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { competitions, matches, teams } from '../../src/db/schema.ts';
import { importFiles } from '../../src/import/import-files.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { checkHonesty } from './check-honesty.ts';

const UCL_FILE = path.join(
  sharedDataDir(), 'openfootball', '2024-25', 'uefa.cl.json');

/** Position, played, won, drawn, lost, goals for, against, points. */
function summary(line: TableLine | null) {
  if (!line) return null;
  const { position, played, won, drawn, lost, goalsFor, goalsAgainst,
    points } = line;
  return [position, played, won, drawn, lost, goalsFor, goalsAgainst,
    points];
}

describe.each(DATABASE_KINDS)('cup table on %s', (kind) => {
  let database: TestDatabase;
  const matchIdOf = async (round: string, home: string, away: string) => {
    const rows = await queryRows<{ id: number }>(database.db, sql`
      select m.id from matches m
      join teams h on h.id = m.home_team_id
      join teams a on a.id = m.away_team_id
      where m.round = ${round} and h.name like ${`${home}%`}
        and a.name like ${`${away}%`}`);
    expect(rows).toHaveLength(1);
    return rows[0]!.id;
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importFiles(database.db, [UCL_FILE], makeLogger('silent'));
  });
  afterAll(async () => { await database?.close(); });

  it('before the final is the league-phase table, 8 games a team', async () => {
    const final = await matchIdOf('Finals, Final', 'Paris Saint-Germain',
      'FC Internazionale');
    const context = await computeAnalysis(database.db, final);
    expect(context.tableSize).toBe(36);
    // PSG: 4 wins, 1 draw, 3 defeats, 14:9; Inter: 6-1-1, 11:1.
    expect(summary(context.home.table)).toEqual([15, 8, 4, 1, 3, 14, 9, 13]);
    expect(summary(context.away.table)).toEqual([4, 8, 6, 1, 1, 11, 1, 19]);
  });

  it('agrees with the oracle on every play-off and knockout match',
    async () => {
      const rows = await queryRows<{ id: number }>(database.db, sql`
        select id from matches where round not like 'League, %'
        order by kickoff, id`);
      expect(rows).toHaveLength(45);
      await checkHonesty(database.db, rows.map((r) => r.id), 9);
    });

  it('leaves out the knockout play-offs too', async () => {
    // PSG v Brest, play-offs second leg: the first leg (Brest 0-3 PSG)
    // does not count.
    const playoff = await matchIdOf('Playoffs, Matchday 2',
      'Paris Saint-Germain', 'Stade Brestois');
    const context = await computeAnalysis(database.db, playoff);
    expect(context.tableSize).toBe(36);
    expect(summary(context.home.table)).toEqual([15, 8, 4, 1, 3, 14, 9, 13]);
    expect(summary(context.away.table)).toEqual([18, 8, 4, 1, 3, 10, 11, 13]);
  });

  it('counts the league phase as it goes', async () => {
    // Matchday 2, Inter v Crvena Zvezda, after matchday 1: Inter drew
    // 0-0 at Manchester City, Crvena Zvezda lost 1-2 at home to Benfica.
    const context = await computeAnalysis(database.db,
      await matchIdOf('League, Matchday 2', 'FC Internazionale',
        'FK Crvena Zvezda'));
    expect(context.tableSize).toBe(36);
    expect(summary(context.home.table)?.slice(1))
      .toEqual([1, 0, 1, 0, 0, 0, 1]);
    expect(summary(context.away.table)?.slice(1))
      .toEqual([1, 0, 0, 1, 1, 2, 0]);
  });

  it('counts group-stage rounds and nothing else of a cup', async () => {
    // A hand-made 2023-24 season with API-Football round names: only
    // g1 (Alpha 2-0 Bravo) counts; the qualifier, the round without a
    // name and the knockout play-off do not, and Charlie (qualifier only)
    // is not in the table.
    const [alpha, bravo, charlie] = await database.db.insert(teams)
      .values([{ name: 'Cup Alpha' }, { name: 'Cup Bravo' },
        { name: 'Cup Charlie' }])
      .returning({ id: teams.id });
    const match = (key: string, round: string | null, kickoff: string,
      home: number, away: number, score: [number, number] | null) => ({
      matchKey: key, competitionId: 'uefa.cl', season: '2023-24', round,
      homeTeamId: home, awayTeamId: away, kickoff: new Date(kickoff),
      status: score ? 'finished' : 'scheduled',
      homeGoals: score?.[0] ?? null, awayGoals: score?.[1] ?? null,
    });
    const inserted = await database.db.insert(matches).values([
      match('q1', '3rd Qualifying Round', '2023-08-01T19:00:00Z',
        alpha!.id, charlie!.id, [5, 0]),
      match('n1', null, '2023-08-15T19:00:00Z', bravo!.id, alpha!.id,
        [3, 0]),
      match('g1', 'Group Stage - 1', '2023-09-20T19:00:00Z', alpha!.id,
        bravo!.id, [2, 0]),
      match('k1', 'Knockout Round Play-offs', '2024-02-13T20:00:00Z',
        bravo!.id, alpha!.id, [1, 0]),
      match('r16', 'Finals, Round of 16', '2024-03-05T20:00:00Z',
        alpha!.id, bravo!.id, null),
    ]).returning({ id: matches.id });

    const context = await computeAnalysis(database.db, inserted[4]!.id);
    expect(context.tableSize).toBe(2);
    expect(summary(context.home.table)).toEqual([1, 1, 1, 0, 0, 2, 0, 3]);
    expect(summary(context.away.table)).toEqual([2, 1, 0, 0, 1, 0, 2, 0]);
  });

  it('counts every match of a league, whatever its round', async () => {
    // football-data rows have no round; any other name counts as well.
    await database.db.insert(competitions)
      .values({ id: 'en.1', name: 'Premier League',
        timeZone: 'Europe/London' });
    const [delta, echo] = await database.db.insert(teams)
      .values([{ name: 'League Delta' }, { name: 'League Echo' }])
      .returning({ id: teams.id });
    const match = (key: string, round: string | null, kickoff: string,
      home: number, away: number, score: [number, number] | null) => ({
      matchKey: key, competitionId: 'en.1', season: '2023-24', round,
      homeTeamId: home, awayTeamId: away, kickoff: new Date(kickoff),
      status: score ? 'finished' : 'scheduled',
      homeGoals: score?.[0] ?? null, awayGoals: score?.[1] ?? null,
    });
    const inserted = await database.db.insert(matches).values([
      match('e1', null, '2023-08-12T14:00:00Z', delta!.id, echo!.id, [1, 0]),
      match('e2', 'Matchday 2', '2023-08-19T14:00:00Z', echo!.id,
        delta!.id, [1, 1]),
      match('e3', 'Relegation play-off', '2023-08-26T14:00:00Z',
        delta!.id, echo!.id, [0, 2]),
      match('e4', 'Matchday 4', '2023-09-02T14:00:00Z', echo!.id,
        delta!.id, null),
    ]).returning({ id: matches.id });

    const context = await computeAnalysis(database.db, inserted[3]!.id);
    // Echo: L 0-1, D 1-1, W 2-0 = 4 pts, 3:2; Delta: 4 pts, 2:3.
    expect(context.tableSize).toBe(2);
    expect(summary(context.home.table)).toEqual([1, 3, 1, 1, 1, 3, 2, 4]);
    expect(summary(context.away.table)).toEqual([2, 3, 1, 1, 1, 2, 3, 4]);
  });
});
