import type { PastResult } from '../models/forecaster.ts';
import { seasonFirstSample } from './results-before-kickoff.ts';

/** Average goals per match of home and away sides in a competition. */
export interface LeagueAverages {
  home: number;
  away: number;
  /** Matches the averages are computed from (0: the defaults). */
  matches: number;
}

/**
 * Used when the competition has no past result at all: rough long-run
 * averages of the big European leagues (about 1.5 home and 1.2 away goals).
 */
export const DEFAULT_LEAGUE_AVERAGES: LeagueAverages = {
  home: 1.5,
  away: 1.2,
  matches: 0,
};

/** At least this many matches feed the averages when the past has them. */
const MIN_LEAGUE_MATCHES = 100;

/**
 * The competition's average home and away goals: this season's results,
 * topped up with the most recent earlier ones to 100 matches.
 */
export function leagueAverages(
  results: readonly PastResult[],
  competitionId: string,
  season: string,
): LeagueAverages {
  const inCompetition = results.filter(
    (result) => result.competitionId === competitionId,
  );
  const sample = seasonFirstSample(inCompetition, season, MIN_LEAGUE_MATCHES);
  if (sample.length === 0) return DEFAULT_LEAGUE_AVERAGES;
  let home = 0;
  let away = 0;
  for (const result of sample) {
    home += result.homeGoals;
    away += result.awayGoals;
  }
  return {
    home: home / sample.length,
    away: away / sample.length,
    matches: sample.length,
  };
}
