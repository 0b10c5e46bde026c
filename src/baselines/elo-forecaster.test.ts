import { describe, expect, it } from 'vitest';
import { createEloForecaster } from './elo-forecaster.ts';
import {
  makeInput,
  makePastResult as r,
} from '../../test/baselines/hand-made-inputs.ts';

describe('elo baseline', () => {
  it('gives the home side of two new teams 0.578 and a home win', async () => {
    const forecast = await createEloForecaster('elo').forecast(makeInput([]));
    expect(forecast.score).toEqual({ home: 1, away: 0 });
    expect(forecast.rawAnswer).toContain(
      'elo 1500-1500, home expected result 0.578',
    );
  });

  it('calls an away win when the visitors are far stronger', async () => {
    // Team 2 beats team 1 by four goals six times: ratings drift apart.
    const results = [1, 2, 3, 4, 5, 6].map((day) =>
      day % 2 === 0 ? r(day, 's', 2, 1, 4, 0) : r(day, 's', 1, 2, 0, 4),
    );
    const forecast = await createEloForecaster('elo').forecast(
      makeInput(results),
    );
    expect(forecast.score.away).toBeGreaterThan(forecast.score.home);
  });
});
