import { messageOf } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { getAnalysis } from '../db/analyses.ts';
import type { Db } from '../db/open-database.ts';
import type { StageOutcome, StageRunner } from '../pipeline/stage-runner.ts';
import type { Stage, StagePayloads } from '../pipeline/stages.ts';
import type {
  BackfillReport,
  FailedStage,
  MatchReport,
} from './backfill-report.ts';
import { incompleteAnalysisReason } from './incomplete-analysis-reason.ts';
import { readMatchState } from './match-state.ts';
import type { MatchPlan, PlannedStep } from './plan-backfill.ts';

/** The longest wait per stage, as PRODUCT.md fixes them. */
export const STAGE_TIMEOUTS_MS: Record<Stage, number> = {
  analysis: 120_000,
  predictions: 300_000,
  settlement: 60_000,
};

export interface ExecuteBackfillOptions {
  db: Db;
  runner: StageRunner;
  logger: Logger;
  /** Aborted on Ctrl+C: the run stops after the current match. */
  signal?: AbortSignal;
  /** Default: PRODUCT.md's 120 s, 300 s and 60 s. */
  timeoutsMs?: Partial<Record<Stage, number>>;
  /**
   * Asked after a failed analysis: a reason when the data source can take
   * no more requests today, and the run stops (see makeSourceStopCheck).
   */
  sourceStopped?: () => Promise<string | null>;
  /** Called after each match, for the progress line. */
  onMatchDone?: (done: number, total: number, match: MatchReport) => void;
}

/**
 * Carries out a plan match by match, in kickoff order: each stage is
 * queued under its job id and waited for, then confirmed in the database.
 * A failed or timed-out stage is recorded for its match and the run goes
 * on. Fills in `report` (made by makePlanReport) and returns it.
 *
 * Known shortcomings, to go when the stage runner takes a signal and a
 * command timeout: Ctrl+C is honoured between matches, so it can wait for
 * the current match up to its stage timeouts (a second Ctrl+C exits at
 * once); and the queue connections retry for ever (`maxRetriesPerRequest:
 * null`), so Redis going away in the middle of a run makes the backfill
 * wait for it to come back rather than fail. `predictionsAdded` counts
 * every prediction that appeared during the run, also one added by the
 * regular schedule at the same time.
 */
export async function executeBackfill(
  matches: MatchPlan[],
  report: BackfillReport,
  options: ExecuteBackfillOptions,
): Promise<BackfillReport> {
  const timeouts = { ...STAGE_TIMEOUTS_MS, ...options.timeoutsMs };
  let done = 0;
  for (const plan of matches) {
    if (options.signal?.aborted) {
      report.interrupted = true;
      break;
    }
    const line = report.matches.find((m) => m.matchId === plan.matchId);
    if (!line) continue;
    await executeMatch(plan, line, report, options, timeouts);
    done += 1;
    options.onMatchDone?.(done, matches.length, line);
    if (report.stopped) break;
  }
  return report;
}

async function executeMatch(
  plan: MatchPlan,
  line: MatchReport,
  report: BackfillReport,
  options: ExecuteBackfillOptions,
  timeouts: Record<Stage, number>,
): Promise<void> {
  const log = options.logger.child({ matchId: plan.matchId });
  let failed = false;
  // Ctrl+C is honoured between matches only: stopping between the
  // predictions and the settlement of a finished match would leave new
  // predictions unscored, and no later backfill would see a gap there.
  for (const step of plan.steps) {
    let failure: string | null;
    try {
      const outcome = await runStep(plan, step, options.runner, timeouts);
      countJob(report, step.stage);
      failure = await confirmStep(plan, step, outcome, options.db);
    } catch (error) {
      // Redis or the database failing mid-run: this match fails, the
      // next one may still work (a fatal outage fails them all alike).
      failure = messageOf(error);
    }
    if (failure !== null) {
      failed = true;
      const entry: FailedStage = {
        matchId: plan.matchId,
        stage: step.stage,
        reason: failure,
      };
      report.failed.push(entry);
      log.warn({ stage: step.stage, reason: failure }, 'backfill stage failed');
      // Without analysis no model can predict; a partial predictions run
      // still goes on to settlement so that what was added gets scored.
      if (step.stage === 'analysis') {
        report.stopped = (await options.sourceStopped?.()) ?? null;
        break;
      }
    } else {
      log.info({ stage: step.stage, jobId: step.jobId }, 'backfill stage done');
    }
  }

  const state = await readMatchState(options.db, plan.matchId).catch(
    () => null,
  );
  if (state) {
    line.predictionsAfter = state.predictions;
    report.predictionsAdded += Math.max(
      0, state.predictions - plan.predictionsBefore,
    );
  }
  const repaired = state !== null && state.missingModelIds.length === 0;
  line.outcome = repaired && !failed ? 'repaired' : failed ? 'failed'
    : 'gaps remain';
}

function runStep(
  plan: MatchPlan,
  step: PlannedStep,
  runner: StageRunner,
  timeouts: Record<Stage, number>,
): Promise<StageOutcome<Stage>> {
  const matchId = plan.matchId;
  const timeout = timeouts[step.stage];
  switch (step.stage) {
    case 'analysis':
      return runner.run('analysis', { matchId }, step.jobId, timeout);
    case 'predictions': {
      const payload: StagePayloads['predictions'] = {
        matchId,
        modelIds: step.modelIds ?? plan.missingModelIds,
        retroactive: true,
      };
      return runner.run('predictions', payload, step.jobId, timeout);
    }
    case 'settlement':
      return runner.run('settlement', { matchId }, step.jobId, timeout);
  }
}

function countJob(report: BackfillReport, stage: Stage): void {
  if (stage === 'analysis') report.analysisJobs += 1;
  if (stage === 'predictions') report.predictionJobs += 1;
  if (stage === 'settlement') report.settlementJobs += 1;
}

/**
 * The failure reason of a step, or null when the database shows the
 * stage's work done. A job removed by retention counts by this check.
 */
async function confirmStep(
  plan: MatchPlan,
  step: PlannedStep,
  outcome: StageOutcome<Stage>,
  db: Db,
): Promise<string | null> {
  if (outcome.state === 'failed') {
    // Judged against the models active after the stage: a job that failed
    // only for a model disabled meanwhile left no gap.
    if (step.stage === 'predictions' &&
      (await missingWanted(plan, step, db)).length === 0) return null;
    return `job failed: ${outcome.reason}`;
  }
  if (outcome.state === 'lost') {
    // Lost with its work maybe done: the database decides.
    const left = await confirmStep(plan, step, { state: 'removed' }, db);
    return left === null ? null : `${outcome.reason} (${left})`;
  }
  if (outcome.state === 'timeout') {
    return `no result within ${Math.round(outcome.timeoutMs / 1000)} s (the job may still finish later)`;
  }
  const state = await readMatchState(db, plan.matchId);
  if (step.stage === 'analysis' && !state.hasAnalysis) {
    const stored = await getAnalysis(db, plan.matchId);
    return incompleteAnalysisReason(stored ? stored.missing : null);
  }
  if (step.stage === 'predictions') {
    const still = await missingWanted(plan, step, db);
    if (still.length > 0) {
      return `${still.length} model(s) still without a prediction: ${still.join(', ')}`;
    }
  }
  if (step.stage === 'settlement' && state.unscored > 0) {
    return `${state.unscored} prediction(s) not re-scored by the settlement`;
  }
  return null;
}

/** The step's models still active and still without a prediction. */
async function missingWanted(
  plan: MatchPlan,
  step: PlannedStep,
  db: Db,
): Promise<string[]> {
  const wanted = new Set(step.modelIds ?? plan.missingModelIds);
  const state = await readMatchState(db, plan.matchId);
  return state.missingModelIds.filter((id) => wanted.has(id));
}
