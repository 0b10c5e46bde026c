import { sql } from 'drizzle-orm';
import type {
  FormEntry,
  HeadToHeadEntry,
  MarketOdds,
  MatchStatus,
} from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { AnalysisError } from './analysis-error.ts';
import { isoInstant, TARGET } from './analysis-sql.ts';
import { formJson } from './query-form.ts';
import { headToHeadJson } from './query-head-to-head.ts';
import { oddsJson } from './query-odds.ts';
import { tableJson, type TableRow } from './query-table.ts';

/** The match an analysis is about and everything stored before it. */
export interface AnalysisInputs {
  matchId: number;
  competitionId: string;
  season: string;
  round: string | null;
  status: MatchStatus;
  /** ISO instant; also the as-of time of the analysis. */
  kickoff: string;
  kickoffTimeKnown: boolean;
  /** IANA time zone of the competition's local times. */
  timeZone: string;
  homeTeamId: number;
  homeName: string;
  awayTeamId: number;
  awayName: string;
  form: (FormEntry & { teamId: number })[];
  /** The two teams' table lines; null only if the query found neither. */
  table: TableRow[] | null;
  headToHead: HeadToHeadEntry[];
  odds: MarketOdds | null;
}

/**
 * Reads a match and its pre-match data in one query: each part is a
 * correlated subquery that only sees matches kicking off strictly before
 * this one (one round trip, which matters most on PGlite). Throws an
 * unrecoverable AnalysisError when the match does not exist.
 */
export async function loadAnalysisInputs(
  db: Db,
  matchId: number,
): Promise<AnalysisInputs> {
  const rows = await queryRows<AnalysisInputs>(
    db,
    sql`select ${TARGET}.id as "matchId",
        ${TARGET}.competition_id as "competitionId",
        ${TARGET}.season, ${TARGET}.round, ${TARGET}.status,
        ${isoInstant(sql`${TARGET}.kickoff`)} as kickoff,
        ${TARGET}.kickoff_time_known as "kickoffTimeKnown",
        c.time_zone as "timeZone",
        ${TARGET}.home_team_id as "homeTeamId", h.name as "homeName",
        ${TARGET}.away_team_id as "awayTeamId", a.name as "awayName",
        ${formJson()} as form,
        ${tableJson()} as "table",
        ${headToHeadJson()} as "headToHead",
        ${oddsJson()} as odds
      from matches ${TARGET}
      join competitions c on c.id = ${TARGET}.competition_id
      join teams h on h.id = ${TARGET}.home_team_id
      join teams a on a.id = ${TARGET}.away_team_id
      where ${TARGET}.id = ${matchId}`,
  );
  const inputs = rows[0];
  if (!inputs) {
    throw new AnalysisError(
      matchId,
      'unknown-match',
      `match ${matchId} does not exist; check the match id (import the fixtures first if it is missing)`,
    );
  }
  return inputs;
}
