import type { MatchStatus } from '../../src/core/types.ts';
import type { Db } from '../../src/db/open-database.ts';
import {
  competitions,
  matchOdds,
  matches,
  teams,
} from '../../src/db/schema.ts';

/**
 * A made-up but realistic data set for tests and the bench: 20 teams, two
 * double round-robin league seasons (`syn.1`, 2023-24 and 2024-25, 380
 * matches each), a midweek cup (`syn.cup`) with the same teams, matches
 * at the same kickoff, matches without a known time (local midnight),
 * postponed and awarded matches, and odds from several bookmakers. Fixed
 * seed: the same rows every time.
 */
export const SYNTHETIC_LEAGUE = 'syn.1';
export const SYNTHETIC_SEASON = '2024-25';

type NewMatch = typeof matches.$inferInsert;

/** Inserts the synthetic data; returns nothing, read it back from `db`. */
export async function insertSyntheticSeasons(db: Db): Promise<void> {
  const random = mulberry32(20_240_816);
  const pick = <T>(items: readonly T[]) =>
    items[Math.floor(random() * items.length)]!;
  const goals = () => pick([0, 0, 1, 1, 1, 2, 2, 3, 4]);

  await db.insert(competitions).values([
    { id: SYNTHETIC_LEAGUE, name: 'Synthetic League', timeZone: 'UTC' },
    { id: 'syn.cup', name: 'Synthetic Cup', timeZone: 'UTC' },
  ]);
  const names = Array.from({ length: 20 }, (_, i) =>
    i % 5 === 4 ? `club ${i + 1}` : `Club ${String(i + 1).padStart(2, '0')}`);
  const teamIds = (await db.insert(teams).values(
    names.map((name) => ({ name })),
  ).returning()).map((t) => t.id);

  const rows: NewMatch[] = [];
  const add = (row: Omit<NewMatch, 'matchKey' | 'status'>,
    status: MatchStatus = 'finished') => {
    const played = status === 'finished' || status === 'awarded';
    rows.push({
      ...row, matchKey: `syn-${rows.length}`, status,
      homeGoals: played ? goals() : null,
      awayGoals: played ? goals() : null,
    });
  };

  for (const [season, start] of [
    ['2023-24', Date.UTC(2023, 7, 12)],
    [SYNTHETIC_SEASON, Date.UTC(2024, 7, 17)],
  ] as const) {
    roundRobin(teamIds).forEach((pairs, round) => {
      const saturday = start + round * 7 * DAY;
      pairs.forEach(([home, away], i) => {
        // Five of ten at Saturday 15:00, the same instant.
        const slot = [12.5, 15, 15, 15, 15, 15, 17.5, 24 + 14, 24 + 16.5,
          24 + 16.5][i]!;
        const noTime = random() < 0.08;
        const kickoff = new Date(noTime
          ? saturday + Math.floor(slot / 24) * DAY
          : saturday + slot * HOUR);
        const roll = random();
        const status: MatchStatus = roll < 0.01 ? 'postponed'
          : roll < 0.015 ? 'awarded' : 'finished';
        add({
          competitionId: SYNTHETIC_LEAGUE, season, round: `${round + 1}`,
          homeTeamId: home, awayTeamId: away, kickoff,
          kickoffTimeKnown: !noTime,
        }, status);
      });
      if (round % 4 === 1) {
        // A midweek cup tie between two random teams.
        const home = pick(teamIds);
        const away = pick(teamIds.filter((id) => id !== home));
        add({
          competitionId: 'syn.cup', season, round: `cup ${round}`,
          homeTeamId: home, awayTeamId: away,
          kickoff: new Date(saturday + 3 * DAY + 19.75 * HOUR),
        });
      }
    });
  }

  const inserted = await db.insert(matches).values(rows)
    .returning({ id: matches.id });
  const odds = inserted.flatMap(({ id }) => {
    const roll = random();
    if (roll < 0.1) return [];
    const books = roll < 0.6 ? ['avg', 'b365', 'pinnacle']
      : roll < 0.8 ? ['b365', 'bwin'] : ['william', 'bwin'];
    return books.map((bookmaker) => ({
      matchId: id, bookmaker,
      home: 1.2 + Math.round(random() * 500) / 100,
      draw: 2.8 + Math.round(random() * 200) / 100,
      away: 1.2 + Math.round(random() * 500) / 100,
      over25: random() < 0.5 ? null : 1.5 + Math.round(random() * 100) / 100,
      under25: random() < 0.5 ? null : 1.5 + Math.round(random() * 100) / 100,
    }));
  });
  await db.insert(matchOdds).values(odds);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 38 rounds of 10 pairs: the circle method, second half reversed. */
function roundRobin(ids: number[]): [number, number][][] {
  const rounds: [number, number][][] = [];
  const ring = ids.slice(1);
  for (let r = 0; r < ids.length - 1; r += 1) {
    const order = [ids[0]!, ...ring];
    const pairs: [number, number][] = [];
    for (let i = 0; i < order.length / 2; i += 1) {
      const a = order[i]!;
      const b = order[order.length - 1 - i]!;
      pairs.push(r % 2 === 0 ? [a, b] : [b, a]);
    }
    rounds.push(pairs);
    ring.unshift(ring.pop()!);
  }
  return [...rounds, ...rounds.map((p) =>
    p.map(([a, b]) => [b, a] as [number, number]))];
}

/** A small seeded random generator, so the data are the same each run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
