import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/** What the database says about one match after a backfill stage. */
export interface MatchState {
  hasAnalysis: boolean;
  predictions: number;
  /** Active models still without a prediction, sorted. */
  missingModelIds: string[];
  /**
   * Predictions without a settlement. Settlement leaves `scored_at` as it
   * was when a prediction's points did not change, so a time cannot tell
   * a re-scored prediction apart; a missing one can.
   */
  unscored: number;
}

/**
 * Reads a match's analysis, predictions and settlement in one query: how
 * the backfill confirms a stage whatever its job said (a job removed by
 * retention has no result left to read).
 */
export async function readMatchState(
  db: Db,
  matchId: number,
): Promise<MatchState> {
  const [row] = await queryRows<MatchState>(
    db,
    sql`select
      exists (select 1 from analyses a
        where a.match_id = ${matchId} and a.complete) as "hasAnalysis",
      (select count(*)::int from predictions p
        where p.match_id = ${matchId}) as "predictions",
      coalesce((select json_agg(m.id order by m.id) from models m
        where m.active and m.disabled_at is null
          and not exists (select 1 from predictions p
            where p.match_id = ${matchId} and p.model_id = m.id)),
        '[]'::json) as "missingModelIds",
      (select count(*)::int from predictions p
        where p.match_id = ${matchId}
          and p.scored_at is null) as "unscored"`,
  );
  if (!row) throw new Error(`no state for match ${matchId}`);
  return row;
}
