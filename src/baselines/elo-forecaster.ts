import type { Forecaster } from '../models/forecaster.ts';
import {
  computeEloRatings,
  DEFAULT_ELO_OPTIONS,
  expectedResult,
  footballYear,
  ratingForMatch,
} from './elo-ratings.ts';
import { meansFromExpectedPoints } from './fit-goal-means.ts';
import { leagueAverages } from './league-averages.ts';
import { pickScore } from './pick-score.ts';
import { makeScoreMatrix } from './poisson-probabilities.ts';
import { resultsBeforeKickoff } from './results-before-kickoff.ts';

/**
 * The `elo` baseline: ratings from all past results; the expected result of
 * the home side (with home advantage) becomes a goal supremacy, the one at
 * which independent Poisson gives the home side the same expected points,
 * P(H) + P(D) / 2, around the competition's average total goals. The score
 * is the most likely one within the most likely tendency.
 */
export function createEloForecaster(modelId: string): Forecaster {
  const options = DEFAULT_ELO_OPTIONS;
  return {
    modelId,
    async forecast(input) {
      const { context } = input;
      const results = await resultsBeforeKickoff(input);
      const state = computeEloRatings(results, options);
      const year = footballYear(new Date(context.kickoff));
      const home = ratingForMatch(state, context.home.teamId, year);
      const away = ratingForMatch(state, context.away.teamId, year);
      const expected = expectedResult(home + options.homeAdvantage - away);
      const league = leagueAverages(
        results,
        context.competitionId,
        context.season,
      );
      const means = meansFromExpectedPoints(
        league.home + league.away,
        expected,
      );
      const score = pickScore(makeScoreMatrix(means.home, means.away));
      const rawAnswer =
        `elo ${Math.round(home)}-${Math.round(away)}, home expected result ` +
        `${expected.toFixed(3)}, expected goals ${means.home.toFixed(2)}-` +
        `${means.away.toFixed(2)}`;
      return { score, rawAnswer };
    },
  };
}
