import type { ReplayFault } from './plan-replay.ts';
import type { Stage } from './stages.ts';

/** Jobs of one stage in a replay. */
export interface StageCounts {
  completed: number;
  failed: number;
  timedOut: number;
}

/** What a replay did, for people (formatReplayReport) or as JSON. */
export interface ReplayReport {
  mode: 'embedded' | 'bullmq';
  from: string;
  to: string;
  competitionId: string | null;
  failRate: number;
  seed: number;
  matches: number;
  activeModels: number;
  jobs: Record<Stage, StageCounts>;
  predictionsAdded: number;
  /** Faults injected, per match. */
  faults: ({ matchId: number } & ReplayFault)[];
  /** Stage jobs that did not complete, with the reason. */
  failures: { matchId: number; stage: Stage; reason: string }[];
  /** Matches left with fewer predictions than active models. */
  gaps: { matchId: number; missing: number }[];
  durationMs: number;
  matchesPerSecond: number;
}

/** The report as lines for a terminal. */
export function formatReplayReport(report: ReplayReport): string {
  const byKind = new Map<string, number>();
  for (const fault of report.faults) {
    byKind.set(fault.kind, (byKind.get(fault.kind) ?? 0) + 1);
  }
  const kinds = [...byKind].map(([kind, n]) => `${kind} ${n}`).join(', ');
  const jobs = (Object.entries(report.jobs) as [Stage, StageCounts][])
    .map(([stage, c]) =>
      `  ${stage.padEnd(12)} ${c.completed} completed, ${c.failed} failed, ${c.timedOut} timed out`);
  const lines = [
    `replay ${report.from} to ${report.to}` +
      (report.competitionId ? ` (${report.competitionId})` : '') +
      ` in ${report.mode} mode, fail rate ${report.failRate}, seed ${report.seed}`,
    `matches: ${report.matches}; active models: ${report.activeModels}`,
    'jobs:',
    ...jobs,
    `predictions added: ${report.predictionsAdded}`,
    `faults injected: ${report.faults.length}${kinds ? ` (${kinds})` : ''}`,
    ...report.failures.map(
      (f) => `  failed: match ${f.matchId} ${f.stage}: ${f.reason}`),
    `matches with gaps: ${report.gaps.length}` +
      (report.gaps.length > 0
        ? ` (${report.gaps.map((g) => `${g.matchId}: ${g.missing} missing`).join(', ')})`
        : ''),
    `time: ${(report.durationMs / 1000).toFixed(1)} s, ` +
      `${report.matchesPerSecond.toFixed(2)} matches per second`,
  ];
  return `${lines.join('\n')}\n`;
}
