import { InternalError } from '../core/errors.ts';
import type { Stage } from './stages.ts';

const VERB: Record<Stage, string> = {
  analysis: 'analyze',
  predictions: 'predict',
  settlement: 'settle',
};

export interface JobIdOptions {
  /** A backfill job (`*-retro-*`) rather than a regular one. */
  retroactive?: boolean;
}

/**
 * The one place job ids are made: `analyze-{matchId}`, `predict-{matchId}`,
 * `settle-{matchId}`, and `analyze-retro-{matchId}` (and so on) for the
 * backfill. The same match and stage always give the same id, which is what
 * lets a queue refuse to hold the same work twice.
 */
export function jobIdFor(
  stage: Stage,
  matchId: number,
  options: JobIdOptions = {},
): string {
  if (!Number.isSafeInteger(matchId) || matchId <= 0) {
    throw new InternalError(`job id for a bad match id ${String(matchId)}`);
  }
  const retro = options.retroactive ? 'retro-' : '';
  return assertJobId(`${VERB[stage]}-${retro}${matchId}`);
}

/**
 * Throws unless `jobId` is safe for BullMQ: no `:` (its key separator) and
 * not only digits (BullMQ's own ids are numbers). Returns the id.
 */
export function assertJobId(jobId: string): string {
  if (jobId.length === 0 || jobId.includes(':') || /^\d+$/.test(jobId)) {
    throw new InternalError(
      `job id '${jobId}' must be non-empty, without ':' and not only digits`,
    );
  }
  return jobId;
}
