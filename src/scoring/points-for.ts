import { tendencyOf, type Score, type Tendency } from '../core/types.ts';
import type { Quotas } from './quota-for.ts';
import {
  DEFAULT_SCORING_CONFIG,
  POINTS_CAP,
  type ScoringConfig,
} from './scoring-config.ts';

/**
 * The points of one prediction, split as the `predictions` table stores
 * them. The three parts always add up to `points`.
 */
export interface PointsBreakdown {
  /** The quota of the prediction's own tendency (what a hit earns). */
  quota: number;
  /** The quota of the actual tendency on a hit, else 0. */
  tendency: number;
  /** The goal-difference bonus on a hit with the right difference. */
  goalDifference: number;
  /** The exact-score bonus. */
  exact: number;
  /** The sum, at most POINTS_CAP. */
  points: number;
}

/**
 * Scores one prediction against the regular-time score: 0 for a wrong
 * tendency; otherwise the quota of the actual tendency, plus the
 * goal-difference bonus when the difference is right (a correct draw
 * always has it), plus the exact bonus when the score is exact, at most
 * POINTS_CAP (10).
 *
 * The cap only bites when an operator raised the constants past
 * 6 + 1 + 3. Then the exact bonus gives way first, then the
 * goal-difference bonus, then the quota part, so that the stored parts
 * still add up to the points.
 */
export function pointsFor(
  prediction: Score,
  actual: Score,
  quotas: Quotas,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): PointsBreakdown {
  const predicted: Tendency = tendencyOf(prediction);
  const quota = quotas[predicted];
  if (predicted !== tendencyOf(actual)) {
    return { quota, tendency: 0, goalDifference: 0, exact: 0, points: 0 };
  }

  const sameDifference =
    prediction.home - prediction.away === actual.home - actual.away;
  const sameScore =
    prediction.home === actual.home && prediction.away === actual.away;
  let room = POINTS_CAP;
  const tendency = Math.min(quotas[tendencyOf(actual)], room);
  room -= tendency;
  const goalDifference = sameDifference
    ? Math.min(config.bonusGoalDifference, room)
    : 0;
  room -= goalDifference;
  const exact = sameScore ? Math.min(config.bonusExact, room) : 0;
  return {
    quota,
    tendency,
    goalDifference,
    exact,
    points: tendency + goalDifference + exact,
  };
}
