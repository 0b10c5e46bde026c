import { describe, expect, it } from 'vitest';
import type { MatchState } from './match-record.ts';
import { matchStateChanged, mergeMatch } from './merge-match.ts';

const base: MatchState = {
  competitionId: 'en.1', season: '2025-26', round: 'Matchday 1',
  venue: null, homeTeamId: 1, awayTeamId: 2,
  kickoff: new Date('2025-08-15T19:00:00Z'), kickoffTimeKnown: true,
  status: 'scheduled', homeGoals: null, awayGoals: null,
  halfTimeHomeGoals: null, halfTimeAwayGoals: null,
  extraTimeHomeGoals: null, extraTimeAwayGoals: null,
  penaltyHomeGoals: null, penaltyAwayGoals: null,
  apiFootballFixtureId: null,
};
const zone = 'Europe/London';
const finished: MatchState = {
  ...base, status: 'finished', homeGoals: 4, awayGoals: 2,
  halfTimeHomeGoals: 1, halfTimeAwayGoals: 0,
};

describe('mergeMatch', () => {
  it('takes the newer result', () => {
    expect(mergeMatch(base, finished, zone)).toEqual(finished);
  });

  it('keeps a result when the newer source has none', () => {
    expect(mergeMatch(finished, base, zone)).toEqual(finished);
  });

  it('keeps a known time when the newer source has only the same day', () => {
    const dayOnly = {
      ...finished, kickoff: new Date('2025-08-14T23:00:00Z'),
      kickoffTimeKnown: false,
    };
    const merged = mergeMatch(finished, dayOnly, zone);
    expect(merged.kickoff.toISOString()).toBe('2025-08-15T19:00:00.000Z');
    expect(merged.kickoffTimeKnown).toBe(true);
  });

  it('takes a known time over an unknown one', () => {
    const dayOnly = {
      ...base, kickoff: new Date('2025-08-14T23:00:00Z'),
      kickoffTimeKnown: false,
    };
    const merged = mergeMatch(dayOnly, base, zone);
    expect(merged.kickoff.toISOString()).toBe('2025-08-15T19:00:00.000Z');
    expect(merged.kickoffTimeKnown).toBe(true);
  });

  it('takes a new day without time as a reschedule', () => {
    const moved = {
      ...base, kickoff: new Date('2025-09-01T23:00:00Z'),
      kickoffTimeKnown: false,
    };
    expect(mergeMatch(base, moved, zone)).toEqual(moved);
  });

  it('keeps the half-time score and round a newer source lacks', () => {
    const bare = {
      ...finished, round: null, halfTimeHomeGoals: null,
      halfTimeAwayGoals: null,
    };
    expect(mergeMatch(finished, bare, zone)).toEqual(finished);
  });
});

describe('matchStateChanged', () => {
  it('compares kickoffs as instants', () => {
    const same = { ...base, kickoff: new Date(base.kickoff.getTime()) };
    expect(matchStateChanged(base, same)).toBe(false);
    expect(matchStateChanged(base, finished)).toBe(true);
  });
});
