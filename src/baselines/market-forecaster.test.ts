import { describe, expect, it } from 'vitest';
import { BaselineUnavailableError } from './baseline-unavailable-error.ts';
import {
  meansFromMarket,
  totalFromOverProbability,
} from './fit-goal-means.ts';
import { createMarketForecaster } from './market-forecaster.ts';
import { impliedProbabilities, marketProbabilities } from './market-odds.ts';
import {
  makeScoreMatrix,
  tendencyProbabilities,
} from './poisson-probabilities.ts';
import { makeInput } from '../../test/baselines/hand-made-inputs.ts';

const ODDS = {
  bookmaker: 'average',
  home: 2,
  draw: 3.5,
  away: 4,
  over25: 1.9,
  under25: 1.9,
};

describe('market odds', () => {
  it('removes the margin proportionally', () => {
    // 1/2 + 1/3.5 + 1/4 = 1.0357143; each divided by that sum.
    const [home, draw, away] = impliedProbabilities([2, 3.5, 4]);
    expect(home).toBeCloseTo(0.4827586, 6);
    expect(draw).toBeCloseTo(0.2758621, 6);
    expect(away).toBeCloseTo(0.2413793, 6);
    const market = marketProbabilities(ODDS);
    expect(market?.margin).toBeCloseTo(0.0357143, 6);
    expect(market?.over25).toBeCloseTo(0.5, 12);
  });

  it('ignores over/under when a price is missing or not above 1', () => {
    expect(marketProbabilities({ ...ODDS, over25: null })?.over25).toBeNull();
    expect(marketProbabilities({ ...ODDS, under25: 1 })?.over25).toBeNull();
    expect(marketProbabilities({ ...ODDS, draw: Number.NaN })).toBeNull();
  });

  it('finds the total whose Poisson P(over 2.5) is one half', () => {
    // Solved separately: 1 - e^-t (1 + t + t^2 / 2) = 0.5 at t = 2.674060.
    expect(totalFromOverProbability(0.5)).toBeCloseTo(2.67406, 5);
  });

  it('fits goal means that give back the market probabilities', () => {
    const tendencies = { H: 0.4827586, D: 0.2758621, A: 0.2413793 };
    const withTotal = meansFromMarket(tendencies, 0.5);
    expect(withTotal.home + withTotal.away).toBeCloseTo(2.67406, 5);
    const p = tendencyProbabilities(
      makeScoreMatrix(withTotal.home, withTotal.away),
    );
    expect(p.H - p.A).toBeCloseTo(0.2413793, 6);

    const fromDraw = meansFromMarket(tendencies, null);
    const q = tendencyProbabilities(
      makeScoreMatrix(fromDraw.home, fromDraw.away),
    );
    expect(q.D).toBeCloseTo(0.2758621, 5);
    expect(q.H - q.A).toBeCloseTo(0.2413793, 5);
  });
});

describe('market baseline', () => {
  it('fails with BaselineUnavailableError without odds', async () => {
    const market = createMarketForecaster('market');
    const forecast = market.forecast(makeInput([]));
    await expect(forecast).rejects.toBeInstanceOf(BaselineUnavailableError);
    await expect(forecast).rejects.toThrow(/match 999 has no usable 1X2 odds/);
  });

  it('calls the market favourite', async () => {
    const market = createMarketForecaster('market');
    const home = await market.forecast(makeInput([], { odds: ODDS }));
    // Means about 1.6 and 1.07: per e^-(sum), 1-0 is 1.6, 2-0 1.28 and
    // 2-1 1.37, so 1-0 within the home win.
    expect(home.score).toEqual({ home: 1, away: 0 });
    expect(home.rawAnswer).toContain('H 0.483 D 0.276 A 0.241');

    const awayOdds = { ...ODDS, home: 6, draw: 4.5, away: 1.5 };
    const away = await market.forecast(makeInput([], { odds: awayOdds }));
    expect(away.score.away).toBeGreaterThan(away.score.home);
  });
});
