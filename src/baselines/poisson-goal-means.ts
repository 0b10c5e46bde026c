import type { PastResult } from '../models/forecaster.ts';
import type { GoalMeans } from './fit-goal-means.ts';
import { leagueAverages, type LeagueAverages } from './league-averages.ts';
import { seasonFirstSample } from './results-before-kickoff.ts';

/** The match whose goal means are wanted. */
export interface MatchSides {
  competitionId: string;
  season: string;
  homeTeamId: number;
  awayTeamId: number;
}

/** Goal means with the numbers behind them, for the forecast's notes. */
export interface PoissonGoalMeans extends GoalMeans {
  league: LeagueAverages;
  /** Home games of the home side and away games of the away side used. */
  homeGames: number;
  awayGames: number;
}

/**
 * Fewer of a team's games than this in the current season (home or away) are
 * topped up with its most recent earlier games in the same competition.
 */
const MIN_TEAM_GAMES = 6;
/**
 * Each strength counts this many extra games at the league average, so that
 * a team with few games (a promoted side in August) is pulled towards the
 * average instead of being judged on one or two results.
 */
const PRIOR_GAMES = 2;

/**
 * Expected goals of both sides in the classic Poisson way: attack and
 * defence strengths relative to the league average, home games for the home
 * side and away games for the away side, in this competition only.
 */
export function poissonGoalMeans(
  results: readonly PastResult[],
  match: MatchSides,
): PoissonGoalMeans {
  const league = leagueAverages(results, match.competitionId, match.season);
  const inCompetition = results.filter(
    (result) => result.competitionId === match.competitionId,
  );
  const homeSample = seasonFirstSample(
    inCompetition.filter((result) => result.homeTeamId === match.homeTeamId),
    match.season,
    MIN_TEAM_GAMES,
  );
  const awaySample = seasonFirstSample(
    inCompetition.filter((result) => result.awayTeamId === match.awayTeamId),
    match.season,
    MIN_TEAM_GAMES,
  );

  // Home side at home: goals scored against the home average, conceded
  // against the away average; the away side the other way round.
  const homeGames = homeSample.length;
  const awayGames = awaySample.length;
  const homeAttack = strength(
    sumOf(homeSample, 'homeGoals'),
    homeGames,
    league.home,
  );
  const homeDefence = strength(
    sumOf(homeSample, 'awayGoals'),
    homeGames,
    league.away,
  );
  const awayAttack = strength(
    sumOf(awaySample, 'awayGoals'),
    awayGames,
    league.away,
  );
  const awayDefence = strength(
    sumOf(awaySample, 'homeGoals'),
    awayGames,
    league.home,
  );

  return {
    home: league.home * homeAttack * awayDefence,
    away: league.away * awayAttack * homeDefence,
    league,
    homeGames,
    awayGames,
  };
}

/** Goals per game relative to the average, shrunk towards 1. */
export function strength(
  goals: number,
  games: number,
  average: number,
): number {
  return (goals + PRIOR_GAMES * average) / ((games + PRIOR_GAMES) * average);
}

function sumOf(
  results: readonly PastResult[],
  side: 'homeGoals' | 'awayGoals',
): number {
  return results.reduce((sum, result) => sum + result[side], 0);
}
