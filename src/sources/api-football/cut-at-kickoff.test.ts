import { describe, expect, it } from 'vitest';
import type { TableLine } from '../../core/types.ts';
import { cutAtKickoff, type FetchedContext } from './cut-at-kickoff.ts';
import type { SourceOdds } from './map-odds.ts';
import type { SourceStanding } from './map-standings.ts';
import type { RebuiltLine } from './rebuild-table.ts';

const kickoff = new Date('2025-02-16T14:00:00Z');

const line = (played: number, points: number): TableLine => ({
  position: 1, played, won: 0, drawn: 0, lost: 0, goalsFor: 0,
  goalsAgainst: 0, goalDifference: 0, points,
  home: { played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0 },
  away: { played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0 },
});

const standing = (teamId: number, played: number): SourceStanding => ({
  leagueId: 39, season: 2024, group: null, teamId, teamName: `t${teamId}`,
  form: null, line: line(played, played * 3),
  updatedAt: new Date('2025-03-01T00:00:00Z'),
});

const rebuilt = (teamId: number, played: number): RebuiltLine => ({
  teamId, teamName: `t${teamId}`, line: line(played, played),
});

const odds = (updatedAt: string): SourceOdds => ({
  fixtureId: 1, kickoff, updatedAt: new Date(updatedAt), bookmaker: 'Bwin',
  home: 2, draw: 3, away: 4, over25: null, under25: null,
});

const fetched = (over: Partial<FetchedContext>): FetchedContext => ({
  kickoff,
  fetchedAt: new Date('2025-03-02T10:00:00Z'),
  odds: [odds('2025-02-16T12:00:00Z'), odds('2025-02-16T15:00:00Z')],
  providerTable: [standing(40, 27), standing(33, 27)],
  rebuiltTable: [rebuilt(40, 24), rebuilt(33, 24)],
  injuries: [],
  prediction: null,
  ...over,
});

describe('cutAtKickoff', () => {
  it('keeps a retroactive analysis to what was known before kickoff', () => {
    const cut = cutAtKickoff(fetched({}));
    expect(cut.odds.map((o) => o.updatedAt.toISOString())).toEqual([
      '2025-02-16T12:00:00.000Z',
    ]);
    // The provider's table has three more rounds: the rebuilt one is used.
    expect(cut.table?.source).toBe('rebuilt');
    expect(cut.table?.lines.map((l) => l.line.played)).toEqual([24, 24]);
    expect(cut.injuries).toBeNull();
    expect(cut.missing).toEqual(['injuries', 'providerPrediction']);
    expect(cut.flagged).toBe(true);
  });

  it('uses the provider table when it has the same matches', () => {
    const cut = cutAtKickoff(
      fetched({ rebuiltTable: [rebuilt(40, 27), rebuilt(33, 27)] }),
    );
    expect(cut.table?.source).toBe('provider');
    expect(cut.table?.lines[0]?.line.points).toBe(81);
  });

  it('records the table as missing when nothing dates it', () => {
    const cut = cutAtKickoff(fetched({ rebuiltTable: null, odds: [] }));
    expect(cut.table).toBeNull();
    expect(cut.missing).toEqual([
      'odds', 'table', 'injuries', 'providerPrediction',
    ]);
  });

  it('keeps everything fetched before kickoff', () => {
    const cut = cutAtKickoff(
      fetched({
        fetchedAt: new Date('2025-02-16T13:00:00Z'),
        rebuiltTable: null,
        odds: [odds('2025-02-16T12:00:00Z')],
      }),
    );
    expect(cut.table?.source).toBe('provider');
    expect(cut.injuries).toEqual([]);
    expect(cut.missing).toEqual(['providerPrediction']);
  });
});
