import { EXIT, ScorelineError } from '../core/errors.ts';

/** No worker listens on a queue the backfill needs. */
export class NoWorkerError extends ScorelineError {
  readonly queues: string[];

  constructor(queues: string[]) {
    super(
      `no worker is listening on the ${queues.join(', ')} queue(s); start 'scoreline worker' or run the backfill with --with-workers`,
      EXIT.fatal,
    );
    this.queues = queues;
  }
}
