import { ConfigError } from '../core/errors.ts';

/** Failures in a row after which a model is disabled, unless configured. */
export const DEFAULT_MAX_CONSECUTIVE_FAILURES = 5;

/** `SCORELINE_MAX_CONSECUTIVE_FAILURES` (a positive integer), default 5. */
export function readMaxConsecutiveFailures(
  env: NodeJS.ProcessEnv = process.env,
): number {
  const text = env.SCORELINE_MAX_CONSECUTIVE_FAILURES;
  if (text === undefined || text === '') {
    return DEFAULT_MAX_CONSECUTIVE_FAILURES;
  }
  if (!/^[1-9]\d*$/.test(text.trim())) {
    throw new ConfigError(
      `SCORELINE_MAX_CONSECUTIVE_FAILURES is '${text}'; set it to a positive integer or unset it for the default ${DEFAULT_MAX_CONSECUTIVE_FAILURES}`,
    );
  }
  return Number(text.trim());
}
