import { systemClock, type Clock } from '../core/clock.ts';
import { EXIT } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { getActiveModels } from '../db/models.ts';
import type { Db } from '../db/open-database.ts';
import type { StageRunner } from '../pipeline/stage-runner.ts';
import type { Stage } from '../pipeline/stages.ts';
import type { BackfillOptions } from './backfill-options.ts';
import {
  hasRemainingGaps,
  makePlanReport,
  type BackfillReport,
  type MatchReport,
} from './backfill-report.ts';
import { makeBackfillWindow } from './backfill-window.ts';
import { executeBackfill } from './execute-backfill.ts';
import { findGaps } from './find-gaps.ts';
import { planBackfill, type BackfillPlan } from './plan-backfill.ts';
import type { RunLock } from './run-lock.ts';

/** The edges of a backfill run; tests swap the clock and timeouts. */
export interface BackfillDeps {
  db: Db;
  logger: Logger;
  clock?: Clock;
  signal?: AbortSignal;
  /** Makes the stage runner; called only when there is work to do. */
  makeRunner: () => Promise<StageRunner>;
  /** Takes the run lock; throws BackfillRunningError when it is held. */
  acquireLock: () => Promise<RunLock>;
  /**
   * Throws when no worker listens on a queue the plan needs, before any
   * job is added (BullMQ only; embedded mode runs the stages itself).
   */
  assertWorkers?: (runner: StageRunner, stages: Stage[]) => Promise<void>;
  /** See ExecuteBackfillOptions (default: never stops). */
  sourceStopped?: () => Promise<string | null>;
  /**
   * The ids of the models active now (see readActiveModelIds); default
   * the models table's active and not disabled ones.
   */
  activeModelIds?: () => Promise<string[]>;
  /** See planBackfill (default false). */
  analysisNeedsSourceReference?: boolean;
  /** Shorter stage timeouts for tests (default PRODUCT.md's). */
  timeoutsMs?: Partial<Record<Stage, number>>;
  onMatchDone?: (done: number, total: number, match: MatchReport) => void;
}

/** The outcome of a run: the plan, the report and the exit code. */
export interface BackfillRun {
  plan: BackfillPlan;
  report: BackfillReport;
  exitCode: number;
}

/**
 * One backfill: takes the run lock (unless a dry run), detects the gaps,
 * plans, checks that workers listen, and carries the plan out match by
 * match. Exit code 0 when nothing is left to do, 3 when gaps remain, 130
 * when interrupted. The runner it made is closed before returning.
 */
export async function runBackfill(
  options: BackfillOptions,
  deps: BackfillDeps,
): Promise<BackfillRun> {
  const clock = deps.clock ?? systemClock;
  const asOf = options.asOf ?? clock.now();
  const lock = options.dryRun ? null : await deps.acquireLock();
  try {
    const plan = await makePlan(options, deps, asOf);
    const report = makePlanReport(plan, options.days, options.dryRun);
    deps.logger.info(
      { gapsFound: report.gapsFound, notYetDue: report.notYetDue.length },
      'backfill plan ready',
    );
    if (options.dryRun || plan.matches.length === 0) {
      return { plan, report, exitCode: exitCodeOf(report) };
    }

    const runner = await deps.makeRunner();
    try {
      const stages = neededStages(plan);
      await deps.assertWorkers?.(runner, stages);
      await executeBackfill(plan.matches, report, {
        db: deps.db,
        runner,
        logger: deps.logger,
        signal: deps.signal,
        timeoutsMs: deps.timeoutsMs,
        sourceStopped: deps.sourceStopped,
        onMatchDone: deps.onMatchDone,
      });
    } finally {
      await runner.close();
    }
    return { plan, report, exitCode: exitCodeOf(report) };
  } finally {
    await lock?.release();
  }
}

async function makePlan(
  options: BackfillOptions,
  deps: BackfillDeps,
  asOf: Date,
): Promise<BackfillPlan> {
  const window = makeBackfillWindow(asOf, options.days);
  const activeModelIds = deps.activeModelIds
    ? await deps.activeModelIds()
    : (await getActiveModels(deps.db)).map((model) => model.id);
  const gaps = await findGaps(
    deps.db,
    window,
    { matchId: options.matchId, competitionId: options.competitionId },
    activeModelIds,
  );
  return planBackfill({
    gaps,
    activeModelIds,
    asOf,
    windowStart: window.start,
    analysisNeedsSourceReference: deps.analysisNeedsSourceReference,
  });
}

function neededStages(plan: BackfillPlan): Stage[] {
  const stages = new Set<Stage>();
  for (const match of plan.matches) {
    for (const step of match.steps) stages.add(step.stage);
  }
  return [...stages];
}

function exitCodeOf(report: BackfillReport): number {
  if (report.interrupted) return EXIT.interrupted;
  return hasRemainingGaps(report) ? EXIT.gapsRemain : EXIT.ok;
}
