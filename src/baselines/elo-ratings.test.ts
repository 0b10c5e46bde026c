import { describe, expect, it } from 'vitest';
import type { PastResult } from '../models/forecaster.ts';
import {
  computeEloRatings,
  expectedResult,
  footballYear,
  goalDifferenceMultiplier,
  homeRatingChange,
  ratingForMatch,
} from './elo-ratings.ts';

// With home advantage 55 two equal sides give the home side
// 1 / (1 + 10^-0.1375) = 0.5784968.
describe('Elo updates', () => {
  it('expects 0.5784968 for the home side of two equal teams', () => {
    expect(expectedResult(55)).toBeCloseTo(0.5784968, 6);
    expect(expectedResult(0)).toBe(0.5);
  });

  it('uses the World Football Elo goal-difference multiplier', () => {
    expect(goalDifferenceMultiplier(0)).toBe(1);
    expect(goalDifferenceMultiplier(-1)).toBe(1);
    expect(goalDifferenceMultiplier(2)).toBe(1.5);
    expect(goalDifferenceMultiplier(-3)).toBe(1.75);
    expect(goalDifferenceMultiplier(4)).toBe(1.875);
  });

  it('moves ratings by K * G * (W - We)', () => {
    // 20 * (1 - 0.5784968), 20 * (0.5 - 0.5784968), 20 * 1.75 * -0.5784968
    expect(homeRatingChange(1500, 1500, 1, 0)).toBeCloseTo(8.430065, 5);
    expect(homeRatingChange(1500, 1500, 2, 2)).toBeCloseTo(-1.569935, 5);
    expect(homeRatingChange(1500, 1500, 0, 3)).toBeCloseTo(-20.247386, 5);
  });
});

function result(
  matchId: number,
  season: string,
  homeTeamId: number,
  awayTeamId: number,
  homeGoals: number,
  awayGoals: number,
): PastResult {
  return {
    matchId,
    competitionId: 'X',
    season,
    kickoff: new Date(Date.UTC(2024, 0, matchId)),
    homeTeamId,
    awayTeamId,
    homeGoals,
    awayGoals,
  };
}

describe('computeEloRatings', () => {
  const results = [result(1, 's1', 1, 2, 2, 0), result(2, 's1', 2, 1, 1, 1)];

  it('chains updates over results', () => {
    // 2-0 home win: +20 * 1.5 * (1 - 0.5784968) = +12.645097 for team 1.
    // Then 2 (1487.354903) hosts 1 (1512.645097) and draws: We of team 2
    // is 1 / (1 + 10^(-29.709806 / 400)) = 0.5427 and it loses 0.853039.
    const state = computeEloRatings(results);
    expect(state.ratings.get(1)).toBeCloseTo(1513.498136, 5);
    expect(state.ratings.get(2)).toBeCloseTo(1486.501864, 5);
  });

  it('regresses a third to the mean at a new season; newcomers at 1400', () => {
    // The results are from January 2024: football year 2023.
    const state = computeEloRatings(results);
    expect(ratingForMatch(state, 1, 2023)).toBeCloseTo(1513.498136, 5);
    // 1513.498136 - 13.498136 / 3
    expect(ratingForMatch(state, 1, 2024)).toBeCloseTo(1508.998757, 5);
    expect(ratingForMatch(state, 3, 2024)).toBe(1400);
    expect(ratingForMatch(state, 3, 2023)).toBe(1500);
  });

  it('counts football years from July, whatever the season labels', () => {
    expect(footballYear(new Date('2024-06-30T23:59:59Z'))).toBe(2023);
    expect(footballYear(new Date('2024-07-01T00:00:00Z'))).toBe(2024);
    expect(footballYear(new Date('2025-02-01T15:00:00Z'))).toBe(2024);
    // A cup match labelled differently in the same winter: no regression.
    const cup = { ...result(3, '2023', 1, 2, 0, 0), competitionId: 'cup' };
    const state = computeEloRatings([...results, cup]);
    // Team 1 hosts team 2 at 1513.498136 against 1486.501864, unchanged:
    // We = 1 / (1 + 10^(-81.996272 / 400)) = 0.615859, and the 0-0 costs
    // it 20 * (0.5 - 0.615859) = -2.317181.
    expect(state.ratings.get(1)).toBeCloseTo(1511.180955, 5);
  });
});
