import type { MatchStatus } from '../core/types.ts';
import type { MatchRow } from '../db/matches.ts';
import type { MatchState } from './match-record.ts';

/** The source-neutral state of a stored match row. */
export function matchStateOfRow(row: MatchRow): MatchState {
  return {
    competitionId: row.competitionId,
    season: row.season,
    round: row.round,
    venue: row.venue,
    homeTeamId: row.homeTeamId,
    awayTeamId: row.awayTeamId,
    kickoff: row.kickoff,
    kickoffTimeKnown: row.kickoffTimeKnown,
    status: row.status as MatchStatus,
    homeGoals: row.homeGoals,
    awayGoals: row.awayGoals,
    halfTimeHomeGoals: row.halfTimeHomeGoals,
    halfTimeAwayGoals: row.halfTimeAwayGoals,
    extraTimeHomeGoals: row.extraTimeHomeGoals,
    extraTimeAwayGoals: row.extraTimeAwayGoals,
    penaltyHomeGoals: row.penaltyHomeGoals,
    penaltyAwayGoals: row.penaltyAwayGoals,
    apiFootballFixtureId: row.apiFootballFixtureId,
  };
}
