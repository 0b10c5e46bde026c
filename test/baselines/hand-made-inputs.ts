import type { MatchContext, TeamContext } from '../../src/core/types.ts';
import type { ForecastInput, PastResult } from '../../src/models/forecaster.ts';

/** A small past result of competition X for hand-made test inputs. */
export function makePastResult(
  matchId: number,
  season: string,
  homeTeamId: number,
  awayTeamId: number,
  homeGoals: number,
  awayGoals: number,
  competitionId = 'X',
): PastResult {
  return {
    matchId,
    competitionId,
    season,
    kickoff: new Date(Date.UTC(2024, 0, matchId, 15)),
    homeTeamId,
    awayTeamId,
    homeGoals,
    awayGoals,
  };
}

function team(teamId: number): TeamContext {
  return { teamId, name: `team ${teamId}`, form: [], table: null };
}

/**
 * A forecast input for team `homeTeamId` against `awayTeamId` in
 * competition X, kicking off on 2024-03-01, with no odds and no form.
 */
export function makeInput(
  results: PastResult[],
  overrides: Partial<MatchContext> = {},
  homeTeamId = 1,
  awayTeamId = 2,
): ForecastInput {
  const kickoff = '2024-03-01T15:00:00.000Z';
  const context: MatchContext = {
    matchId: 999,
    competitionId: 'X',
    season: 's',
    round: null,
    kickoff,
    kickoffTimeKnown: true,
    asOf: kickoff,
    tableSize: 4,
    home: team(homeTeamId),
    away: team(awayTeamId),
    headToHead: [],
    odds: null,
    injuries: null,
    missing: [],
    ...overrides,
  };
  return { context, pastResults: async () => results };
}
