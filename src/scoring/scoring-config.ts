import { ConfigError } from '../core/errors.ts';

/**
 * The constants of quota scoring that an operator can change. Everything
 * else in the quota formula (the 10 and the 0.6 of
 * `max / (10 * c/n) - 0.6 + min`) and the points cap stay fixed.
 */
export interface ScoringConfig {
  /** Lowest quota, also the `+ 2` of the formula. Default 2. */
  quotaMin: number;
  /** Highest quota, also the `6 /` of the formula and the quota of a
   * tendency nobody predicted. Default 6. */
  quotaMax: number;
  /** Bonus for the right goal difference (every correct draw). Default 1. */
  bonusGoalDifference: number;
  /** Bonus for the exact score. Default 3. */
  bonusExact: number;
}

/** The defaults of the product brief: quotas 2 to 6, bonuses +1 and +3. */
export const DEFAULT_SCORING_CONFIG: Readonly<ScoringConfig> = Object.freeze({
  quotaMin: 2,
  quotaMax: 6,
  bonusGoalDifference: 1,
  bonusExact: 3,
});

/**
 * The most points one prediction can earn. Fixed, not configurable: with
 * the defaults it never bites (6 + 1 + 3 = 10); when an operator raises
 * the constants beyond that, an exact call of a rare tendency is cut to 10
 * (see pointsFor for which part gives way).
 */
export const POINTS_CAP = 10;

/** Environment variables, by config field. */
export const SCORING_ENV = {
  quotaMin: 'SCORELINE_QUOTA_MIN',
  quotaMax: 'SCORELINE_QUOTA_MAX',
  bonusGoalDifference: 'SCORELINE_BONUS_GOAL_DIFFERENCE',
  bonusExact: 'SCORELINE_BONUS_EXACT',
} as const satisfies Record<keyof ScoringConfig, string>;

/** Upper bound of every constant: anything larger is surely a typo. */
const MAX_VALUE = 100;

/**
 * The scoring constants from the environment, each falling back to its
 * default when unset or empty. Quotas are whole numbers from 1 to 100 with
 * min <= max; bonuses whole numbers from 0 to 100. Anything else throws a
 * ConfigError naming the variable.
 */
export function scoringConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): ScoringConfig {
  const config: ScoringConfig = {
    quotaMin: readWhole(env, 'quotaMin', 1),
    quotaMax: readWhole(env, 'quotaMax', 1),
    bonusGoalDifference: readWhole(env, 'bonusGoalDifference', 0),
    bonusExact: readWhole(env, 'bonusExact', 0),
  };
  if (config.quotaMin > config.quotaMax) {
    throw new ConfigError(
      `${SCORING_ENV.quotaMin} (${config.quotaMin}) is larger than ${SCORING_ENV.quotaMax} (${config.quotaMax}); make the minimum quota at most the maximum`,
    );
  }
  return config;
}

function readWhole(
  env: NodeJS.ProcessEnv,
  field: keyof ScoringConfig,
  lowest: number,
): number {
  const name = SCORING_ENV[field];
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_SCORING_CONFIG[field];
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(value >= lowest && value <= MAX_VALUE)) {
    throw new ConfigError(
      `${name} must be a whole number from ${lowest} to ${MAX_VALUE}, got '${raw}'; fix it or unset it to use the default ${DEFAULT_SCORING_CONFIG[field]}`,
    );
  }
  return value;
}
