import { UnrecoverableError } from 'bullmq';
import {
  ConfigError,
  InputError,
  InternalError,
  UsageError,
  messageOf,
} from '../core/errors.ts';

/**
 * True when retrying the job cannot help: BullMQ's own UnrecoverableError,
 * an error that says so itself (`unrecoverable: true` or `retryable:
 * false`, as the stage modules' typed errors do), bad input or
 * configuration, or our own bug. Everything else (timeouts, a server
 * away, analysis not ready yet) is worth another attempt.
 */
export function isUnrecoverable(error: unknown): boolean {
  if (error instanceof UnrecoverableError) return true;
  if (error instanceof InputError || error instanceof ConfigError) return true;
  if (error instanceof UsageError || error instanceof InternalError) {
    return true;
  }
  if (typeof error === 'object' && error !== null) {
    const flags = error as { unrecoverable?: unknown; retryable?: unknown };
    if (flags.unrecoverable === true || flags.retryable === false) return true;
  }
  return false;
}

/**
 * The error a processor throws for a stage failure: an UnrecoverableError
 * (the job fails at once) or the error itself (BullMQ retries it).
 */
export function toJobError(error: unknown): Error {
  if (error instanceof UnrecoverableError) return error;
  if (isUnrecoverable(error)) {
    const mapped = new UnrecoverableError(messageOf(error));
    mapped.cause = error;
    return mapped;
  }
  return error instanceof Error ? error : new Error(messageOf(error));
}

/** Runs a stage's work, mapping what it throws with toJobError. */
export async function runStageWork<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toJobError(error);
  }
}
