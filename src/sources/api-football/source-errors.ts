import { ConfigError, EXIT, ScorelineError } from '../../core/errors.ts';

/** Why a data source stopped taking calls for the rest of the run. */
export type StopReason = 'quota' | 'token' | 'budget';

/**
 * The data source refuses further calls this run: the provider's daily quota
 * is used up, the key is refused, or our own daily budget would be spent.
 * Never to be read as "no fixtures". Quota and budget leave the run
 * unfinished (exit code 3); a refused key is a configuration error (2).
 */
export class SourceStoppedError extends ScorelineError {
  readonly reason: StopReason;
  /** Retrying the job soon cannot help: the job queue fails it at once. */
  readonly retryable = false;

  constructor(reason: StopReason, message: string) {
    super(message, reason === 'token' ? EXIT.usage : EXIT.gapsRemain);
    this.reason = reason;
  }
}

/**
 * The provider rejected a request parameter (`league`, `season`, ...): the
 * request is wrong, so it is not retried.
 */
export class SourceFieldError extends ConfigError {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.field = field;
  }
}
