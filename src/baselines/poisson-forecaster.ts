import type { Forecaster } from '../models/forecaster.ts';
import { pickScore } from './pick-score.ts';
import { poissonGoalMeans } from './poisson-goal-means.ts';
import { makeScoreMatrix } from './poisson-probabilities.ts';
import { resultsBeforeKickoff } from './results-before-kickoff.ts';

/**
 * The low-score correction of the `dixon-coles` model. Published fits for
 * top leagues give rho between about -0.05 and -0.15; we use a fixed -0.1
 * instead of fitting it, and the strengths are the same simple ratios as
 * `poisson` (no maximum-likelihood fit with time decay).
 */
export const DIXON_COLES_RHO = -0.1;

/**
 * The `poisson` baseline (rho 0) or `dixon-coles` (rho negative): expected
 * goals from attack and defence strengths, then the most likely score within
 * the most likely tendency.
 */
export function createPoissonForecaster(modelId: string, rho = 0): Forecaster {
  return {
    modelId,
    async forecast(input) {
      const { context } = input;
      const results = await resultsBeforeKickoff(input);
      const means = poissonGoalMeans(results, {
        competitionId: context.competitionId,
        season: context.season,
        homeTeamId: context.home.teamId,
        awayTeamId: context.away.teamId,
      });
      const score = pickScore(makeScoreMatrix(means.home, means.away, rho));
      const rawAnswer =
        `expected goals ${means.home.toFixed(2)}-${means.away.toFixed(2)}` +
        ` (league ${means.league.home.toFixed(2)}-` +
        `${means.league.away.toFixed(2)} over ${means.league.matches}` +
        ` matches; ${means.homeGames} home and ${means.awayGames} away games` +
        `${rho === 0 ? '' : `; rho ${rho}`})`;
      return { score, rawAnswer };
    },
  };
}
