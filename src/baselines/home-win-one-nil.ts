import type { Forecaster } from '../models/forecaster.ts';

/** The `home-win-1-0` baseline: always 1-0, whatever the match. */
export function createHomeWinOneNilForecaster(modelId: string): Forecaster {
  return {
    modelId,
    async forecast() {
      return { score: { home: 1, away: 0 }, rawAnswer: 'always 1-0' };
    },
  };
}
