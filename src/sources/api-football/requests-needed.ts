import { requestKey, type ApiRequest } from './api-request.ts';

/** What the analysis of one fixture needs to know about it. */
export interface FixtureToAnalyse {
  fixtureId: number;
  leagueId: number;
  season: number;
  homeTeamId: number;
  awayTeamId: number;
  kickoff: Date;
}

/**
 * The requests the analysis of one fixture makes: both teams' season
 * fixtures (form), the meetings of the two teams, the league's fixtures
 * (to rebuild the table as of kickoff) and table, both teams' statistics
 * up to the day before kickoff, odds and injuries.
 */
export function planAnalysisRequests(match: FixtureToAnalyse): ApiRequest[] {
  const { leagueId: league, season } = match;
  const dayBefore = new Date(match.kickoff.getTime() - 86_400_000)
    .toISOString()
    .slice(0, 10);
  const teams = [match.homeTeamId, match.awayTeamId];
  return [
    ...teams.map((team): ApiRequest => ({
      endpoint: 'fixtures',
      params: { team, season },
    })),
    {
      endpoint: 'fixtures/headtohead',
      params: { h2h: `${match.homeTeamId}-${match.awayTeamId}` },
    },
    { endpoint: 'fixtures', params: { league, season } },
    { endpoint: 'standings', params: { league, season } },
    ...teams.map((team): ApiRequest => ({
      endpoint: 'teams/statistics',
      params: { league, season, team, date: dayBefore },
    })),
    { endpoint: 'odds', params: { fixture: match.fixtureId } },
    { endpoint: 'injuries', params: { fixture: match.fixtureId } },
  ];
}

/**
 * How many requests a plan costs: identical requests count once, and those
 * whose answer is still cached (`cachedKeys`, see requestKey) cost nothing.
 * Pages beyond the first are not known in advance and not counted.
 */
export function requestsNeeded(
  plan: readonly ApiRequest[],
  cachedKeys: ReadonlySet<string> = new Set(),
): number {
  const keys = new Set(plan.map(requestKey));
  let needed = 0;
  for (const key of keys) if (!cachedKeys.has(key)) needed += 1;
  return needed;
}
