import { EXIT, ScorelineError } from '../core/errors.ts';

/**
 * The match has no complete analysis yet. Worth another attempt: the
 * queue retries the predictions job once the analysis stage has run.
 */
export class AnalysisNotReadyError extends ScorelineError {
  readonly matchId: number;
  readonly unrecoverable = false;

  constructor(matchId: number) {
    super(
      `match ${matchId} has no complete analysis yet; run its analysis first (the queue retries this job)`,
      EXIT.gapsRemain,
    );
    this.matchId = matchId;
  }
}

/**
 * The match cannot be predicted: it does not exist, or it is cancelled,
 * postponed, abandoned or awarded. Retrying cannot help.
 */
export class MatchNotPredictableError extends ScorelineError {
  readonly matchId: number;
  readonly unrecoverable = true;

  constructor(matchId: number, why: string) {
    super(
      `match ${matchId} cannot be predicted: ${why}; predictions are made for scheduled, live and finished matches only`,
      EXIT.usage,
    );
    this.matchId = matchId;
  }
}
