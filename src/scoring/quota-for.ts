import { InternalError } from '../core/errors.ts';
import type { Tendency } from '../core/types.ts';
import {
  DEFAULT_SCORING_CONFIG,
  type ScoringConfig,
} from './scoring-config.ts';

/** The quota of each tendency in one match. */
export type Quotas = Record<Tendency, number>;

/** How many predictions of a match call each tendency. */
export type TendencyCounts = Record<Tendency, number>;

/**
 * The quota of a tendency that `count` of the match's `total` predictions
 * call. The product brief's formula, with min and max from the config:
 *
 *   quota = max                                      when count = 0
 *   quota = round(clamp(max / (10 c/n) - 0.6 + min, min, max))  otherwise
 *
 * The unrounded value is the fraction (10 max n + (100 min - 60) c) / (100 c)
 * (with the defaults (6n + 14c) / (10c)); it is clamped first, then rounded
 * half up, all in integers, because floating point can turn 3.5 into
 * 3.4999... and round it down.
 */
export function quotaFor(
  count: number,
  total: number,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): number {
  const { quotaMin: min, quotaMax: max } = config;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
    throw new InternalError(
      `quota bounds must be whole numbers with min <= max, got ${min} and ${max}`,
    );
  }
  if (!isCount(count) || !isCount(total) || count > total) {
    throw new InternalError(
      `a tendency count must be a whole number from 0 to the total, got ${count} of ${total}`,
    );
  }
  if (count === 0) return max;

  // max n / (10 c) - 6/10 + min, over the common denominator 10 c.
  const numerator = max * total + (10 * min - 6) * count;
  const denominator = 10 * count;
  if (numerator <= min * denominator) return min;
  if (numerator >= max * denominator) return max;
  // Half up: floor(p/q + 1/2) = floor((2p + q) / (2q)), with p, q > 0.
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** The three quotas of a match from its predictions' tendency counts. */
export function quotasFor(
  counts: TendencyCounts,
  config: ScoringConfig = DEFAULT_SCORING_CONFIG,
): Quotas {
  const total = counts.H + counts.D + counts.A;
  return {
    H: quotaFor(counts.H, total, config),
    D: quotaFor(counts.D, total, config),
    A: quotaFor(counts.A, total, config),
  };
}

/** Counts the tendencies of a list of predictions. */
export function countTendencies(
  tendencies: Iterable<Tendency>,
): TendencyCounts {
  const counts: TendencyCounts = { H: 0, D: 0, A: 0 };
  for (const tendency of tendencies) counts[tendency] += 1;
  return counts;
}

function isCount(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 0;
}
