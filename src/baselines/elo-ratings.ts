import type { PastResult } from '../models/forecaster.ts';

/** The parameters of the Elo baseline. */
export interface EloOptions {
  /** Rating of a team in the data's first football year. Default 1500. */
  initialRating: number;
  /** How fast ratings move per match. Default 20 (World Football Elo). */
  k: number;
  /**
   * Rating points added to the home side. Default 55: home sides in the big
   * leagues take about 0.58 of the points, and 400 * log10(0.58 / 0.42)
   * is about 55.
   */
  homeAdvantage: number;
  /** Share of the gap to the initial rating closed each season. Default 1/3. */
  seasonRegression: number;
  /**
   * A team first seen after the data's first football year (mostly a promoted
   * side) starts this far below the initial rating. Default 100.
   */
  newcomerDeficit: number;
}

export const DEFAULT_ELO_OPTIONS: EloOptions = {
  initialRating: 1500,
  k: 20,
  homeAdvantage: 55,
  seasonRegression: 1 / 3,
  newcomerDeficit: 100,
};

/** Ratings after some results, and the football year each team last played. */
export interface EloState {
  ratings: Map<number, number>;
  lastYear: Map<number, number>;
  /** The football year of the oldest result; undefined before any result. */
  firstYear: number | undefined;
}

/**
 * The football year of an instant: the calendar year in which its season
 * started, seasons running from July to June (2025-02-01 is in 2024).
 *
 * Why not the `season` field: results of all competitions feed the ratings,
 * and sources label seasons differently (`2024-25`, `2024`); a change of
 * label between a league and a cup match must not count as a new season.
 * Shortcoming: competitions played within a calendar year (MLS, Nordic
 * leagues) get their regression in July, mid-season; it can go once such
 * competitions are tracked and carry a season start date.
 */
export function footballYear(instant: Date): number {
  const year = instant.getUTCFullYear();
  return instant.getUTCMonth() >= 6 ? year : year - 1;
}

/** The expected result (win 1, draw 0.5) of a side `difference` ahead. */
export function expectedResult(difference: number): number {
  return 1 / (1 + 10 ** (-difference / 400));
}

/**
 * The goal-difference multiplier of World Football Elo: 1 for a draw or a
 * one-goal win, 1.5 for two goals, (11 + N) / 8 for N >= 3 goals.
 */
export function goalDifferenceMultiplier(goalDifference: number): number {
  const margin = Math.abs(goalDifference);
  if (margin <= 1) return 1;
  if (margin === 2) return 1.5;
  return (11 + margin) / 8;
}

/**
 * The rating change of the home side after a result (the away side changes
 * by the opposite amount): K * G * (W - We).
 */
export function homeRatingChange(
  homeRating: number,
  awayRating: number,
  homeGoals: number,
  awayGoals: number,
  options: EloOptions = DEFAULT_ELO_OPTIONS,
): number {
  const expected = expectedResult(
    homeRating + options.homeAdvantage - awayRating,
  );
  const actual =
    homeGoals > awayGoals ? 1 : homeGoals === awayGoals ? 0.5 : 0;
  const multiplier = goalDifferenceMultiplier(homeGoals - awayGoals);
  return options.k * multiplier * (actual - expected);
}

/**
 * Ratings after all results (oldest first), all competitions together.
 *
 * O(n) per call, recomputed per forecast instead of cached: the bench
 * (bench/baselines.ts) measured about 0.3 ms for 750 results, against
 * about 3 ms for the rest of an Elo forecast (fitting the goal means).
 */
export function computeEloRatings(
  results: readonly PastResult[],
  options: EloOptions = DEFAULT_ELO_OPTIONS,
): EloState {
  const first = results[0];
  const state: EloState = {
    ratings: new Map(),
    lastYear: new Map(),
    firstYear: first === undefined ? undefined : footballYear(first.kickoff),
  };
  for (const result of results) {
    const year = footballYear(result.kickoff);
    const home = ratingForMatch(state, result.homeTeamId, year, options);
    const away = ratingForMatch(state, result.awayTeamId, year, options);
    const change = homeRatingChange(
      home,
      away,
      result.homeGoals,
      result.awayGoals,
      options,
    );
    state.ratings.set(result.homeTeamId, home + change);
    state.ratings.set(result.awayTeamId, away - change);
    state.lastYear.set(result.homeTeamId, year);
    state.lastYear.set(result.awayTeamId, year);
  }
  return state;
}

/**
 * The rating a team carries into a match of football year `year`. At its
 * first match of a new football year it moves a third of the way back to
 * the initial rating; a team never seen starts at the initial rating in the
 * data's first football year and `newcomerDeficit` below it later (mostly
 * promoted sides).
 */
export function ratingForMatch(
  state: EloState,
  teamId: number,
  year: number,
  options: EloOptions = DEFAULT_ELO_OPTIONS,
): number {
  const current = state.ratings.get(teamId);
  if (current === undefined) {
    const firstYear = state.firstYear ?? year;
    return firstYear === year
      ? options.initialRating
      : options.initialRating - options.newcomerDeficit;
  }
  if (state.lastYear.get(teamId) === year) return current;
  const distance = current - options.initialRating;
  return current - options.seasonRegression * distance;
}
