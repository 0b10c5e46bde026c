import { EXIT, ScorelineError } from '../core/errors.ts';

/**
 * Settlement of a match id that is not in the database. Retrying cannot
 * help, so `unrecoverable` tells a queue to stop (BullMQ: throw its
 * UnrecoverableError, or fail the job without retries).
 */
export class MatchNotFoundError extends ScorelineError {
  readonly matchId: number;
  readonly unrecoverable = true;

  constructor(matchId: number) {
    super(
      `match ${matchId} does not exist; check the match id, or import the match first`,
      EXIT.usage,
    );
    this.matchId = matchId;
  }
}
