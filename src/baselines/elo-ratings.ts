import type { PastResult } from '../models/forecaster.ts';

/** The parameters of the Elo baseline. */
export interface EloOptions {
  /** Rating of a team in the first season of the data. Default 1500. */
  initialRating: number;
  /** How fast ratings move per match. Default 20 (World Football Elo). */
  k: number;
  /**
   * Rating points added to the home side. Default 55: home sides in the big
   * leagues take about 0.58 of the points, and 400 * log10(0.58 / 0.42)
   * is about 55.
   */
  homeAdvantage: number;
  /** Share of the distance to the mean removed at a new season. Default 1/3. */
  seasonRegression: number;
  /**
   * A team first seen after the data's first season (mostly a promoted
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

/** Ratings after some results, and the season each team last played. */
export interface EloState {
  ratings: Map<number, number>;
  lastSeason: Map<number, string>;
  /** The season of the oldest result; undefined before any result. */
  firstSeason: string | undefined;
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
  const state: EloState = {
    ratings: new Map(),
    lastSeason: new Map(),
    firstSeason: results[0]?.season,
  };
  for (const result of results) {
    const { season } = result;
    const home = ratingForMatch(state, result.homeTeamId, season, options);
    const away = ratingForMatch(state, result.awayTeamId, season, options);
    const change = homeRatingChange(
      home,
      away,
      result.homeGoals,
      result.awayGoals,
      options,
    );
    state.ratings.set(result.homeTeamId, home + change);
    state.ratings.set(result.awayTeamId, away - change);
    state.lastSeason.set(result.homeTeamId, result.season);
    state.lastSeason.set(result.awayTeamId, result.season);
  }
  return state;
}

/**
 * The rating a team carries into a match of `season`. At its first match of
 * a new season it moves a third of the way back to the initial rating; a
 * team never seen starts at the initial rating in the data's first season
 * and `newcomerDeficit` below it later (mostly promoted sides).
 */
export function ratingForMatch(
  state: EloState,
  teamId: number,
  season: string,
  options: EloOptions = DEFAULT_ELO_OPTIONS,
): number {
  const current = state.ratings.get(teamId);
  if (current === undefined) {
    const firstSeason = state.firstSeason ?? season;
    return firstSeason === season
      ? options.initialRating
      : options.initialRating - options.newcomerDeficit;
  }
  if (state.lastSeason.get(teamId) === season) return current;
  const distance = current - options.initialRating;
  return current - options.seasonRegression * distance;
}
