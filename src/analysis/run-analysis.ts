import { systemClock, type Clock } from '../core/clock.ts';
import { scopedLogger, type Logger } from '../core/logger.ts';
import type { MatchStatus } from '../core/types.ts';
import { upsertAnalysis } from '../db/analyses.ts';
import type { Db } from '../db/open-database.ts';
import { AnalysisError } from './analysis-error.ts';
import { isCoreFilled } from './analysis-completeness.ts';
import { assembleContext } from './compute-analysis.ts';
import { loadAnalysisInputs } from './load-analysis-inputs.ts';

/** Statuses of matches that are never played as planned: no analysis. */
export const UNANALYSABLE_STATUSES: readonly MatchStatus[] = [
  'cancelled',
  'postponed',
  'abandoned',
];

export interface RunAnalysisOptions {
  /** Stamps `computed_at`; default the system clock. */
  clock?: Clock;
  /** Default: the `analysis` scoped logger. */
  logger?: Logger;
}

/** The outcome of one stored analysis. */
export interface AnalysisResult {
  matchId: number;
  complete: boolean;
  missing: string[];
}

/**
 * Computes a match's analysis as of its kickoff and stores it, replacing
 * an earlier one. Throws an unrecoverable AnalysisError when the match
 * does not exist or is cancelled, postponed or abandoned.
 */
export async function runAnalysis(
  db: Db,
  matchId: number,
  options: RunAnalysisOptions = {},
): Promise<AnalysisResult> {
  const clock = options.clock ?? systemClock;
  const logger =
    options.logger ?? scopedLogger('analysis', { matchId });
  const started = performance.now();

  const inputs = await loadAnalysisInputs(db, matchId);
  if (UNANALYSABLE_STATUSES.includes(inputs.status)) {
    throw new AnalysisError(
      matchId,
      'not-played',
      `match ${matchId} is ${inputs.status} and gets no analysis; analyse it again once it is rescheduled`,
    );
  }

  const context = assembleContext(inputs);
  const complete = isCoreFilled(context);
  await upsertAnalysis(db, {
    matchId,
    asOf: new Date(context.asOf),
    context,
    complete,
    missing: context.missing,
    computedAt: clock.now(),
  });

  logger.info(
    {
      matchId,
      complete,
      missing: context.missing,
      durationMs: Math.round(performance.now() - started),
    },
    'analysis stored',
  );
  return { matchId, complete, missing: context.missing };
}
