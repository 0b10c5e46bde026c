import type { Tendency } from '../core/types.ts';

/**
 * Highest goal count per side in a score matrix. The mass beyond 10 goals is
 * negligible for football means (below 1e-6 for a mean of 3), and the matrix
 * is renormalised so that it sums to 1 anyway.
 */
export const MAX_GOALS = 10;

/** Probability of a matrix of scores: `matrix[home][away]`, summing to 1. */
export type ScoreMatrix = number[][];

/** P(X = goals) for X ~ Poisson(mean). */
export function poissonProbability(goals: number, mean: number): number {
  let probability = Math.exp(-mean);
  for (let k = 1; k <= goals; k += 1) probability *= mean / k;
  return probability;
}

/**
 * The Dixon-Coles factor for low scores (Dixon and Coles, 1997): with a
 * negative rho it moves probability from 1-0 and 0-1 to 0-0 and 1-1, where
 * independent Poisson undercounts draws. Other scores keep factor 1.
 */
export function dixonColesFactor(
  home: number,
  away: number,
  homeMean: number,
  awayMean: number,
  rho: number,
): number {
  if (home === 0 && away === 0) return 1 - homeMean * awayMean * rho;
  if (home === 0 && away === 1) return 1 + homeMean * rho;
  if (home === 1 && away === 0) return 1 + awayMean * rho;
  if (home === 1 && away === 1) return 1 - rho;
  return 1;
}

/**
 * The score matrix for two goal means under independent Poisson, with the
 * Dixon-Coles low-score correction when `rho` is not 0.
 */
export function makeScoreMatrix(
  homeMean: number,
  awayMean: number,
  rho = 0,
): ScoreMatrix {
  const home = goalProbabilities(homeMean);
  const away = goalProbabilities(awayMean);
  const matrix = home.map((ph, h) =>
    away.map((pa, a) => {
      const factor = dixonColesFactor(h, a, homeMean, awayMean, rho);
      return ph * pa * Math.max(factor, 0);
    }),
  );
  const total = sumMatrix(matrix);
  return matrix.map((row) => row.map((p) => p / total));
}

/** P(home win), P(draw), P(away win) of a score matrix. */
export function tendencyProbabilities(
  matrix: ScoreMatrix,
): Record<Tendency, number> {
  const result: Record<Tendency, number> = { H: 0, D: 0, A: 0 };
  matrix.forEach((row, h) =>
    row.forEach((p, a) => {
      result[h > a ? 'H' : h < a ? 'A' : 'D'] += p;
    }),
  );
  return result;
}

/** P(total goals >= 3) when total goals ~ Poisson(total). */
export function overTwoAndHalfProbability(total: number): number {
  return 1 - Math.exp(-total) * (1 + total + (total * total) / 2);
}

function goalProbabilities(mean: number): number[] {
  return Array.from({ length: MAX_GOALS + 1 }, (_, k) =>
    poissonProbability(k, mean),
  );
}

function sumMatrix(matrix: ScoreMatrix): number {
  return matrix.reduce((sum, row) => sum + row.reduce((s, p) => s + p, 0), 0);
}
