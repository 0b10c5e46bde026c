import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/analysis-error.ts';
import { computeAnalysis } from '../../src/analysis/compute-analysis.ts';
import type { RecordLine, TableLine } from '../../src/core/types.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import {
  insertHandMadeMatches,
  type HandMadeLabel,
} from './hand-made-matches.ts';

// Every expected value below is worked out by hand from the table in
// hand-made-matches.ts.

const rec = (
  played: number, won: number, drawn: number, lost: number,
  goalsFor: number, goalsAgainst: number,
): RecordLine => ({ played, won, drawn, lost, goalsFor, goalsAgainst });

function line(
  position: number, home: RecordLine, away: RecordLine,
): TableLine {
  const sum = (k: keyof RecordLine) => home[k] + away[k];
  const goalsFor = sum('goalsFor');
  const goalsAgainst = sum('goalsAgainst');
  return {
    position, played: sum('played'), won: sum('won'), drawn: sum('drawn'),
    lost: sum('lost'), goalsFor, goalsAgainst,
    goalDifference: goalsFor - goalsAgainst,
    points: 3 * sum('won') + sum('drawn'), home, away,
  };
}

describe.each(DATABASE_KINDS)('computeAnalysis on %s', (kind) => {
  let database: TestDatabase;
  let ids: Record<HandMadeLabel, number>;
  const analyse = (label: HandMadeLabel) =>
    computeAnalysis(database.db, ids[label]);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ids = await insertHandMadeMatches(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('builds the table from earlier league results only', async () => {
    const context = await analyse('m6');
    expect(context.asOf).toBe('2024-08-24T14:00:00.000Z');
    expect(context.kickoff).toBe('2024-08-24T14:00:00.000Z');
    // Alpha, Bravo, Charlie, Delta, Foxtrot, Golf, Hotel (postponed m11).
    expect(context.tableSize).toBe(7);
    // Foxtrot 3 pts GD +1 is ahead of Bravo 3 pts GD 0; the awarded match
    // and this match's own 2-2 do not count.
    expect(context.home.table).toEqual(
      line(3, rec(1, 1, 0, 0, 3, 1), rec(1, 0, 0, 1, 0, 2)),
    );
    expect(context.away.table).toEqual(
      line(4, rec(1, 0, 1, 0, 1, 1), rec(2, 0, 1, 1, 2, 4)),
    );
  });

  it('lists form newest first across competitions, at most five',
    async () => {
      const context = await analyse('m6');
      const bravo = context.home.form.map((e) => [
        e.matchId, e.competitionId, e.opponent, e.venue, e.goalsFor,
        e.goalsAgainst, e.result,
      ]);
      expect(bravo).toEqual([
        [ids.c2, 'C', 'Alpha', 'home', 1, 0, 'W'],
        [ids.m3, 'L', 'Charlie', 'home', 3, 1, 'W'],
        [ids.m1, 'L', 'Alpha', 'away', 0, 2, 'L'],
        [ids.p1, 'L', 'Alpha', 'home', 4, 0, 'W'],
        [ids.p4, 'L', 'Alpha', 'home', 0, 1, 'L'],
      ]);
      expect(context.home.form[0]?.kickoff).toBe('2024-08-21T19:00:00.000Z');
    });

  it('counts a match with unknown time from local midnight of its day',
    async () => {
      // m5 (no time, 24 Aug) starts at 23:00 UTC the day before, so it is
      // before m6 at 14:00; the awarded 3-0 and postponed m8 are skipped.
      const context = await analyse('m6');
      expect(context.away.form).toEqual([
        {
          matchId: ids.m5, kickoff: '2024-08-23T23:00:00.000Z',
          competitionId: 'L', opponent: 'Alpha', venue: 'away',
          goalsFor: 1, goalsAgainst: 1, result: 'D',
        },
        {
          matchId: ids.m3, kickoff: '2024-08-17T14:00:00.000Z',
          competitionId: 'L', opponent: 'Bravo', venue: 'away',
          goalsFor: 1, goalsAgainst: 3, result: 'L',
        },
        {
          matchId: ids.m2, kickoff: '2024-08-10T14:00:00.000Z',
          competitionId: 'L', opponent: 'Delta', venue: 'home',
          goalsFor: 1, goalsAgainst: 1, result: 'D',
        },
      ]);
      // And m5 itself sees nothing of its day: m10 (11:30) and m6 (14:00)
      // come after its midnight kickoff.
      const m5 = await analyse('m5');
      expect(m5.kickoffTimeKnown).toBe(false);
      expect(m5.asOf).toBe('2024-08-23T23:00:00.000Z');
      expect(m5.tableSize).toBe(6);
      expect(m5.away.form.map((e) => e.matchId)).toEqual([ids.m3, ids.m2]);
    });

  it('keeps the last six meetings in any competition, newest first',
    async () => {
      const context = await analyse('m7');
      expect(context.headToHead.map((e) => e.matchId)).toEqual([
        ids.c2, ids.m1, ids.p1, ids.p4, ids.p3, ids.p2,
      ]);
      expect(context.headToHead[0]).toEqual({
        matchId: ids.c2, kickoff: '2024-08-21T19:00:00.000Z',
        competitionId: 'C', homeTeam: 'Bravo', awayTeam: 'Alpha',
        homeGoals: 1, awayGoals: 0,
      });
      expect(context.home.form.map((e) => e.matchId)).toEqual([
        ids.m5, ids.c2, ids.c1, ids.m4, ids.m1,
      ]);
      expect(context.home.table).toEqual(
        line(1, rec(2, 1, 1, 0, 3, 1), rec(1, 1, 0, 0, 2, 0)),
      );
      expect(context.away.table).toEqual(
        line(2, rec(2, 1, 1, 0, 5, 3), rec(1, 0, 0, 1, 0, 2)),
      );
    });

  it('breaks ties on goals scored, then on the name in byte order',
    async () => {
      // Cup: Echo and Bravo 3 pts GD +1, Echo scored 2, Bravo 1; Hotel has
      // no cup result yet and stands with zeros ahead of Alpha (GD -2).
      const cup = await analyse('c3');
      expect(cup.tableSize).toBe(4);
      expect(cup.home.table).toEqual(
        line(1, rec(0, 0, 0, 0, 0, 0), rec(1, 1, 0, 0, 2, 1)),
      );
      expect(cup.away.table).toEqual(
        line(3, rec(0, 0, 0, 0, 0, 0), rec(0, 0, 0, 0, 0, 0)),
      );
      // Quebec and alpha level on everything: 'Q' sorts before 'a'.
      const tiny = await analyse('t2');
      expect(tiny.home.name).toBe('alpha');
      expect(tiny.home.table?.position).toBe(2);
      expect(tiny.away.table?.position).toBe(1);
    });

  it('prefers the average odds, then Bet365, then any bookmaker',
    async () => {
      expect((await analyse('m6')).odds).toEqual({
        bookmaker: 'avg', home: 1.95, draw: 3.3, away: 3.9,
        over25: 1.85, under25: 1.95,
      });
      expect((await analyse('m7')).odds?.bookmaker).toBe('b365');
      expect((await analyse('m5')).odds?.bookmaker).toBe('bwin');
      const m3 = await analyse('m3');
      expect(m3.odds).toBeNull();
      expect(m3.missing).toEqual(['odds', 'injuries']);
    });

  it('lists empty form, odds and injuries as missing', async () => {
    const first = await analyse('p0');
    expect(first.home.form).toEqual([]);
    expect(first.away.form).toEqual([]);
    expect(first.headToHead).toEqual([]);
    expect(first.tableSize).toBe(2);
    expect(first.home.table).toEqual(line(1, rec(0, 0, 0, 0, 0, 0),
      rec(0, 0, 0, 0, 0, 0)));
    expect(first.injuries).toBeNull();
    expect(first.missing).toEqual([
      'home.form', 'away.form', 'odds', 'injuries',
    ]);
    expect((await analyse('m6')).missing).toEqual(['injuries']);
  });

  it('throws an unrecoverable error for an unknown match', async () => {
    const error = await computeAnalysis(database.db, 987_654).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error).toMatchObject({
      matchId: 987_654, reason: 'unknown-match', unrecoverable: true,
      exitCode: 2,
    });
  });
});
