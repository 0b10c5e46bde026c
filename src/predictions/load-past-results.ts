import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { PastResult } from '../models/forecaster.ts';

interface PastRow {
  matchId: number;
  competitionId: string;
  season: string;
  kickoffMs: number;
  homeTeamId: number;
  awayTeamId: number;
  homeGoals: number;
  awayGoals: number;
}

/**
 * Finished matches with a score and kickoff strictly before `kickoff`,
 * oldest first, in one query: what baselines may know about the past.
 */
export async function loadPastResults(
  db: Db,
  kickoff: Date,
): Promise<PastResult[]> {
  const rows = await queryRows<PastRow>(
    db,
    sql`select id as "matchId", competition_id as "competitionId", season,
        (extract(epoch from kickoff) * 1000)::float8 as "kickoffMs",
        home_team_id as "homeTeamId", away_team_id as "awayTeamId",
        home_goals as "homeGoals", away_goals as "awayGoals"
      from matches
      where status = 'finished' and home_goals is not null
        and kickoff < ${kickoff.toISOString()}::timestamptz
      order by kickoff, id`,
  );
  return rows.map(({ kickoffMs, ...row }) => ({
    ...row,
    kickoff: new Date(kickoffMs),
  }));
}

/**
 * A loader of past results that queries on its first call only, so that
 * all models of a match share one query (and none if no model needs it).
 */
export function makePastResultsLoader(
  db: Db,
  kickoff: Date,
): () => Promise<PastResult[]> {
  let loaded: Promise<PastResult[]> | undefined;
  return () => {
    if (!loaded) {
      loaded = loadPastResults(db, kickoff);
      // A failed load is not kept, so a later call can try again.
      loaded.catch(() => {
        loaded = undefined;
      });
    }
    return loaded;
  };
}
