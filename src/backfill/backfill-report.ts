import type { BackfillPlan } from './plan-backfill.ts';
import type { Stage } from '../pipeline/stages.ts';

/** How one gap match ended. */
export type MatchOutcome =
  | 'repaired'
  | 'gaps remain'
  | 'failed'
  | 'planned'
  | 'not run';

/** One stage that failed or timed out for a match. */
export interface FailedStage {
  matchId: number;
  stage: Stage;
  reason: string;
}

/** The per-match line of the report. */
export interface MatchReport {
  matchId: number;
  status: string;
  predictionsBefore: number;
  predictionsAfter: number;
  outcome: MatchOutcome;
  /**
   * Dry run only: the active models the match lacks and the jobs planned
   * for it, as the text dry run lists them.
   */
  missingModelIds?: string[];
  steps?: { stage: Stage; jobId: string; modelIds?: string[] }[];
}

/** The summary PRODUCT.md asks for; `--json` prints it as is. */
export interface BackfillReport {
  asOf: string;
  windowStart: string;
  days: number;
  dryRun: boolean;
  interrupted: boolean;
  /** Why the run stopped before its last match (data source), or null. */
  stopped: string | null;
  activeModels: number;
  gapsFound: number;
  byStatus: { finished: number; live: number; scheduled: number };
  notYetDue: { matchId: number; kickoff: string }[];
  skipped: { matchId: number; reason: string }[];
  analysisJobs: number;
  predictionJobs: number;
  settlementJobs: number;
  predictionsAdded: number;
  failed: FailedStage[];
  matches: MatchReport[];
}

/** The report of a plan before anything ran (what `--dry-run` shows). */
export function makePlanReport(
  plan: BackfillPlan,
  days: number,
  dryRun: boolean,
): BackfillReport {
  const byStatus = { finished: 0, live: 0, scheduled: 0 };
  // Skipped matches are gaps too: they count here and in gapsFound.
  for (const match of [...plan.matches, ...plan.skipped]) {
    byStatus[match.status] += 1;
  }
  const count = (stage: Stage) =>
    plan.matches.filter((m) => m.steps.some((s) => s.stage === stage))
      .length;
  return {
    asOf: plan.asOf.toISOString(),
    windowStart: plan.windowStart.toISOString(),
    days,
    dryRun,
    interrupted: false,
    stopped: null,
    activeModels: plan.activeModelIds.length,
    gapsFound: plan.matches.length + plan.skipped.length,
    byStatus,
    notYetDue: plan.notYetDue.map((m) => ({
      matchId: m.matchId,
      kickoff: m.kickoff.toISOString(),
    })),
    skipped: plan.skipped.map((s) => ({ matchId: s.matchId, reason: s.reason })),
    // On a dry run these are the planned jobs; a real run counts run ones.
    analysisJobs: dryRun ? count('analysis') : 0,
    predictionJobs: dryRun ? count('predictions') : 0,
    settlementJobs: dryRun ? count('settlement') : 0,
    predictionsAdded: 0,
    failed: [],
    matches: plan.matches.map((m) => ({
      matchId: m.matchId,
      status: m.status,
      predictionsBefore: m.predictionsBefore,
      predictionsAfter: m.predictionsBefore,
      outcome: dryRun ? 'planned' : 'not run',
      ...(dryRun
        ? {
          missingModelIds: m.missingModelIds,
          steps: m.steps.map((step) => ({
            stage: step.stage,
            jobId: step.jobId,
            ...(step.modelIds ? { modelIds: step.modelIds } : {}),
          })),
        }
        : {}),
    })),
  };
}

/** True when some match of the run still lacks predictions. */
export function hasRemainingGaps(report: BackfillReport): boolean {
  if (report.dryRun) return false;
  return (
    report.skipped.length > 0 ||
    report.matches.some((m) => m.outcome !== 'repaired')
  );
}
