import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { scoringConfigFromEnv } from './scoring-config.ts';

describe('scoringConfigFromEnv', () => {
  it('falls back to the brief defaults when unset or empty', () => {
    expect(scoringConfigFromEnv({})).toEqual({
      quotaMin: 2, quotaMax: 6, bonusGoalDifference: 1, bonusExact: 3,
    });
    expect(scoringConfigFromEnv({ SCORELINE_QUOTA_MIN: ' ' }).quotaMin)
      .toBe(2);
  });

  it('reads every constant', () => {
    expect(scoringConfigFromEnv({
      SCORELINE_QUOTA_MIN: '1',
      SCORELINE_QUOTA_MAX: '8',
      SCORELINE_BONUS_GOAL_DIFFERENCE: '0',
      SCORELINE_BONUS_EXACT: '4',
    })).toEqual({
      quotaMin: 1, quotaMax: 8, bonusGoalDifference: 0, bonusExact: 4,
    });
  });

  it.each([
    ['SCORELINE_QUOTA_MIN', 'abc'],
    ['SCORELINE_QUOTA_MIN', '0'],
    ['SCORELINE_QUOTA_MAX', '1.5'],
    ['SCORELINE_QUOTA_MAX', '101'],
    ['SCORELINE_BONUS_GOAL_DIFFERENCE', '-1'],
    ['SCORELINE_BONUS_EXACT', '3 points'],
  ])('rejects %s=%s naming the variable', (name, value) => {
    const read = () => scoringConfigFromEnv({ [name]: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(name);
  });

  it('rejects a minimum above the maximum naming both variables', () => {
    const read = () => scoringConfigFromEnv({
      SCORELINE_QUOTA_MIN: '5', SCORELINE_QUOTA_MAX: '4',
    });
    expect(read).toThrow(/SCORELINE_QUOTA_MIN.*SCORELINE_QUOTA_MAX/);
  });
});
