import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { InputError } from '../../src/core/errors.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { importFiles } from '../../src/import/import-files.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';

const logger = makeLogger('silent');

interface MatchLine {
  id: number;
  kickoff: string;
  kickoff_time_known: boolean;
  status: string;
  home_goals: number | null;
  away_goals: number | null;
  half_time_home_goals: number | null;
  half_time_away_goals: number | null;
  extra_time_home_goals: number | null;
  extra_time_away_goals: number | null;
  penalty_home_goals: number | null;
  penalty_away_goals: number | null;
}

/** The match of two canonical teams in a competition and season. */
async function findLine(
  database: TestDatabase,
  competition: string,
  season: string,
  home: string,
  away: string,
): Promise<MatchLine> {
  const rows = await queryRows<MatchLine>(database.db, sql`
    select m.id, to_char(m.kickoff at time zone 'UTC',
      'YYYY-MM-DD"T"HH24:MI"Z"') as kickoff, m.kickoff_time_known, m.status,
      m.home_goals, m.away_goals, m.half_time_home_goals,
      m.half_time_away_goals, m.extra_time_home_goals,
      m.extra_time_away_goals, m.penalty_home_goals, m.penalty_away_goals
    from matches m
    join teams h on h.id = m.home_team_id
    join teams a on a.id = m.away_team_id
    where m.competition_id = ${competition} and m.season = ${season}
      and h.name = ${home} and a.name = ${away}`);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Every stored match and odds row, to compare before and after. */
async function snapshot(database: TestDatabase): Promise<unknown[]> {
  return queryRows(database.db, sql`
    select m.*, m.kickoff::text as kickoff_text,
      m.updated_at::text as updated_text,
      (select json_agg(o order by o.bookmaker) from match_odds o
        where o.match_id = m.id) as odds
    from matches m order by m.id`);
}

describe.each(DATABASE_KINDS)('importing the shared data on %s', (kind) => {
  let database: TestDatabase;
  const firstImport = new Date('2026-12-01T10:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importFiles(database.db, [sharedDataDir()], logger,
      fixedClock(firstImport));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('loads every competition and season in full', async () => {
    const counts = await queryRows<{ key: string; n: number }>(database.db,
      sql`select competition_id || ' ' || season as key, count(*)::int as n
        from matches group by 1 order by 1`);
    expect(counts).toEqual([
      { key: 'de.1 2024-25', n: 306 },
      { key: 'de.1 2025-26', n: 306 },
      { key: 'en.1 2023-24', n: 380 },
      { key: 'en.1 2024-25', n: 380 },
      { key: 'en.1 2025-26', n: 380 },
      { key: 'es.1 2025-26', n: 380 },
      { key: 'it.1 2025-26', n: 380 },
      { key: 'uefa.cl 2024-25', n: 189 },
    ]);
  });

  it('stores Liverpool v Bournemouth 2025-26 with its odds', async () => {
    const match = await findLine(database, 'en.1', '2025-26',
      'Liverpool FC', 'AFC Bournemouth');
    expect(match).toMatchObject({
      kickoff: '2025-08-15T19:00Z', kickoff_time_known: true,
      status: 'finished', home_goals: 4, away_goals: 2,
      half_time_home_goals: 1, half_time_away_goals: 0,
    });
    const odds = await queryRows(database.db, sql`
      select bookmaker, home, draw, away, over_2_5, under_2_5
      from match_odds where match_id = ${match.id} order by bookmaker`);
    // E0-2025-26.csv line 2: B365H/D/A, B365>2.5/<2.5, AvgH/D/A, Avg>2.5/<2.5.
    expect(odds).toEqual([
      { bookmaker: 'avg', home: 1.31, draw: 5.96, away: 8.31,
        over_2_5: 1.35, under_2_5: 3.13 },
      { bookmaker: 'b365', home: 1.3, draw: 6, away: 8.5,
        over_2_5: 1.36, under_2_5: 3.2 },
    ]);
  });

  it('takes the later file for a rescheduled or postponed match', async () => {
    // openfootball: 2026-04-11 15:00, no result; football-data: 12/04/2026
    // 14:00 (BST), 2-1.
    expect(await findLine(database, 'en.1', '2025-26',
      'Crystal Palace FC', 'Newcastle United FC')).toMatchObject({
      kickoff: '2026-04-12T13:00Z', status: 'finished',
      home_goals: 2, away_goals: 1,
    });
    // openfootball: postponed, no time; football-data: 13/05/2026 20:00, 3-0.
    expect(await findLine(database, 'en.1', '2025-26',
      'Manchester City FC', 'Crystal Palace FC')).toMatchObject({
      kickoff: '2026-05-13T19:00Z', kickoff_time_known: true,
      status: 'finished', home_goals: 3, away_goals: 0,
    });
  });

  it('keeps an unknown time as local midnight', async () => {
    expect(await findLine(database, 'es.1', '2025-26',
      'Deportivo Alavés', 'CA Osasuna')).toMatchObject({
      kickoff: '2026-04-04T22:00Z', kickoff_time_known: false,
      status: 'scheduled', home_goals: null,
    });
  });

  it('reads football-data times as UK time for the Bundesliga', async () => {
    // 14/12/2024 14:30 UK = 15:30 in Berlin; awarded, kept as a result.
    expect(await findLine(database, 'de.1', '2024-25',
      '1. FC Union Berlin', 'VfL Bochum 1848')).toMatchObject({
      kickoff: '2024-12-14T14:30Z', status: 'finished',
      home_goals: 0, away_goals: 2,
      half_time_home_goals: null, half_time_away_goals: null,
    });
  });

  it('stores extra time apart and leaves a level shoot-out unknown',
    async () => {
      // ft 0-1, et 0-1, p 4-4 (impossible; really 1-4).
      expect(await findLine(database, 'uefa.cl', '2024-25',
        'Liverpool FC', 'Paris Saint-Germain FC')).toMatchObject({
        kickoff: '2025-03-11T20:00Z', status: 'finished',
        home_goals: 0, away_goals: 1,
        extra_time_home_goals: 0, extra_time_away_goals: 0,
        penalty_home_goals: null, penalty_away_goals: null,
      });
      expect(await findLine(database, 'uefa.cl', '2024-25',
        'Paris Saint-Germain FC', 'FC Internazionale Milano'))
        .toMatchObject({ status: 'scheduled', home_goals: null });
    });

  it('stores the aliases of the teams', async () => {
    const rows = await queryRows<{ name: string }>(database.db, sql`
      select t.name from team_aliases a join teams t on t.id = a.team_id
      where a.alias in ('Man United', 'Arsenal FC (ENG)', 'Bochum')
      order by t.name`);
    expect(rows.map((row) => row.name)).toEqual(
      ['Arsenal FC', 'Manchester United FC', 'VfL Bochum 1848']);
  });

  it('changes no row when importing again', async () => {
    const before = await snapshot(database);
    const summary = await importFiles(database.db, [sharedDataDir()],
      logger, fixedClock('2026-12-02T10:00:00Z'));
    expect(summary).toMatchObject({
      files: 11, skippedFiles: 19, matchesInserted: 0, matchesUpdated: 0,
      matchesUnchanged: 2701, oddsWritten: 0, oddsUnchanged: 2892,
      resultConflicts: 0,
    });
    expect(await snapshot(database)).toEqual(before);
    const [latest] = await queryRows<{ at: string }>(database.db, sql`
      select to_char(max(updated_at) at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI"Z"') as at from matches`);
    expect(latest?.at).toBe('2026-12-01T10:00Z');
  });

  it('leaves the database as it was on bad input', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'scoreline-import-'));
    try {
      const bad = path.join(folder, 'E0-2025-26.csv');
      writeFileSync(bad, 'Div,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\n' +
        'E0,15/08/2025,20:00,Liverpool,Atlantis United,1,0\n');
      const before = await snapshot(database);
      await expect(importFiles(database.db, [sharedDataDir(), bad], logger))
        .rejects.toThrow(new InputError(
          "unknown team name 'Atlantis United'; add it to TEAM_ALIASES in src/import/team-aliases.ts",
          bad,
        ));
      expect(await snapshot(database)).toEqual(before);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe.each(DATABASE_KINDS)('merging two sources on %s', (kind) => {
  let database: TestDatabase;
  let folder: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    folder = mkdtempSync(path.join(tmpdir(), 'scoreline-import-'));
    mkdirSync(path.join(folder, '2025-26'));
    writeFileSync(path.join(folder, '2025-26', 'de.1.json'), JSON.stringify({
      name: 'Deutsche Bundesliga 2025/26',
      matches: [
        { round: 'Matchday 1', date: '2025-08-23', team1: 'SC Freiburg',
          team2: 'FC Augsburg', score: {} },
        { round: 'Matchday 1', date: '2025-08-23', time: '15:30',
          team1: 'VfL Wolfsburg', team2: '1. FC Heidenheim 1846',
          score: {} },
      ],
    }));
    writeFileSync(path.join(folder, 'D1-2025-26.csv'),
      '\uFEFFDiv,Date,Time,HomeTeam,AwayTeam,FTHG,FTAG\r\n' +
      'D1,23/08/2025,14:30,Freiburg,Augsburg,1,3\r\n' +
      'D1,23/08/2025,,Wolfsburg,Heidenheim,3,1\r\n');
  });
  afterAll(async () => {
    await database?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the known kick-off time from either source', async () => {
    const summary = await importFiles(database.db, [folder], logger);
    expect(summary).toMatchObject({ files: 2, matchesInserted: 2 });
    // 14:30 UK (BST) = 13:30 UTC = 15:30 in Freiburg.
    expect(await findLine(database, 'de.1', '2025-26',
      'SC Freiburg', 'FC Augsburg')).toMatchObject({
      kickoff: '2025-08-23T13:30Z', kickoff_time_known: true,
      status: 'finished', home_goals: 1, away_goals: 3,
    });
    expect(await findLine(database, 'de.1', '2025-26',
      'VfL Wolfsburg', '1. FC Heidenheim 1846')).toMatchObject({
      kickoff: '2025-08-23T13:30Z', kickoff_time_known: true,
      status: 'finished', home_goals: 3, away_goals: 1,
    });
  });
});
