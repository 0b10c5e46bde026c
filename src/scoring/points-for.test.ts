import { describe, expect, it } from 'vitest';
import { pointsFor } from './points-for.ts';
import { DEFAULT_SCORING_CONFIG } from './scoring-config.ts';

const score = (home: number, away: number) => ({ home, away });

describe('pointsFor with the default constants', () => {
  it('scores the brief example: 2-1 for 3-2 with home quota 3 is 4', () => {
    const points = pointsFor(score(2, 1), score(3, 2), { H: 3, D: 4, A: 5 });
    expect(points).toEqual({
      quota: 3, tendency: 3, goalDifference: 1, exact: 0, points: 4,
    });
  });

  it('gives the goal-difference bonus to every correct draw', () => {
    const quotas = { H: 2, D: 5, A: 4 };
    expect(pointsFor(score(1, 1), score(2, 2), quotas).points).toBe(6);
    expect(pointsFor(score(0, 0), score(3, 3), quotas)).toEqual({
      quota: 5, tendency: 5, goalDifference: 1, exact: 0, points: 6,
    });
  });

  it('adds the exact bonus on top of the goal difference', () => {
    const quotas = { H: 4, D: 3, A: 6 };
    expect(pointsFor(score(2, 0), score(2, 0), quotas)).toEqual({
      quota: 4, tendency: 4, goalDifference: 1, exact: 3, points: 8,
    });
    // 0-0 exact with draw quota 3: 3 + 1 + 3.
    expect(pointsFor(score(0, 0), score(0, 0), quotas).points).toBe(7);
    // An exact away win with the top quota reaches the cap exactly.
    expect(pointsFor(score(1, 3), score(1, 3), quotas).points).toBe(10);
  });

  it('gives only the quota for the right tendency with another difference', () => {
    const points = pointsFor(score(3, 0), score(1, 0), { H: 2, D: 3, A: 6 });
    expect(points).toEqual({
      quota: 2, tendency: 2, goalDifference: 0, exact: 0, points: 2,
    });
  });

  it('gives 0 for a wrong tendency but keeps the quota it called', () => {
    const quotas = { H: 2, D: 4, A: 5 };
    expect(pointsFor(score(1, 0), score(0, 1), quotas)).toEqual({
      quota: 2, tendency: 0, goalDifference: 0, exact: 0, points: 0,
    });
    // Same goal difference of zero, yet a draw is not an away win.
    expect(pointsFor(score(1, 1), score(1, 2), quotas)).toEqual({
      quota: 4, tendency: 0, goalDifference: 0, exact: 0, points: 0,
    });
  });
});

describe('pointsFor with other constants', () => {
  it('uses the configured bonuses', () => {
    const config = {
      ...DEFAULT_SCORING_CONFIG, bonusGoalDifference: 2, bonusExact: 0,
    };
    const quotas = { H: 3, D: 4, A: 5 };
    expect(pointsFor(score(2, 1), score(3, 2), quotas, config).points)
      .toBe(5);
    expect(pointsFor(score(2, 1), score(2, 1), quotas, config)).toEqual({
      quota: 3, tendency: 3, goalDifference: 2, exact: 0, points: 5,
    });
  });

  it('caps at 10, cutting the exact bonus first', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, bonusExact: 5 };
    // 6 + 1 + 5 = 12, cut to 10: the exact part gives way.
    expect(pointsFor(score(0, 2), score(0, 2), { H: 2, D: 2, A: 6 }, config))
      .toEqual({ quota: 6, tendency: 6, goalDifference: 1, exact: 3,
        points: 10 });
    // Below the cap nothing is cut: 4 + 1 + 5.
    expect(pointsFor(score(0, 2), score(0, 2), { H: 2, D: 2, A: 4 }, config)
      .points).toBe(10);
    expect(pointsFor(score(0, 1), score(0, 1), { H: 2, D: 2, A: 3 }, config)
      .points).toBe(9);
  });

  it('caps a quota above 10 with no room left for bonuses', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, quotaMax: 12 };
    expect(pointsFor(score(4, 1), score(4, 1), { H: 12, D: 2, A: 2 }, config))
      .toEqual({ quota: 12, tendency: 10, goalDifference: 0, exact: 0,
        points: 10 });
  });
});
