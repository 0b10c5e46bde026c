import type { Tendency } from '../core/types.ts';
import {
  makeScoreMatrix,
  overTwoAndHalfProbability,
  tendencyProbabilities,
} from './poisson-probabilities.ts';

/** Expected goals of the home and the away side. */
export interface GoalMeans {
  home: number;
  away: number;
}

/** No side is expected to score fewer goals than this. */
const MIN_MEAN = 0.05;
/** Bounds for the expected total goals of a match when fitting. */
const MIN_TOTAL = 0.5;
const MAX_TOTAL = 6;
const BISECTION_STEPS = 40;

/** The goal means for a total and a supremacy (home minus away goals). */
export function meansOf(total: number, supremacy: number): GoalMeans {
  const limit = total - 2 * MIN_MEAN;
  const bounded = Math.min(Math.max(supremacy, -limit), limit);
  return { home: (total + bounded) / 2, away: (total - bounded) / 2 };
}

/**
 * The supremacy that gives `target` for a measure increasing with supremacy,
 * at a fixed total, by bisection; clamped to the feasible range.
 */
export function fitSupremacy(
  total: number,
  target: number,
  measure: (probabilities: Record<Tendency, number>) => number,
): number {
  let low = -(total - 2 * MIN_MEAN);
  let high = total - 2 * MIN_MEAN;
  for (let step = 0; step < BISECTION_STEPS; step += 1) {
    const middle = (low + high) / 2;
    const { home, away } = meansOf(total, middle);
    const value = measure(tendencyProbabilities(makeScoreMatrix(home, away)));
    if (value < target) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Goal means whose home expected points, P(H) + P(D) / 2, equal
 * `expectedPoints` (an Elo expected result) for a given total.
 */
export function meansFromExpectedPoints(
  total: number,
  expectedPoints: number,
): GoalMeans {
  const supremacy = fitSupremacy(total, expectedPoints, (p) => p.H + p.D / 2);
  return meansOf(total, supremacy);
}

/** The total goals whose Poisson P(over 2.5) is `probability`. */
export function totalFromOverProbability(probability: number): number {
  let low = MIN_TOTAL;
  let high = MAX_TOTAL;
  for (let step = 0; step < BISECTION_STEPS; step += 1) {
    const middle = (low + high) / 2;
    if (overTwoAndHalfProbability(middle) < probability) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

/**
 * Goal means matching market probabilities (margin already removed): the
 * supremacy from P(H) - P(A); the total from P(over 2.5) when known, else
 * from P(D), since more expected goals leave less room for a draw.
 */
export function meansFromMarket(
  tendencies: Record<Tendency, number>,
  over25: number | null,
): GoalMeans {
  const edge = tendencies.H - tendencies.A;
  const fitAt = (total: number): GoalMeans =>
    meansOf(total, fitSupremacy(total, edge, (p) => p.H - p.A));
  if (over25 !== null) return fitAt(totalFromOverProbability(over25));

  // P(D) falls as the total rises (at the fitted supremacy): bisect on it.
  let low = MIN_TOTAL;
  let high = MAX_TOTAL;
  for (let step = 0; step < BISECTION_STEPS; step += 1) {
    const middle = (low + high) / 2;
    const { home, away } = fitAt(middle);
    const draw = tendencyProbabilities(makeScoreMatrix(home, away)).D;
    if (draw > tendencies.D) low = middle;
    else high = middle;
  }
  return fitAt((low + high) / 2);
}
