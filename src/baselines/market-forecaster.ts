import type { Forecaster } from '../models/forecaster.ts';
import { BaselineUnavailableError } from './baseline-unavailable-error.ts';
import { meansFromMarket } from './fit-goal-means.ts';
import { marketProbabilities } from './market-odds.ts';
import { pickScore, pickTendency } from './pick-score.ts';
import { makeScoreMatrix } from './poisson-probabilities.ts';

/**
 * The `market` baseline: bookmaker odds of the context, margin removed, are
 * turned into goal means (supremacy from 1X2, total from over/under 2.5 or
 * else from the draw price). The tendency is the market favourite; the
 * score is the most likely one of that tendency.
 *
 * Without usable odds it throws BaselineUnavailableError instead of
 * guessing: a market model that answers without a market would be
 * dishonest. With a data source that has no odds (openfootball) every
 * match fails for this model, so leave it inactive in such a roster.
 */
export function createMarketForecaster(modelId: string): Forecaster {
  return {
    modelId,
    async forecast({ context }) {
      const odds = context.odds;
      const market = odds === null ? null : marketProbabilities(odds);
      if (odds === null || market === null) {
        throw new BaselineUnavailableError(
          modelId,
          context.matchId,
          `match ${context.matchId} has no usable 1X2 odds, so the market model cannot forecast it; use a data source with odds or leave ${modelId} inactive in the roster`,
        );
      }
      const means = meansFromMarket(market.tendencies, market.over25);
      const tendency = pickTendency(market.tendencies);
      const score = pickScore(
        makeScoreMatrix(means.home, means.away),
        tendency,
      );
      const { H, D, A } = market.tendencies;
      const over =
        market.over25 === null
          ? ''
          : `, over 2.5 ${market.over25.toFixed(3)}`;
      const rawAnswer =
        `${odds.bookmaker} H ${H.toFixed(3)} D ${D.toFixed(3)} ` +
        `A ${A.toFixed(3)}${over}, expected goals ` +
        `${means.home.toFixed(2)}-${means.away.toFixed(2)}`;
      return { score, rawAnswer };
    },
  };
}
