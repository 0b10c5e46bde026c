import { sql } from 'drizzle-orm';
import type { MatchStatus } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { AnalysisError } from './analysis-error.ts';
import { isoInstant } from './iso-instant.ts';

/** The match an analysis is about, with what the queries need. */
export interface AnalysisTarget {
  matchId: number;
  competitionId: string;
  season: string;
  round: string | null;
  status: MatchStatus;
  /** ISO instant; also the as-of time of the analysis. */
  kickoff: string;
  kickoffTimeKnown: boolean;
  homeTeamId: number;
  homeName: string;
  awayTeamId: number;
  awayName: string;
}

/** Reads the match; throws an unrecoverable AnalysisError if unknown. */
export async function loadAnalysisTarget(
  db: Db,
  matchId: number,
): Promise<AnalysisTarget> {
  const rows = await queryRows<AnalysisTarget>(
    db,
    sql`select m.id as "matchId", m.competition_id as "competitionId",
        m.season, m.round, m.status,
        ${isoInstant(sql`m.kickoff`)} as kickoff,
        m.kickoff_time_known as "kickoffTimeKnown",
        m.home_team_id as "homeTeamId", h.name as "homeName",
        m.away_team_id as "awayTeamId", a.name as "awayName"
      from matches m
      join teams h on h.id = m.home_team_id
      join teams a on a.id = m.away_team_id
      where m.id = ${matchId}`,
  );
  const target = rows[0];
  if (!target) {
    throw new AnalysisError(
      matchId,
      'unknown-match',
      `match ${matchId} does not exist; check the match id (import the fixtures first if it is missing)`,
    );
  }
  return target;
}
