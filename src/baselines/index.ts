import type { Forecaster } from '../models/forecaster.ts';
import { createEloForecaster } from './elo-forecaster.ts';
import { createFormForecaster } from './form-forecaster.ts';
import { createHomeWinOneNilForecaster } from './home-win-one-nil.ts';
import { createMarketForecaster } from './market-forecaster.ts';
import { createMostCommonScoreForecaster } from './most-common-score.ts';
import {
  createPoissonForecaster,
  DIXON_COLES_RHO,
} from './poisson-forecaster.ts';

export { BaselineUnavailableError } from './baseline-unavailable-error.ts';

/**
 * The statistical baselines by name: a roster entry with provider
 * `baseline` and `model: <name>` is built with `BASELINES[name](modelId)`.
 * All are deterministic and use only their forecast input.
 */
export const BASELINES: Record<string, (modelId: string) => Forecaster> = {
  poisson: (modelId) => createPoissonForecaster(modelId),
  'dixon-coles': (modelId) => createPoissonForecaster(modelId, DIXON_COLES_RHO),
  elo: createEloForecaster,
  market: createMarketForecaster,
  form: createFormForecaster,
  'most-common-score': createMostCommonScoreForecaster,
  'home-win-1-0': createHomeWinOneNilForecaster,
};

/** The names of all baselines, in roster order. */
export const BASELINE_NAMES: readonly string[] = Object.keys(BASELINES);
