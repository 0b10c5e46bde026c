import type { BackfillPlan } from './plan-backfill.ts';
import type { BackfillReport, MatchReport } from './backfill-report.ts';

/** How many not-yet-due matches a printed plan lists one by one. */
const NOT_YET_DUE_SHOWN = 5;

/** The report for people: a few lines, then each failure and skip. */
export function formatReport(report: BackfillReport): string {
  const s = report.byStatus;
  const lines = [
    `${report.dryRun ? 'Backfill plan (dry run, nothing changed)' : 'Backfill'}: window ${report.windowStart} to ${report.asOf} (${report.days} days), ${report.activeModels} active models`,
    `gaps found: ${report.gapsFound} (finished ${s.finished}, live ${s.live}, scheduled ${s.scheduled}); not yet due: ${report.notYetDue.length}; skipped: ${report.skipped.length}`,
    `${report.dryRun ? 'jobs planned' : 'jobs run'}: analysis ${report.analysisJobs}, predictions ${report.predictionJobs}, settlement ${report.settlementJobs}; predictions added: ${report.predictionsAdded}`,
  ];
  if (report.interrupted) {
    lines.push('interrupted: the report covers the matches done so far');
  }
  if (report.stopped) lines.push(`stopped early: ${report.stopped}`);
  for (const skip of report.skipped) {
    lines.push(`skipped match ${skip.matchId}: ${skip.reason}`);
  }
  for (const failure of report.failed) {
    lines.push(
      `failed match ${failure.matchId} (${failure.stage}): ${failure.reason}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The plan's steps, one line per match, printed by `--dry-run`. */
export function formatPlan(plan: BackfillPlan): string {
  const lines: string[] = [];
  for (const match of plan.matches) {
    const steps = match.steps
      .map((step) =>
        step.modelIds
          ? `${step.jobId} [${step.modelIds.join(', ')}]`
          : step.jobId,
      )
      .join(' -> ');
    lines.push(
      `match ${match.matchId} (${match.status}, kickoff ${match.kickoff.toISOString()}): ${steps}`,
    );
  }
  // The regular schedule owns these; a few lines are enough to show when.
  for (const due of plan.notYetDue.slice(0, NOT_YET_DUE_SHOWN)) {
    lines.push(
      `match ${due.matchId}: not yet due, predictions are queued at ${due.predictionTime.toISOString()}`,
    );
  }
  const hidden = plan.notYetDue.length - NOT_YET_DUE_SHOWN;
  if (hidden > 0) {
    lines.push(`... and ${hidden} more matches not yet due (--json lists them all)`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** One progress line per match, with counts and an estimate of time left. */
export function formatProgress(
  done: number,
  total: number,
  match: MatchReport,
  elapsedMs: number,
): string {
  const remaining = total - done;
  const etaSeconds =
    done > 0 ? Math.round((elapsedMs / done / 1000) * remaining) : 0;
  return `[${done}/${total}] match ${match.matchId} (${match.status}): ${match.outcome}, predictions ${match.predictionsBefore} -> ${match.predictionsAfter}; ETA ${etaSeconds}s\n`;
}
