import { EXIT, ScorelineError } from '../core/errors.ts';

/** Why a match cannot be analysed. */
export type AnalysisErrorReason = 'unknown-match' | 'not-played';

/**
 * A match that cannot have an analysis: it does not exist, or it is
 * cancelled, postponed or abandoned. Retrying cannot help, so
 * `unrecoverable` is true and the job queue stops retrying.
 */
export class AnalysisError extends ScorelineError {
  readonly matchId: number;
  readonly reason: AnalysisErrorReason;
  /** True when retrying the same analysis cannot succeed. */
  readonly unrecoverable: boolean;

  constructor(matchId: number, reason: AnalysisErrorReason, message: string) {
    super(message, EXIT.usage);
    this.matchId = matchId;
    this.reason = reason;
    this.unrecoverable = true;
  }
}
