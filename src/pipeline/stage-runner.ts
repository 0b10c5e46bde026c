import type { Stage, StagePayloads, StageResults } from './stages.ts';

/**
 * How a stage job ended, as seen by whoever waited for it.
 * - completed: it ran and returned what it wrote;
 * - removed: it completed but retention removed it before its result could
 *   be read; it counts as done, and the caller checks the database;
 * - failed: it failed for good (all attempts, or unrecoverable);
 * - timeout: it did not finish in time; it may still run later;
 * - lost: it vanished from the queue while being waited for (Redis
 *   restarted empty, or it was removed); the caller checks the database.
 */
export type StageOutcome<S extends Stage> =
  | { state: 'completed'; result: StageResults[S] }
  | { state: 'removed' }
  | { state: 'failed'; reason: string }
  | { state: 'timeout'; timeoutMs: number }
  | { state: 'lost'; reason: string };

/**
 * Runs one stage job under a deterministic id and waits for its end. A
 * pending job with the same id is joined, never run twice; a finished one
 * is run again. Two implementations: BullMQ (workers in other processes)
 * and embedded (the same processors in this process).
 */
export interface StageRunner {
  readonly kind: 'bullmq' | 'embedded';
  run<S extends Stage>(
    stage: S,
    payload: StagePayloads[S],
    jobId: string,
    timeoutMs: number,
  ): Promise<StageOutcome<S>>;
  /** Releases connections; pending embedded jobs are awaited. */
  close(): Promise<void>;
}

/** True when the outcome counts as done (completed, or removed after). */
export function isDone<S extends Stage>(outcome: StageOutcome<S>): boolean {
  return outcome.state === 'completed' || outcome.state === 'removed';
}
