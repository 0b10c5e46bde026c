import type { Db } from '../../src/db/open-database.ts';
import {
  competitions,
  matchOdds,
  matches,
  teams,
} from '../../src/db/schema.ts';
import type { MatchStatus } from '../../src/core/types.ts';

/**
 * A small hand-made set of matches whose analyses are worked out by hand
 * in compute-analysis.test.ts. League `L`, cup `C` and a tiny league `T`;
 * 2024-25 unless noted. Times are UTC.
 *
 *   p0..p4  L 2023-24  Alpha v Bravo meetings (Sep 2023 .. May 2024)
 *   m1  L 08-10 14:00  Alpha 2-0 Bravo
 *   m2  L 08-10 14:00  Charlie 1-1 Delta
 *   m3  L 08-17 14:00  Bravo 3-1 Charlie
 *   m4  L 08-17 16:30  Delta 0-2 Alpha
 *   m11 L 08-17 14:00  Hotel v Golf, postponed
 *   m8  L 08-20 19:00  Charlie v Alpha, postponed
 *   c1  C 08-20 19:00  Alpha 1-2 Echo
 *   c2  C 08-21 19:00  Bravo 1-0 Alpha
 *   aw  L 08-22 19:00  Delta 3-0 Charlie, awarded (not a result)
 *   m5  L 08-24 (no time: 08-23 23:00 UTC)  Alpha 1-1 Charlie
 *   m10 L 08-24 11:30  Foxtrot 1-0 Golf
 *   m6  L 08-24 14:00  Bravo 2-2 Charlie
 *   c3  C 08-25 19:00  Echo v Hotel, scheduled
 *   m7  L 08-31 14:00  Alpha v Bravo, scheduled
 *   m12 L 09-14 14:00  Charlie 5-0 Bravo
 *   t1  T 09-01 12:00  Quebec 0-0 alpha
 *   t2  T 09-08 12:00  alpha v Quebec, scheduled
 */
export type HandMadeLabel =
  | 'p0' | 'p1' | 'p2' | 'p3' | 'p4'
  | 'm1' | 'm2' | 'm3' | 'm4' | 'm5' | 'm6' | 'm7' | 'm8' | 'm10'
  | 'm11' | 'm12' | 'c1' | 'c2' | 'c3' | 'aw' | 't1' | 't2';

type Row = [
  HandMadeLabel, string, string, string, string, string, MatchStatus,
  [number, number] | null, boolean?,
];

const TEAM_NAMES = [
  'Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf',
  'Hotel', 'Quebec', 'alpha',
] as const;

const ROWS: Row[] = [
  ['p0', 'L', '2023-24', '2023-09-01T14:00:00Z', 'Alpha', 'Bravo',
    'finished', [1, 0]],
  ['p2', 'L', '2023-24', '2023-10-01T14:00:00Z', 'Bravo', 'Alpha',
    'finished', [2, 2]],
  ['p3', 'L', '2023-24', '2023-11-01T15:00:00Z', 'Alpha', 'Bravo',
    'finished', [3, 3]],
  ['p4', 'L', '2023-24', '2023-12-01T15:00:00Z', 'Bravo', 'Alpha',
    'finished', [0, 1]],
  ['p1', 'L', '2023-24', '2024-05-01T14:00:00Z', 'Bravo', 'Alpha',
    'finished', [4, 0]],
  ['m1', 'L', '2024-25', '2024-08-10T14:00:00Z', 'Alpha', 'Bravo',
    'finished', [2, 0]],
  ['m2', 'L', '2024-25', '2024-08-10T14:00:00Z', 'Charlie', 'Delta',
    'finished', [1, 1]],
  ['m3', 'L', '2024-25', '2024-08-17T14:00:00Z', 'Bravo', 'Charlie',
    'finished', [3, 1]],
  ['m4', 'L', '2024-25', '2024-08-17T16:30:00Z', 'Delta', 'Alpha',
    'finished', [0, 2]],
  ['m11', 'L', '2024-25', '2024-08-17T14:00:00Z', 'Hotel', 'Golf',
    'postponed', null],
  ['m8', 'L', '2024-25', '2024-08-20T19:00:00Z', 'Charlie', 'Alpha',
    'postponed', null],
  ['c1', 'C', '2024-25', '2024-08-20T19:00:00Z', 'Alpha', 'Echo',
    'finished', [1, 2]],
  ['c2', 'C', '2024-25', '2024-08-21T19:00:00Z', 'Bravo', 'Alpha',
    'finished', [1, 0]],
  ['aw', 'L', '2024-25', '2024-08-22T19:00:00Z', 'Delta', 'Charlie',
    'awarded', [3, 0]],
  ['m5', 'L', '2024-25', '2024-08-23T23:00:00Z', 'Alpha', 'Charlie',
    'finished', [1, 1], false],
  ['m10', 'L', '2024-25', '2024-08-24T11:30:00Z', 'Foxtrot', 'Golf',
    'finished', [1, 0]],
  ['m6', 'L', '2024-25', '2024-08-24T14:00:00Z', 'Bravo', 'Charlie',
    'finished', [2, 2]],
  ['c3', 'C', '2024-25', '2024-08-25T19:00:00Z', 'Echo', 'Hotel',
    'scheduled', null],
  ['m7', 'L', '2024-25', '2024-08-31T14:00:00Z', 'Alpha', 'Bravo',
    'scheduled', null],
  ['m12', 'L', '2024-25', '2024-09-14T14:00:00Z', 'Charlie', 'Bravo',
    'finished', [5, 0]],
  ['t1', 'T', 's1', '2024-09-01T12:00:00Z', 'Quebec', 'alpha',
    'finished', [0, 0]],
  ['t2', 'T', 's1', '2024-09-08T12:00:00Z', 'alpha', 'Quebec',
    'scheduled', null],
];

/** Inserts the hand-made set; returns match ids by label. */
export async function insertHandMadeMatches(
  db: Db,
): Promise<Record<HandMadeLabel, number>> {
  await db.insert(competitions).values([
    { id: 'L', name: 'League', timeZone: 'Europe/London' },
    { id: 'C', name: 'Cup', timeZone: 'Europe/London' },
    { id: 'T', name: 'Tiny league', timeZone: 'Europe/London' },
  ]);
  const inserted = await db
    .insert(teams)
    .values(TEAM_NAMES.map((name) => ({ name })))
    .returning();
  const teamId = new Map(inserted.map((t) => [t.name, t.id]));
  const idOf = (name: string) => teamId.get(name) as number;

  const ids = {} as Record<HandMadeLabel, number>;
  for (const [label, comp, season, kickoff, home, away, status, score,
    timeKnown] of ROWS) {
    const [row] = await db
      .insert(matches)
      .values({
        matchKey: label, competitionId: comp, season, round: label,
        homeTeamId: idOf(home), awayTeamId: idOf(away),
        kickoff: new Date(kickoff), kickoffTimeKnown: timeKnown ?? true,
        status, homeGoals: score?.[0] ?? null, awayGoals: score?.[1] ?? null,
      })
      .returning({ id: matches.id });
    ids[label] = row!.id;
  }

  const odds = (matchId: number, bookmaker: string, h: number, d: number,
    a: number, over25: number | null = null,
    under25: number | null = null) => ({
    matchId, bookmaker, home: h, draw: d, away: a, over25, under25,
  });
  await db.insert(matchOdds).values([
    odds(ids.m6, 'b365', 2.0, 3.4, 3.8, 1.8, 2.0),
    odds(ids.m6, 'avg', 1.95, 3.3, 3.9, 1.85, 1.95),
    odds(ids.m6, 'pinnacle', 2.05, 3.5, 3.7),
    odds(ids.m7, 'bwin', 1.5, 4.0, 6.0),
    odds(ids.m7, 'b365', 1.55, 4.2, 5.5, 1.6, 2.3),
    odds(ids.m5, 'william', 1.7, 3.6, 4.5),
    odds(ids.m5, 'bwin', 1.72, 3.5, 4.6),
  ]);
  return ids;
}
