import { describe, expect, it } from 'vitest';
import type { TableLine } from '../../core/types.ts';
import type { SourceContextAtKickoff } from './fetch-context-at-kickoff.ts';
import type { SourceFixture } from './map-fixture.ts';
import type { SourceOdds } from './map-odds.ts';
import { toMatchContext, type MatchToAnalyse } from './to-match-context.ts';

const match: MatchToAnalyse = {
  matchId: 7, fixtureId: 900, competitionId: 'en.1', season: '2024-25',
  round: 'Matchday 10', kickoff: '2024-11-02T15:00:00.000Z',
  kickoffTimeKnown: true,
  home: { teamId: 1, name: 'Liverpool FC', sourceTeamId: 40 },
  away: { teamId: 2, name: 'Brighton & Hove Albion FC', sourceTeamId: 51 },
};

function fixture(
  id: number, home: [number, string], away: [number, string],
  score: [number, number], league = 39,
): SourceFixture {
  return {
    fixtureId: id,
    league: { id: league, name: '', country: null, season: 2024, round: null },
    kickoff: new Date('2024-10-26T14:00:00Z'),
    status: 'finished', statusCode: 'FT', venue: null,
    home: { id: home[0], name: home[1] }, away: { id: away[0], name: away[1] },
    score: { home: score[0], away: score[1] },
    halfTime: null, extraTime: null, penalties: null, currentGoals: null,
  };
}

const line = (position: number, points: number): TableLine => {
  const record = { played: 9, won: 0, drawn: 0, lost: 0, goalsFor: 0,
    goalsAgainst: 0 };
  return { ...record, position, points, goalDifference: 0,
    home: record, away: record };
};

const odds = (bookmaker: string, home: number): SourceOdds => ({
  fixtureId: 900, kickoff: new Date(match.kickoff),
  updatedAt: new Date('2024-11-01T10:00:00Z'), bookmaker, home, draw: 4,
  away: 5, over25: null, under25: null,
});

const source: SourceContextAtKickoff = {
  odds: [odds('Bwin', 1.5), odds('Bet365', 1.44)],
  table: { source: 'provider', lines: [
    { teamId: 40, line: line(1, 25) }, { teamId: 51, line: line(5, 16) },
    { teamId: 42, line: line(2, 21) },
  ] },
  injuries: [{
    fixtureId: 900, kickoff: new Date(match.kickoff), teamId: 40,
    teamName: 'Liverpool', playerId: 1, player: 'A. Becker',
    type: 'Missing Fixture', reason: 'Muscle Injury',
  }],
  prediction: null,
  missing: [],
  flagged: false,
  // A Champions League away win of Liverpool; Brighton lost at home.
  homeForm: [fixture(11, [496, 'RB Leipzig'], [40, 'Liverpool'], [0, 1], 2)],
  awayForm: [fixture(12, [51, 'Brighton'], [42, 'Arsenal'], [1, 2])],
  headToHead: [],
  homeStatistics: null,
  awayStatistics: null,
};

describe('toMatchContext', () => {
  it('maps form, table, odds and injuries before kickoff', () => {
    const context = toMatchContext(match, source, new Map([[12, 321]]));
    expect(context.home.form).toEqual([{
      matchId: 0, kickoff: '2024-10-26T14:00:00.000Z',
      competitionId: 'uefa.cl', opponent: 'RB Leipzig', venue: 'away',
      goalsFor: 1, goalsAgainst: 0, result: 'W',
    }]);
    expect(context.away.form[0]).toMatchObject({
      matchId: 321, competitionId: 'en.1', opponent: 'Arsenal FC',
      venue: 'home', goalsFor: 1, goalsAgainst: 2, result: 'L',
    });
    expect(context.home.table?.points).toBe(25);
    expect(context.away.table?.position).toBe(5);
    expect(context.tableSize).toBe(3);
    expect(context.odds).toEqual({ bookmaker: 'Bet365', home: 1.44,
      draw: 4, away: 5, over25: null, under25: null });
    expect(context.injuries).toEqual([
      'Liverpool FC: A. Becker (Missing Fixture: Muscle Injury)',
    ]);
    expect(context.missing).toEqual([]);
    expect(context.asOf).toBe(match.kickoff);
  });

  it('lists what the cut at kickoff could not date', () => {
    const context = toMatchContext(match, {
      ...source, odds: [], table: null, injuries: null,
      prediction: null, missing: ['odds', 'table', 'injuries',
        'providerPrediction'],
    }, new Map());
    expect(context.missing).toEqual([
      'home.table', 'away.table', 'odds', 'injuries', 'providerPrediction',
    ]);
    expect(context.odds).toBeNull();
    expect(context.injuries).toBeNull();
  });
});
