import type { Clock } from '../core/clock.ts';
import { runAnalysis } from '../analysis/run-analysis.ts';
import type { Db } from '../db/open-database.ts';
import {
  predictMatch,
  type PredictMatchDeps,
} from '../predictions/predict-match.ts';
import { settleMatch } from '../scoring/settle-match.ts';
import type { AnalyseMatch } from '../sources/make-analysis-source.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { PredictionsIncompleteError } from './predictions-incomplete-error.ts';
import { runStageWork, toJobError } from './stage-error.ts';
import type {
  AnalysisPayload,
  AnalysisResult,
  PredictionsPayload,
  PredictionsResult,
  SettlementPayload,
  SettlementResult,
  StageProcessors,
} from './stages.ts';

/** Everything the three stages need; the predictions deps cover the rest. */
export interface StageDeps extends PredictMatchDeps {
  db: Db;
  clock?: Clock;
  /** Scoring constants; default the product's. */
  scoring?: ScoringConfig;
  /** Default runAnalysis (stored rows); see makeAnalysisSource. */
  analyse?: AnalyseMatch;
}

/** The analysis job: the match's analysis as of kickoff, stored. */
export async function processAnalysis(
  deps: StageDeps,
  payload: AnalysisPayload,
): Promise<AnalysisResult> {
  const analyse = deps.analyse ?? runAnalysis;
  return runStageWork(() =>
    analyse(deps.db, payload.matchId, {
      clock: deps.clock,
      logger: deps.logger.child({ stage: 'analysis' }),
    }),
  );
}

/**
 * The predictions job. Succeeds when every wanted model that is still
 * active has a prediction (a model disabled meanwhile is skipped, not a
 * failure); otherwise it fails naming the models without one. Retryable
 * while a failure is transient, so the next attempt calls just those;
 * failed at once when every failure is permanent (the market baseline
 * without odds, an LLM refused for its key or model name). The
 * predictions that were stored stay: a gap the backfill repairs.
 */
export async function processPredictions(
  deps: StageDeps,
  payload: PredictionsPayload,
): Promise<PredictionsResult> {
  const result = await runStageWork(() => predictMatch(deps, payload));
  if (result.failed.length > 0) {
    // Mapped like the stage's own errors: all failures permanent means an
    // UnrecoverableError (its cause keeps the result), else a retry.
    throw toJobError(new PredictionsIncompleteError(result));
  }
  return result;
}

/** The settlement job: every prediction of the match scored again. */
export async function processSettlement(
  deps: StageDeps,
  payload: SettlementPayload,
): Promise<SettlementResult> {
  return runStageWork(async () => {
    const result = await settleMatch(deps.db, payload.matchId, deps.scoring,
      { clock: deps.clock, logger: deps.logger.child({ stage: 'settlement' }) });
    return { ...result };
  });
}

/** The three processors bound to their deps, for workers and runners. */
export function makeStageProcessors(deps: StageDeps): StageProcessors {
  return {
    analysis: (payload) => processAnalysis(deps, payload),
    predictions: (payload) => processPredictions(deps, payload),
    settlement: (payload) => processSettlement(deps, payload),
  };
}
