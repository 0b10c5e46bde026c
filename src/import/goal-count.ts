/**
 * The most goals one side can score in a match that a data file may claim.
 * Real scores stay far below it; anything past two digits is a typo or a
 * broken file, and left unchecked it reaches the integer columns of the
 * database and fails there.
 */
export const MAX_GOALS = 99;

/** True for a whole number of goals from 0 to MAX_GOALS. */
export function isGoalCount(value: unknown): value is number {
  return Number.isInteger(value) &&
    (value as number) >= 0 && (value as number) <= MAX_GOALS;
}
