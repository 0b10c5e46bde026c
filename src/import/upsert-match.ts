import { systemClock, type Clock } from '../core/clock.ts';
import { InternalError } from '../core/errors.ts';
import {
  findMatchByKey,
  insertMatches,
  makeMatchKey,
  updateMatch,
} from '../db/matches.ts';
import type { Db } from '../db/open-database.ts';
import { findCompetitionInfo } from './competition-catalog.ts';
import type { MatchState } from './match-record.ts';
import { matchStateOfRow } from './match-state-of-row.ts';
import { matchStateChanged, mergeMatch } from './merge-match.ts';

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * Stores one match from any source: a new match is added, a known one
 * (same key) is merged with the rules of `mergeMatch` and written only when
 * something changed, so `updated_at` moves only on real changes. A match
 * another transaction adds at the same time is merged, not a failure. The
 * competition must be one of COMPETITIONS and stored already.
 */
export async function upsertMatch(
  db: Db,
  state: MatchState,
  clock: Clock = systemClock,
): Promise<{ id: number; outcome: UpsertOutcome }> {
  const competition = findCompetitionInfo(state.competitionId);
  if (!competition) {
    throw new InternalError(`unknown competition ${state.competitionId}`);
  }
  const matchKey = makeMatchKey(state, competition.cup);
  let existing = await findMatchByKey(db, matchKey);
  if (!existing) {
    const ids = await insertMatches(db, [{ ...state, matchKey }],
      clock.now());
    const id = ids.get(matchKey);
    if (id !== undefined) return { id, outcome: 'inserted' };
    // Another transaction stored the match meanwhile: merge into it.
    existing = await findMatchByKey(db, matchKey);
    if (!existing) {
      throw new InternalError(`match ${matchKey} neither added nor found`);
    }
  }
  const before = matchStateOfRow(existing);
  const after = mergeMatch(before, state, competition.timeZone);
  if (!matchStateChanged(before, after)) {
    return { id: existing.id, outcome: 'unchanged' };
  }
  await updateMatch(db, existing.id, after, clock.now());
  return { id: existing.id, outcome: 'updated' };
}
