import { describe, expect, it } from 'vitest';
import { createPoissonForecaster } from './poisson-forecaster.ts';
import { poissonGoalMeans, strength } from './poisson-goal-means.ts';
import { seasonFirstSample } from './results-before-kickoff.ts';
import {
  makeInput,
  makePastResult as r,
} from '../../test/baselines/hand-made-inputs.ts';

// Season s of competition X: league home goals (2+0+1+1)/4 = 1.0, away
// goals (1+0+1+3)/4 = 1.25. Team 1 hosts team 3.
const RESULTS = [
  r(1, 's', 1, 2, 2, 1),
  r(2, 's', 3, 4, 0, 0),
  r(3, 's', 2, 3, 1, 1),
  r(4, 's', 4, 1, 1, 3),
  r(5, 's', 1, 3, 7, 0, 'other cup'),
];

describe('poissonGoalMeans', () => {
  it('shrinks strengths by two games at the league average', () => {
    expect(strength(2, 1, 1)).toBeCloseTo(4 / 3, 12);
    expect(strength(0, 0, 1.25)).toBe(1);
  });

  it('multiplies league averages by attack and defence strengths', () => {
    const means = poissonGoalMeans(RESULTS, {
      competitionId: 'X',
      season: 's',
      homeTeamId: 1,
      awayTeamId: 3,
    });
    expect(means.league.home).toBeCloseTo(1, 12);
    expect(means.league.away).toBeCloseTo(1.25, 12);
    // Home: 1.0 * attack (2 + 2) / 3 * away defence (1 + 2) / 3 = 1.333333
    expect(means.home).toBeCloseTo(1.333333, 6);
    // Away: 1.25 * attack (1 + 2.5) / 3.75 * home defence (1 + 2.5) / 3.75
    expect(means.away).toBeCloseTo(1.088889, 6);
  });

  it('tops up a short season with the most recent earlier results', () => {
    const results = [r(1, 'a', 1, 2, 0, 0), r(2, 'a', 1, 2, 1, 0)];
    const sample = seasonFirstSample(
      [...results, r(3, 'b', 1, 2, 2, 0)],
      'b',
      2,
    );
    expect(sample.map((result) => result.matchId)).toEqual([2, 3]);
  });
});

describe('poisson and dixon-coles baselines', () => {
  it('answer the most likely score and note the expected goals', async () => {
    const input = makeInput(RESULTS, {}, 1, 3);
    const poisson = await createPoissonForecaster('poisson').forecast(input);
    // Means 1.33 and 1.09: P(H) > P(A); 1-0 (1.333) beats 2-1 (0.968),
    // 2-0 (0.889) in units of e^-2.42.
    expect(poisson.score).toEqual({ home: 1, away: 0 });
    expect(poisson.rawAnswer).toContain('expected goals 1.33-1.09');
    const dixonColes = await createPoissonForecaster('dc', -0.1).forecast(
      input,
    );
    expect(dixonColes.rawAnswer).toContain('rho -0.1');
  });

  it('uses the defaults with no past result', async () => {
    const forecast = await createPoissonForecaster('poisson').forecast(
      makeInput([]),
    );
    // League defaults 1.5 and 1.2, all strengths 1: 1-0 (1.5) beats 2-1
    // (1.35) and 2-0 (1.125) in units of e^-2.7.
    expect(forecast.score).toEqual({ home: 1, away: 0 });
    expect(forecast.rawAnswer).toContain('expected goals 1.50-1.20');
  });
});
