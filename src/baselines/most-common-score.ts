import type { Score } from '../core/types.ts';
import type { Forecaster, PastResult } from '../models/forecaster.ts';
import { resultsBeforeKickoff } from './results-before-kickoff.ts';

/** The answer when there is no past result at all. */
const SCORE_WITHOUT_RESULTS: Score = { home: 1, away: 0 };

/**
 * The most common final score among results (all competitions). Ties go to
 * the lower total, then to more home goals (1-0 before 0-1); with no result
 * at all, 1-0.
 */
export function mostCommonScore(results: readonly PastResult[]): Score {
  const counts = new Map<string, { score: Score; count: number }>();
  for (const result of results) {
    const key = `${result.homeGoals}-${result.awayGoals}`;
    const entry = counts.get(key) ?? {
      score: { home: result.homeGoals, away: result.awayGoals },
      count: 0,
    };
    entry.count += 1;
    counts.set(key, entry);
  }
  let best: { score: Score; count: number } | null = null;
  for (const entry of counts.values()) {
    if (best === null || isBetter(entry, best)) best = entry;
  }
  return best === null ? SCORE_WITHOUT_RESULTS : best.score;
}

function isBetter(
  candidate: { score: Score; count: number },
  current: { score: Score; count: number },
): boolean {
  if (candidate.count !== current.count) return candidate.count > current.count;
  const candidateTotal = candidate.score.home + candidate.score.away;
  const currentTotal = current.score.home + current.score.away;
  if (candidateTotal !== currentTotal) return candidateTotal < currentTotal;
  return candidate.score.home > current.score.home;
}

/** The `most-common-score` baseline: the most common past final score. */
export function createMostCommonScoreForecaster(modelId: string): Forecaster {
  return {
    modelId,
    async forecast(input) {
      const results = await resultsBeforeKickoff(input);
      const score = mostCommonScore(results);
      const rawAnswer =
        results.length === 0
          ? 'no past result; 1-0 by default'
          : `most common score over ${results.length} past results`;
      return { score, rawAnswer };
    },
  };
}
