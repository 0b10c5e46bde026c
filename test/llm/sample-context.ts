import type { MatchContext, TableLine } from '../../src/core/types.ts';

const line = (position: number, points: number): TableLine => ({
  position,
  points,
  played: 10,
  won: 6,
  drawn: 2,
  lost: 2,
  goalsFor: 18,
  goalsAgainst: 9,
  goalDifference: 9,
  home: { played: 5, won: 4, drawn: 1, lost: 0, goalsFor: 11, goalsAgainst: 3 },
  away: { played: 5, won: 2, drawn: 1, lost: 2, goalsFor: 7, goalsAgainst: 6 },
});

/** A hand-made analysis of one match, with odds, for prompt tests. */
export function sampleContext(matchId = 1): MatchContext {
  return {
    matchId,
    competitionId: 'en.1',
    season: '2024/25',
    round: 'Matchday 11',
    kickoff: '2024-11-09T15:00:00.000Z',
    kickoffTimeKnown: true,
    asOf: '2024-11-09T15:00:00.000Z',
    tableSize: 20,
    home: {
      teamId: 1,
      name: 'Arsenal FC',
      form: [
        {
          matchId: 90,
          kickoff: '2024-11-02T15:00:00.000Z',
          competitionId: 'en.1',
          opponent: 'Newcastle United FC',
          venue: 'away',
          goalsFor: 0,
          goalsAgainst: 1,
          result: 'L',
        },
      ],
      table: line(4, 20),
    },
    away: {
      teamId: 2,
      name: 'Chelsea FC',
      form: [],
      table: line(3, 21),
    },
    headToHead: [
      {
        matchId: 50,
        kickoff: '2024-04-23T19:00:00.000Z',
        competitionId: 'en.1',
        homeTeam: 'Arsenal FC',
        awayTeam: 'Chelsea FC',
        homeGoals: 5,
        awayGoals: 0,
      },
    ],
    odds: {
      bookmaker: 'Bet365',
      home: 1.83,
      draw: 3.75,
      away: 4.33,
      over25: 1.72,
      under25: 2.1,
    },
    injuries: null,
    missing: [],
  };
}
