import { describe, expect, it } from 'vitest';
import { requestKey } from './api-request.ts';
import { planAnalysisRequests, requestsNeeded } from './requests-needed.ts';

const saturday = new Date('2025-02-15T15:00:00Z');
const villa = {
  fixtureId: 1, leagueId: 39, season: 2024,
  homeTeamId: 66, awayTeamId: 40, kickoff: saturday,
};
const spurs = {
  fixtureId: 2, leagueId: 39, season: 2024,
  homeTeamId: 47, awayTeamId: 33, kickoff: saturday,
};

describe('requestsNeeded', () => {
  it('counts the nine requests of one analysis', () => {
    const plan = planAnalysisRequests(villa);
    expect(requestsNeeded(plan)).toBe(9);
    expect(plan.find((r) => r.endpoint === 'teams/statistics')?.params)
      .toEqual({ league: 39, season: 2024, team: 66, date: '2025-02-14' });
  });

  it('counts a request shared by two matches once', () => {
    const plan = [
      ...planAnalysisRequests(villa),
      ...planAnalysisRequests(spurs),
    ];
    // The league's fixtures and table are the same requests for both.
    expect(requestsNeeded(plan)).toBe(16);
  });

  it('does not count what the cache still holds', () => {
    const plan = planAnalysisRequests(villa);
    const cached = new Set([requestKey(plan[0]!), requestKey(plan[3]!)]);
    expect(requestsNeeded(plan, cached)).toBe(7);
  });

  it('builds the same key whatever the parameter order', () => {
    const key = (params: Record<string, number>) =>
      requestKey({ endpoint: 'standings', params });
    expect(key({ season: 2024, league: 39 })).toBe(
      key({ league: 39, season: 2024 }),
    );
    expect(key({ season: 2024, league: 39 })).toBe(
      'api-football:standings?league=39&season=2024',
    );
  });
});
