import { EXIT, ScorelineError } from '../core/errors.ts';

/**
 * Ctrl+C stopped an import before it committed: the transaction is rolled
 * back, so nothing was imported. Exit code 130.
 */
export class ImportInterruptedError extends ScorelineError {
  constructor() {
    super(
      'import interrupted (Ctrl+C); nothing was imported, the database is as it was',
      EXIT.interrupted,
    );
  }
}

/** Throws ImportInterruptedError once the signal is aborted. */
export function assertNotInterrupted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportInterruptedError();
}
