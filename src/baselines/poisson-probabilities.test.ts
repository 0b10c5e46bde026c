import { describe, expect, it } from 'vitest';
import {
  dixonColesFactor,
  makeScoreMatrix,
  overTwoAndHalfProbability,
  poissonProbability,
  tendencyProbabilities,
} from './poisson-probabilities.ts';

// Reference values: e^-1.5 = 0.2231301601, e^-1 = 0.3678794412.
describe('poissonProbability', () => {
  it('gives e^-m * m^k / k! for a few scores', () => {
    expect(poissonProbability(0, 1.5)).toBeCloseTo(0.2231301601, 9);
    expect(poissonProbability(1, 1.5)).toBeCloseTo(0.3346952402, 9);
    expect(poissonProbability(2, 1.5)).toBeCloseTo(0.2510214302, 9);
    expect(poissonProbability(1, 1)).toBeCloseTo(0.3678794412, 9);
  });
});

describe('makeScoreMatrix', () => {
  it('multiplies the two sides under independent Poisson', () => {
    const matrix = makeScoreMatrix(1.5, 1);
    // 1-0: 0.3346952402 * 0.3678794412
    expect(matrix[1]?.[0]).toBeCloseTo(0.1231274979, 6);
    // 0-0: e^-2.5
    expect(matrix[0]?.[0]).toBeCloseTo(0.0820849986, 6);
  });

  it('applies the Dixon-Coles factors to the four low scores', () => {
    expect(dixonColesFactor(0, 0, 1.5, 1, -0.1)).toBeCloseTo(1.15, 12);
    expect(dixonColesFactor(0, 1, 1.5, 1, -0.1)).toBeCloseTo(0.85, 12);
    expect(dixonColesFactor(1, 0, 1.5, 1, -0.1)).toBeCloseTo(0.9, 12);
    expect(dixonColesFactor(1, 1, 1.5, 1, -0.1)).toBeCloseTo(1.1, 12);
    expect(dixonColesFactor(2, 1, 1.5, 1, -0.1)).toBe(1);
    // 0-0 with rho -0.1: e^-2.5 * 1.15
    expect(makeScoreMatrix(1.5, 1, -0.1)[0]?.[0]).toBeCloseTo(0.0943978, 6);
  });

  it('sums to 1', () => {
    const total = makeScoreMatrix(2.2, 0.7, -0.1)
      .flat()
      .reduce((sum, p) => sum + p, 0);
    expect(total).toBeCloseTo(1, 12);
  });
});

describe('tendencyProbabilities', () => {
  it('splits the matrix into home win, draw and away win', () => {
    // Summed by hand over 0..29 goals for means 1.1 and 1.3.
    const p = tendencyProbabilities(makeScoreMatrix(1.1, 1.3));
    expect(p.H).toBeCloseTo(0.3141318, 6);
    expect(p.D).toBeCloseTo(0.2748885, 6);
    expect(p.A).toBeCloseTo(0.4109797, 6);
  });
});

describe('overTwoAndHalfProbability', () => {
  it('is 1 - e^-t (1 + t + t^2 / 2)', () => {
    // t = 2: 1 - 5 e^-2
    expect(overTwoAndHalfProbability(2)).toBeCloseTo(0.3233235838, 9);
  });
});
