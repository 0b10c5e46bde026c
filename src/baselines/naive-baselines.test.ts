import { describe, expect, it } from 'vitest';
import { createHomeWinOneNilForecaster } from './home-win-one-nil.ts';
import {
  createMostCommonScoreForecaster,
  mostCommonScore,
} from './most-common-score.ts';
import {
  makeInput,
  makePastResult as r,
} from '../../test/baselines/hand-made-inputs.ts';

describe('mostCommonScore', () => {
  it('counts final scores over all competitions', () => {
    const results = [
      r(1, 's', 1, 2, 2, 1),
      r(2, 's', 3, 4, 2, 1, 'cup'),
      r(3, 's', 1, 2, 0, 0),
    ];
    expect(mostCommonScore(results)).toEqual({ home: 2, away: 1 });
  });

  it('breaks ties by lower total, then by more home goals', () => {
    const tied = [r(1, 's', 1, 2, 2, 1), r(2, 's', 1, 2, 1, 1)];
    expect(mostCommonScore(tied)).toEqual({ home: 1, away: 1 });
    const mirrored = [r(1, 's', 1, 2, 0, 1), r(2, 's', 1, 2, 1, 0)];
    expect(mostCommonScore(mirrored)).toEqual({ home: 1, away: 0 });
    const sameTotal = [r(1, 's', 1, 2, 1, 1), r(2, 's', 1, 2, 2, 0)];
    expect(mostCommonScore(sameTotal)).toEqual({ home: 2, away: 0 });
  });

  it('answers 1-0 without any result', async () => {
    const forecast = await createMostCommonScoreForecaster('m').forecast(
      makeInput([]),
    );
    expect(forecast).toEqual({
      score: { home: 1, away: 0 },
      rawAnswer: 'no past result; 1-0 by default',
    });
  });

  it('ignores results handed in from kickoff on', async () => {
    // Kickoff 2024-03-01: match 61 is on that day (2024-01-01 + 60 days).
    const results = [
      r(1, 's', 1, 2, 0, 0),
      r(61, 's', 1, 2, 3, 3),
      r(62, 's', 1, 2, 3, 3),
    ];
    const forecast = await createMostCommonScoreForecaster('m').forecast(
      makeInput(results),
    );
    expect(forecast.score).toEqual({ home: 0, away: 0 });
  });
});

describe('home-win-1-0', () => {
  it('always answers 1-0', async () => {
    const forecast = await createHomeWinOneNilForecaster('h').forecast(
      makeInput([r(1, 's', 1, 2, 0, 5)]),
    );
    expect(forecast.score).toEqual({ home: 1, away: 0 });
  });
});
