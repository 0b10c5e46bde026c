import { describe, expect, it } from 'vitest';
import { mostLikelyTendency, pickScore } from './pick-score.ts';
import { makeScoreMatrix } from './poisson-probabilities.ts';

describe('pickScore', () => {
  it('takes the most likely score within the most likely tendency', () => {
    // Means 1.1 and 1.3: the modal score is 1-1 (1.43 e^-2.4 = 0.1297)
    // but the away win is the most likely tendency (0.411 against 0.275
    // for the draw), and its most likely score is 0-1 (1.3 e^-2.4).
    const matrix = makeScoreMatrix(1.1, 1.3);
    expect(matrix[1]?.[1]).toBeGreaterThan(matrix[0]?.[1] ?? 1);
    expect(mostLikelyTendency(matrix)).toBe('A');
    expect(pickScore(matrix)).toEqual({ home: 0, away: 1 });
  });

  it('picks 0-2 for means 0.5 and 2.5', () => {
    // Away scores, in units of e^-3: 0-2 0.6065 * 3.125 = 1.895,
    // 0-3 1.579, 0-1 1.516, 1-2 0.948.
    expect(pickScore(makeScoreMatrix(0.5, 2.5))).toEqual({
      home: 0,
      away: 2,
    });
  });

  it('picks 2-0 for means 2.5 and 0.5, and 1-0 for 1.8 and 0.9', () => {
    expect(pickScore(makeScoreMatrix(2.5, 0.5))).toEqual({ home: 2, away: 0 });
    // 1-0: 1.8 e^-2.7 beats 2-0 (1.62) and 2-1 (1.458).
    expect(pickScore(makeScoreMatrix(1.8, 0.9))).toEqual({ home: 1, away: 0 });
  });

  it('keeps to a given tendency', () => {
    expect(pickScore(makeScoreMatrix(1.8, 0.9), 'D')).toEqual({
      home: 1,
      away: 1,
    });
  });

  it('breaks ties towards the home win and the lower total', () => {
    // Equal means of 1: H and A tie and H goes first; within H, 1-0
    // (e^-2) beats 2-0 (e^-2 / 2) and 2-1 (e^-2 / 2).
    expect(pickScore(makeScoreMatrix(1, 1))).toEqual({ home: 1, away: 0 });
    // Mean 1 against 1: 1-1 and 0-0 both e^-2 within the draw: 0-0.
    expect(pickScore(makeScoreMatrix(1, 1), 'D')).toEqual({
      home: 0,
      away: 0,
    });
  });
});
