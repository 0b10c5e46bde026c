import { InternalError } from '../core/errors.ts';
import type { Score, Tendency } from '../core/types.ts';
import {
  tendencyProbabilities,
  type ScoreMatrix,
} from './poisson-probabilities.ts';

/** Tie order of tendencies: the home win first, then the draw. */
const TENDENCY_ORDER: readonly Tendency[] = ['H', 'D', 'A'];
/**
 * Probabilities closer than this count as equal: sums over the matrix of
 * two equal sides differ in the last bits, and a tie must not be decided
 * by rounding.
 */
const TIE_TOLERANCE = 1e-12;

/**
 * The score a baseline answers for a score matrix: the most likely score
 * within the most likely tendency (or within `tendency` when given).
 *
 * Why not the modal score of the whole matrix: for typical means it is 1-1
 * or 1-0 almost always, so a baseline would call a draw even when an away
 * win is clearly more likely (0-1, 1-2 and 0-2 together outweigh 1-1). The
 * tendency earns most of the points, so it is chosen first, then the score.
 *
 * Ties are broken deterministically: tendencies in the order H, D, A; scores
 * by fewer total goals, then more home goals.
 */
export function pickScore(matrix: ScoreMatrix, tendency?: Tendency): Score {
  const chosen = tendency ?? mostLikelyTendency(matrix);
  let best: Score | null = null;
  let bestProbability = -1;
  for (const [home, row] of matrix.entries()) {
    for (const [away, probability] of row.entries()) {
      if (tendencyOfGoals(home, away) !== chosen) continue;
      const candidate = { home, away };
      const better =
        probability > bestProbability + TIE_TOLERANCE ||
        (Math.abs(probability - bestProbability) <= TIE_TOLERANCE &&
          best !== null &&
          isPreferredOnTie(candidate, best));
      if (better) {
        best = candidate;
        bestProbability = probability;
      }
    }
  }
  if (best === null) {
    throw new InternalError(`score matrix has no score of tendency ${chosen}`);
  }
  return best;
}

/** The tendency with the highest probability (ties in the order H, D, A). */
export function mostLikelyTendency(matrix: ScoreMatrix): Tendency {
  return pickTendency(tendencyProbabilities(matrix));
}

/** The tendency with the highest probability (ties in the order H, D, A). */
export function pickTendency(
  probabilities: Record<Tendency, number>,
): Tendency {
  let best: Tendency = 'H';
  for (const tendency of TENDENCY_ORDER) {
    const margin = probabilities[tendency] - probabilities[best];
    if (margin > TIE_TOLERANCE) best = tendency;
  }
  return best;
}

function tendencyOfGoals(home: number, away: number): Tendency {
  if (home > away) return 'H';
  if (home < away) return 'A';
  return 'D';
}

function isPreferredOnTie(candidate: Score, current: Score): boolean {
  const candidateTotal = candidate.home + candidate.away;
  const currentTotal = current.home + current.away;
  if (candidateTotal !== currentTotal) return candidateTotal < currentTotal;
  return candidate.home > current.home;
}
