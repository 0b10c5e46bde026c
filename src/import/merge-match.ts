import { localDateOf } from './time-zone.ts';
import type { MatchState } from './match-record.ts';

/** Columns compared to decide whether a stored match changes. */
const COLUMNS = [
  'competitionId', 'season', 'round', 'venue', 'homeTeamId', 'awayTeamId',
  'kickoff', 'kickoffTimeKnown', 'status', 'homeGoals', 'awayGoals',
  'halfTimeHomeGoals', 'halfTimeAwayGoals', 'extraTimeHomeGoals',
  'extraTimeAwayGoals', 'penaltyHomeGoals', 'penaltyAwayGoals',
  'apiFootballFixtureId',
] as const satisfies readonly (keyof MatchState)[];

/**
 * The state of a match after a newer source reports on it. The newer source
 * wins, except that:
 * - a match with a result keeps it when the newer source has none (an older
 *   fixture list must not undo a result);
 * - a known kick-off time stays when the newer source has only the same
 *   day; a different day is a reschedule and wins, time unknown;
 * - fields the newer source lacks (null) keep their value when the two
 *   agree on the status (half-time score, extra time, penalties, round).
 */
export function mergeMatch(
  existing: MatchState | null,
  incoming: MatchState,
  timeZone: string,
): MatchState {
  if (!existing) return incoming;
  if (existing.homeGoals !== null && incoming.homeGoals === null) {
    return existing;
  }

  const merged: MatchState = { ...incoming };
  const fill = ['round', 'venue', 'apiFootballFixtureId'] as const;
  for (const key of fill) {
    if (merged[key] === null) {
      (merged as unknown as Record<string, unknown>)[key] = existing[key];
    }
  }
  if (existing.status === incoming.status) {
    keepPair(merged, existing, 'halfTimeHomeGoals', 'halfTimeAwayGoals');
    keepPair(merged, existing, 'extraTimeHomeGoals', 'extraTimeAwayGoals');
    keepPair(merged, existing, 'penaltyHomeGoals', 'penaltyAwayGoals');
  }

  const sameDay =
    localDateOf(existing.kickoff, timeZone) ===
    localDateOf(incoming.kickoff, timeZone);
  if (!incoming.kickoffTimeKnown && existing.kickoffTimeKnown && sameDay) {
    merged.kickoff = existing.kickoff;
    merged.kickoffTimeKnown = true;
  }
  return merged;
}

type PairKey =
  | 'halfTimeHomeGoals' | 'halfTimeAwayGoals'
  | 'extraTimeHomeGoals' | 'extraTimeAwayGoals'
  | 'penaltyHomeGoals' | 'penaltyAwayGoals';

function keepPair(
  merged: MatchState,
  existing: MatchState,
  home: PairKey,
  away: PairKey,
): void {
  if (merged[home] === null && merged[away] === null) {
    merged[home] = existing[home];
    merged[away] = existing[away];
  }
}

/** True when the two states differ in any stored column. */
export function matchStateChanged(a: MatchState, b: MatchState): boolean {
  return COLUMNS.some((key) => {
    const left = a[key];
    const right = b[key];
    if (left instanceof Date && right instanceof Date) {
      return left.getTime() !== right.getTime();
    }
    return left !== right;
  });
}

/**
 * True when two reports on a match both have a regular-time result and the
 * results differ: two sources disagree, and the later one wins.
 */
export function resultsDisagree(
  earlier: MatchState | null,
  later: MatchState,
): boolean {
  if (!earlier || earlier.homeGoals === null || later.homeGoals === null) {
    return false;
  }
  return earlier.homeGoals !== later.homeGoals ||
    earlier.awayGoals !== later.awayGoals;
}
