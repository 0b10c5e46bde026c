import { describe, expect, it } from 'vitest';
import { makePlanReport } from './backfill-report.ts';
import { formatPlan, formatProgress, formatReport } from './format-report.ts';
import { planBackfill } from './plan-backfill.ts';
import type { GapRow } from './find-gaps.ts';

const gap = (matchId: number, fields: Partial<GapRow> = {}): GapRow => ({
  matchId,
  competitionId: 'en.1',
  status: 'finished',
  kickoff: new Date('2026-03-05T15:00:00Z'),
  kickoffTimeKnown: true,
  homeGoals: 1,
  awayGoals: 0,
  apiFootballFixtureId: null,
  hasAnalysis: false,
  predictionsBefore: 0,
  missingModelIds: ['m1', 'm2'],
  ...fields,
});

const plan = planBackfill({
  gaps: [
    gap(1),
    gap(2, { status: 'live', hasAnalysis: true }),
    gap(3, { status: 'scheduled', kickoff: new Date('2026-03-09T15:00:00Z') }),
  ],
  activeModelIds: ['m1', 'm2'],
  asOf: new Date('2026-03-08T12:00:00Z'),
  windowStart: new Date('2026-03-01T12:00:00Z'),
});

describe('backfill report', () => {
  it('shows the plan of a dry run', () => {
    const report = makePlanReport(plan, 7, true);
    expect(formatPlan(plan)).toBe(
      'match 1 (finished, kickoff 2026-03-05T15:00:00.000Z): analyze-retro-1 -> predict-retro-1 [m1, m2] -> settle-retro-1\n' +
      'match 2 (live, kickoff 2026-03-05T15:00:00.000Z): predict-retro-2 [m1, m2]\n' +
      'match 3: not yet due, predictions are queued at 2026-03-09T14:30:00.000Z\n',
    );
    expect(formatReport(report)).toBe(
      'Backfill plan (dry run, nothing changed): window 2026-03-01T12:00:00.000Z to 2026-03-08T12:00:00.000Z (7 days), 2 active models\n' +
      'gaps found: 2 (finished 1, live 1, scheduled 0); not yet due: 1; skipped: 0\n' +
      'jobs planned: analysis 1, predictions 2, settlement 1; predictions added: 0\n',
    );
  });

  it('lists each failure, and a progress line with an estimate', () => {
    const report = makePlanReport(plan, 7, false);
    report.failed.push({ matchId: 2, stage: 'predictions',
      reason: 'job failed: model(s) failed: m2' });
    expect(formatReport(report)).toContain(
      'failed match 2 (predictions): job failed: model(s) failed: m2\n');
    const line = { matchId: 1, status: 'finished', predictionsBefore: 0,
      predictionsAfter: 2, outcome: 'repaired' as const };
    // One match of four in 3 s: three more take about 9 s.
    expect(formatProgress(1, 4, line, 3000)).toBe(
      '[1/4] match 1 (finished): repaired, predictions 0 -> 2; ETA 9s\n');
  });
});
