import { sql } from 'drizzle-orm';
import type { HeadToHeadEntry } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { instantParam, isoInstant, isResult } from './iso-instant.ts';

/** How many earlier meetings the head-to-head shows. */
export const HEAD_TO_HEAD_LENGTH = 6;

/**
 * The last meetings of two teams before `asOf`, in any competition and at
 * either venue, newest first (same kickoff: higher match id first).
 */
export async function queryHeadToHead(
  db: Db,
  asOf: string,
  teamIds: readonly [number, number],
): Promise<HeadToHeadEntry[]> {
  const [first, second] = teamIds;
  return queryRows<HeadToHeadEntry>(
    db,
    sql`select m.id as "matchId", ${isoInstant(sql`m.kickoff`)} as kickoff,
        m.competition_id as "competitionId", h.name as "homeTeam",
        a.name as "awayTeam", m.home_goals as "homeGoals",
        m.away_goals as "awayGoals"
      from matches m
      join teams h on h.id = m.home_team_id
      join teams a on a.id = m.away_team_id
      where ${isResult('m')} and m.kickoff < ${instantParam(asOf)}
        and ((m.home_team_id = ${first} and m.away_team_id = ${second})
          or (m.home_team_id = ${second} and m.away_team_id = ${first}))
      order by m.kickoff desc, m.id desc
      limit ${HEAD_TO_HEAD_LENGTH}`,
  );
}
