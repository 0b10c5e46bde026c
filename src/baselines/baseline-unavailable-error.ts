import { EXIT, ScorelineError } from '../core/errors.ts';

/**
 * A baseline cannot forecast this match from the input it was given (for
 * example the market model without odds). The prediction stage records it as
 * this model's failure for this match; it never becomes an invented score.
 * Exit code 3 if it ever reaches the entry point: the match keeps a gap.
 */
export class BaselineUnavailableError extends ScorelineError {
  readonly modelId: string;
  readonly matchId: number;

  constructor(modelId: string, matchId: number, message: string) {
    super(message, EXIT.gapsRemain);
    this.modelId = modelId;
    this.matchId = matchId;
  }
}
