import { describe, expect, it } from 'vitest';
import type { GapRow } from './find-gaps.ts';
import { planBackfill } from './plan-backfill.ts';

const AS_OF = new Date('2026-03-08T12:00:00Z');
const START = new Date('2026-03-01T12:00:00Z');

function gap(matchId: number, fields: Partial<GapRow>): GapRow {
  return {
    matchId,
    competitionId: 'en.1',
    status: 'finished',
    kickoff: new Date('2026-03-05T15:00:00Z'),
    kickoffTimeKnown: true,
    homeGoals: 2,
    awayGoals: 1,
    apiFootballFixtureId: null,
    hasAnalysis: true,
    predictionsBefore: 1,
    missingModelIds: ['m2', 'm3'],
    ...fields,
  };
}

describe('planBackfill', () => {
  it('plans analysis, missing models and settlement for a finished gap', () => {
    const plan = planBackfill({
      gaps: [gap(7, { hasAnalysis: false })],
      activeModelIds: ['m1', 'm2', 'm3'],
      asOf: AS_OF,
      windowStart: START,
    });
    expect(plan.matches).toHaveLength(1);
    expect(plan.matches[0]!.steps).toEqual([
      { stage: 'analysis', jobId: 'analyze-retro-7',
        reason: 'no complete analysis' },
      { stage: 'predictions', jobId: 'predict-retro-7',
        reason: '2 active model(s) without a prediction',
        modelIds: ['m2', 'm3'] },
      { stage: 'settlement', jobId: 'settle-retro-7',
        reason: 'finished: re-score every prediction with the new ones' },
    ]);
  });

  it('leaves live and scheduled matches unsettled', () => {
    const plan = planBackfill({
      gaps: [
        gap(1, { status: 'live', homeGoals: null, awayGoals: null }),
        gap(2, { status: 'scheduled', homeGoals: null, awayGoals: null,
          kickoff: new Date('2026-03-08T12:29:59Z') }),
      ],
      activeModelIds: ['m1', 'm2', 'm3'],
      asOf: AS_OF,
      windowStart: START,
    });
    expect(plan.matches.map((m) => m.steps.map((s) => s.jobId))).toEqual([
      ['predict-retro-1'], ['predict-retro-2'],
    ]);
  });

  it('does not settle a finished match without a score', () => {
    const plan = planBackfill({
      gaps: [gap(3, { homeGoals: null, awayGoals: null })],
      activeModelIds: ['m1'],
      asOf: AS_OF,
      windowStart: START,
    });
    expect(plan.matches[0]!.steps.map((s) => s.stage)).toEqual([
      'predictions',
    ]);
  });

  it('reports matches before their prediction time as not yet due', () => {
    // Due at kickoff - 30 min: 12:30 is due at 12:00, 12:30:01 is not.
    const plan = planBackfill({
      gaps: [
        gap(4, { status: 'scheduled', kickoff: new Date('2026-03-08T12:30:00Z') }),
        gap(5, { status: 'scheduled', kickoff: new Date('2026-03-08T12:30:01Z') }),
      ],
      activeModelIds: ['m1'],
      asOf: AS_OF,
      windowStart: START,
    });
    expect(plan.matches.map((m) => m.matchId)).toEqual([4]);
    expect(plan.notYetDue).toEqual([{
      matchId: 5,
      kickoff: new Date('2026-03-08T12:30:01Z'),
      predictionTime: new Date('2026-03-08T12:00:01Z'),
    }]);
  });

  it('skips a match that needs a source reference for analysis', () => {
    const plan = planBackfill({
      gaps: [
        gap(8, { hasAnalysis: false }),
        gap(9, { hasAnalysis: false, apiFootballFixtureId: 1234 }),
        gap(10, { hasAnalysis: true }),
      ],
      activeModelIds: ['m1'],
      asOf: AS_OF,
      windowStart: START,
      analysisNeedsSourceReference: true,
    });
    expect(plan.matches.map((m) => m.matchId)).toEqual([9, 10]);
    expect(plan.skipped.map((s) => s.matchId)).toEqual([8]);
    expect(plan.skipped[0]!.reason).toContain('API-Football fixture id');
  });

  it('orders matches by kickoff', () => {
    const plan = planBackfill({
      gaps: [
        gap(20, { kickoff: new Date('2026-03-06T15:00:00Z') }),
        gap(21, { kickoff: new Date('2026-03-05T15:00:00Z') }),
      ],
      activeModelIds: ['m1'],
      asOf: AS_OF,
      windowStart: START,
    });
    expect(plan.matches.map((m) => m.matchId)).toEqual([21, 20]);
  });

  it('takes a kickoff without a known time as given', () => {
    // Local midnight of 9 March: due from 8 March 23:30 only.
    const plan = planBackfill({
      gaps: [gap(30, { status: 'scheduled', kickoffTimeKnown: false,
        kickoff: new Date('2026-03-09T00:00:00Z') })],
      activeModelIds: ['m1'],
      asOf: AS_OF,
      windowStart: START,
    });
    expect(plan.notYetDue.map((m) => m.predictionTime.toISOString()))
      .toEqual(['2026-03-08T23:30:00.000Z']);
  });
});
