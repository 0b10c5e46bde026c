import type { PredictionsResult } from './stages.ts';

/**
 * A predictions job after which some wanted models still have no
 * prediction. Retryable: the next attempt calls only those models, the
 * stored predictions stay.
 */
export class PredictionsIncompleteError extends Error {
  readonly result: PredictionsResult;
  readonly unrecoverable = false;

  constructor(result: PredictionsResult) {
    const total =
      result.added.length + result.alreadyPredicted.length +
      result.failed.length;
    const list = result.failed
      .map((f) => `${f.modelId} (${f.reason})`)
      .join(', ');
    super(
      `match ${result.matchId}: ${result.failed.length} of ${total} models gave no prediction: ${list}`,
    );
    this.name = 'PredictionsIncompleteError';
    this.result = result;
  }
}
