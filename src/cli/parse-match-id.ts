import { UsageError } from '../core/errors.ts';

/** The largest match id: the `matches.id` column is a PostgreSQL integer. */
export const MAX_MATCH_ID = 2_147_483_647;

/**
 * A match id given on the command line: decimal digits, 1 to MAX_MATCH_ID.
 * `what` names where it came from (`--match`, `the match id`) so that the
 * one-line UsageError points at it; `usage` is appended when given.
 */
export function parseMatchId(
  text: string,
  what: string,
  usage?: string,
): number {
  // Up to 10 digits keeps Number() exact before the range check.
  const id = /^[0-9]{1,10}$/.test(text) ? Number(text) : Number.NaN;
  if (!(id >= 1 && id <= MAX_MATCH_ID)) {
    const tail = usage ? `; usage: ${usage}` : '';
    throw new UsageError(
      `${what} must be a whole number from 1 to ${MAX_MATCH_ID}, not '${text}'${tail}`,
    );
  }
  return id;
}
