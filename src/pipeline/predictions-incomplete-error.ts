import type { PredictionFailure } from '../predictions/predict-match.ts';
import type { PredictionsResult } from './stages.ts';

/**
 * A predictions job after which some wanted models still have no
 * prediction. Retryable while one failure is transient (a timeout, 429,
 * 5xx): the next attempt calls only those models, the stored predictions
 * stay. Unrecoverable when every failure is permanent (see
 * PredictionFailure), so the job fails at once with the reasons instead
 * of waiting through its backoff for an answer that cannot come.
 */
export class PredictionsIncompleteError extends Error {
  readonly result: PredictionsResult;
  readonly unrecoverable: boolean;

  constructor(
    result: Omit<PredictionsResult, 'failed'> & {
      failed: PredictionFailure[];
    },
  ) {
    const total =
      result.added.length + result.alreadyPredicted.length +
      result.failed.length;
    const list = result.failed
      .map((f) => `${f.modelId} (${f.reason})`)
      .join(', ');
    const unrecoverable = result.failed.every((f) => f.permanent);
    super(
      `match ${result.matchId}: ${result.failed.length} of ${total} models gave no prediction${unrecoverable ? ' (asking again cannot help)' : ''}: ${list}`,
    );
    this.name = 'PredictionsIncompleteError';
    this.result = result;
    this.unrecoverable = unrecoverable;
  }
}
