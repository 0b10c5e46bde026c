import { EXIT, ScorelineError } from '../core/errors.ts';

/** Another backfill holds the run lock: this one refuses to start. */
export class BackfillRunningError extends ScorelineError {
  readonly owner: string;

  constructor(owner: string, expiresInMs: number) {
    const seconds = Math.max(1, Math.ceil(expiresInMs / 1000));
    super(
      `another backfill is running (${owner}); wait for it to finish, or if it crashed, run again in ${seconds} s when its lock expires`,
      EXIT.fatal,
    );
    this.owner = owner;
  }
}
