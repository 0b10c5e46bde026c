import { describe, expect, it } from 'vitest';
import { planReplay, type ReplayMatch } from './plan-replay.ts';

const MODELS = ['poisson', 'elo', 'market', 'form'];

function matchesOf(n: number): ReplayMatch[] {
  // Given newest first on purpose: the plan must sort by kickoff.
  return Array.from({ length: n }, (_, i) => ({
    id: n - i,
    key: `en.1:2025-26:home-${n - i}:away-${n - i}`,
    kickoff: new Date(Date.UTC(2025, 7, 15 + (n - i), 14)),
    status: 'finished' as const,
    hasScore: true,
  }));
}

describe('planReplay', () => {
  it('orders matches by kickoff with the live stage times', () => {
    const [first] = planReplay(matchesOf(3), {
      modelIds: MODELS, failRate: 0, seed: 1,
    });
    expect(first).toEqual({
      matchId: 1,
      kickoff: new Date('2025-08-16T14:00:00Z'),
      analyseAt: new Date('2025-08-16T08:00:00Z'),
      predictAt: new Date('2025-08-16T13:30:00Z'),
      settleAt: new Date('2025-08-16T16:00:00Z'),
      modelIds: ['elo', 'form', 'market', 'poisson'],
      fault: null,
    });
  });

  it('gives the same faults for the same seed and others for another', () => {
    const options = { modelIds: MODELS, failRate: 0.2, seed: 1 };
    const a = planReplay(matchesOf(200), options);
    const b = planReplay(matchesOf(200), options);
    const c = planReplay(matchesOf(200), { ...options, seed: 2 });
    expect(a).toEqual(b);
    expect(a.map((p) => p.fault)).not.toEqual(c.map((p) => p.fault));
  });

  it('injects faults at about the rate, of every kind', () => {
    const plan = planReplay(matchesOf(1000), {
      modelIds: MODELS, failRate: 0.2, seed: 7,
    });
    const faulted = plan.filter((p) => p.fault !== null);
    expect(faulted.length).toBeGreaterThan(150);
    expect(faulted.length).toBeLessThan(250);
    const kinds = new Set(faulted.map((p) => p.fault?.kind));
    expect(kinds).toEqual(new Set(['lost-job', 'model-failures',
      'worker-crash']));
  });

  it('asks only the models a fault leaves', () => {
    const plan = planReplay(matchesOf(300), {
      modelIds: MODELS, failRate: 1, seed: 3,
    });
    for (const step of plan) {
      const fault = step.fault;
      if (fault?.kind === 'lost-job') expect(step.modelIds).toEqual([]);
      if (fault?.kind === 'worker-crash') {
        expect(step.modelIds).toEqual(fault.answeredModels);
        expect(fault.answeredModels.length).toBeLessThan(MODELS.length);
      }
      if (fault?.kind === 'model-failures') {
        expect(fault.failedModels.length).toBeGreaterThan(0);
        expect(step.modelIds.length).toBeGreaterThan(0);
        expect([...step.modelIds, ...fault.failedModels].sort())
          .toEqual([...MODELS].sort());
      }
    }
  });

  it("keeps a match's fault when the period around it changes", () => {
    const options = { modelIds: MODELS, failRate: 0.5, seed: 1 };
    const all = planReplay(matchesOf(50), options);
    const some = planReplay(matchesOf(50).filter((m) => m.id % 2 === 0),
      options);
    for (const step of some) {
      expect(step.fault).toEqual(
        all.find((p) => p.matchId === step.matchId)?.fault);
    }
  });

  it('injects the same faults whatever ids a database gave the matches', () => {
    const options = { modelIds: MODELS, failRate: 0.5, seed: 7 };
    const here = planReplay(matchesOf(40), options);
    const renumbered = planReplay(
      matchesOf(40).map((match) => ({ ...match, id: match.id + 1000 })),
      options,
    );
    expect(renumbered.map((p) => p.fault)).toEqual(here.map((p) => p.fault));
    expect(here.some((p) => p.fault !== null)).toBe(true);
  });

  it('settles only finished matches with a score', () => {
    const plan = planReplay(
      [{ id: 1, key: 'en.1:2025-26:a:b', kickoff: new Date('2026-05-01T14:00:00Z'),
        status: 'scheduled', hasScore: false }],
      { modelIds: MODELS, failRate: 0, seed: 1 },
    );
    expect(plan[0]?.settleAt).toBeNull();
  });
});
