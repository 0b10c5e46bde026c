import type { FormEntry } from '../core/types.ts';
import type { GoalMeans } from './fit-goal-means.ts';
import type { LeagueAverages } from './league-averages.ts';

/** Goals for and against per game over a team's form entries. */
export interface FormRates {
  scored: number;
  conceded: number;
  games: number;
}

/**
 * Goals per game over the form entries; a team with no form gets the
 * league's goals per side per game, so it counts as average.
 */
export function formRates(
  form: readonly FormEntry[],
  league: LeagueAverages,
): FormRates {
  if (form.length === 0) {
    const perSide = (league.home + league.away) / 2;
    return { scored: perSide, conceded: perSide, games: 0 };
  }
  let scored = 0;
  let conceded = 0;
  for (const entry of form) {
    scored += entry.goalsFor;
    conceded += entry.goalsAgainst;
  }
  return {
    scored: scored / form.length,
    conceded: conceded / form.length,
    games: form.length,
  };
}

/** No side is expected to score fewer goals than this. */
const MIN_MEAN = 0.1;

/**
 * Goal means from recent form: each side's mean is the average of what it
 * scores and what the other side concedes, scaled by the league's home (or
 * away) goals over its goals per side, since form mixes home and away games.
 */
export function formGoalMeans(
  home: FormRates,
  away: FormRates,
  league: LeagueAverages,
): GoalMeans {
  const perSide = (league.home + league.away) / 2;
  return {
    home: Math.max(
      MIN_MEAN,
      ((home.scored + away.conceded) / 2) * (league.home / perSide),
    ),
    away: Math.max(
      MIN_MEAN,
      ((away.scored + home.conceded) / 2) * (league.away / perSide),
    ),
  };
}
