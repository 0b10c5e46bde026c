import { expect } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/open-database.ts';
import { predictions } from '../../src/db/schema.ts';
import type { BackfillReport } from '../../src/backfill/backfill-report.ts';
import type { Scenario } from './scenario.ts';

/** The predictions of a match by model: score, flag and points. */
export async function predictionsOf(db: Db, matchId: number) {
  const rows = await db
    .select()
    .from(predictions)
    .where(eq(predictions.matchId, matchId))
    .orderBy(asc(predictions.modelId));
  return rows.map((r) => ({
    modelId: r.modelId,
    score: `${r.homeGoals}-${r.awayGoals}`,
    retroactive: r.retroactive,
    quota: r.quota,
    points: r.points,
  }));
}

/**
 * The report and rows of a first backfill over the scenario, worked out
 * by hand. Finished 2-1 ends with four predictions: m1 1-0, old 0-2 and
 * the new m2 2-1, m3 3-1. Home wins: 3 of 4, so the home quota is
 * (6*4 + 14*3) / (10*3) = 2.2, rounded 2; away 1 of 4: 38/10 = 3.8,
 * rounded 4 (each row keeps the quota of its own tendency). Points: m1
 * 2+1 = 3 (goal difference right), old 0, m2 2+1+3 = 6 (exact), m3 2.
 */
export async function expectFirstRun(
  db: Db,
  s: Scenario,
  report: BackfillReport,
): Promise<void> {
  expect(report).toMatchObject({
    asOf: '2026-03-08T12:00:00.000Z',
    windowStart: '2026-03-01T12:00:00.000Z',
    activeModels: 3,
    gapsFound: 3,
    byStatus: { finished: 1, live: 1, scheduled: 1 },
    notYetDue: [{ matchId: s.later, kickoff: '2026-03-09T15:00:00.000Z' }],
    skipped: [],
    analysisJobs: 2,
    predictionJobs: 3,
    settlementJobs: 1,
    predictionsAdded: 7,
    failed: [],
    matches: [
      { matchId: s.finished, status: 'finished', predictionsBefore: 2,
        predictionsAfter: 4, outcome: 'repaired' },
      { matchId: s.live, status: 'live', predictionsBefore: 1,
        predictionsAfter: 3, outcome: 'repaired' },
      { matchId: s.dueSoon, status: 'scheduled', predictionsBefore: 0,
        predictionsAfter: 3, outcome: 'repaired' },
    ],
  });
  expect(await predictionsOf(db, s.finished)).toEqual([
    { modelId: 'm1', score: '1-0', retroactive: false, quota: 2, points: 3 },
    { modelId: 'm2', score: '2-1', retroactive: true, quota: 2, points: 6 },
    { modelId: 'm3', score: '3-1', retroactive: true, quota: 2, points: 2 },
    { modelId: 'old', score: '0-2', retroactive: false, quota: 4, points: 0 },
  ]);
  // Live and upcoming matches keep their predictions unsettled.
  expect(await predictionsOf(db, s.live)).toEqual([
    { modelId: 'm1', score: '0-0', retroactive: false, quota: null,
      points: null },
    { modelId: 'm2', score: '2-1', retroactive: true, quota: null,
      points: null },
    { modelId: 'm3', score: '3-1', retroactive: true, quota: null,
      points: null },
  ]);
  expect((await predictionsOf(db, s.dueSoon)).map((p) => p.modelId))
    .toEqual(['m1', 'm2', 'm3']);
  expect(await predictionsOf(db, s.later)).toEqual([]);
  expect(await predictionsOf(db, s.postponed)).toEqual([]);
  expect(await predictionsOf(db, s.before)).toEqual([]);
}
