import type { DefaultJobOptions } from 'bullmq';
import type { Stage } from './stages.ts';

/** The Redis key prefix of every queue: `SCORELINE_QUEUE_PREFIX`. */
export function queuePrefix(env: NodeJS.ProcessEnv = process.env): string {
  return env.SCORELINE_QUEUE_PREFIX || 'scoreline';
}

const HOUR_S = 3600;

/**
 * Attempts and backoff per stage. Predictions retry more since provider
 * timeouts are common; a retried predictions job only calls the models
 * that still have no prediction, so a retry never doubles work.
 */
export const STAGE_ATTEMPTS: Record<Stage, number> = {
  analysis: 3,
  predictions: 4,
  settlement: 3,
};

/**
 * Job options every stage job gets unless the caller overrides them.
 * Completed jobs are kept a day (up to 1000), failed ones a week, so that
 * a failure can be inspected; callers must not rely on a completed job
 * still being there (see waitForJob).
 */
export function defaultJobOptions(
  stage: Stage,
  backoffMs = 2000,
): DefaultJobOptions {
  return {
    attempts: STAGE_ATTEMPTS[stage],
    backoff: { type: 'exponential', delay: backoffMs },
    removeOnComplete: { age: 24 * HOUR_S, count: 1000 },
    removeOnFail: { age: 7 * 24 * HOUR_S },
  };
}
