import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../core/errors.ts';
import { sharedDataDir } from '../core/paths.ts';
import { readOpenfootball } from './read-openfootball.ts';

const premierLeague = path.join(
  sharedDataDir(), 'openfootball', '2025-26', 'en.1.json');

describe('readOpenfootball', () => {
  it('reads a postponed match without time as local midnight', () => {
    const json: unknown = JSON.parse(readFileSync(premierLeague, 'utf8'));
    const matches = readOpenfootball(premierLeague, json, []);
    expect(matches).toHaveLength(380);
    const postponed = matches.filter((m) => m.status === 'postponed');
    expect(postponed).toHaveLength(1);
    expect(postponed[0]).toMatchObject({
      competitionId: 'en.1', season: '2025-26', round: 'Matchday 31',
      homeTeam: 'Manchester City FC', awayTeam: 'Crystal Palace FC',
      kickoffTimeKnown: false, homeGoals: null, awayGoals: null,
    });
    // 21 March 2026 is still winter time in London.
    expect(postponed[0]?.kickoff.toISOString())
      .toBe('2026-03-21T00:00:00.000Z');
  });

  it('keeps only the extra-time goals and a decided shoot-out', () => {
    const file = path.join('2024-25', 'uefa.cl.json');
    const [match] = readOpenfootball(file, {
      name: 'UEFA Champions League 2024/25',
      matches: [{
        round: 'Finals, Final', date: '2025-05-31', time: '21:00',
        team1: 'Arsenal FC (ENG)', team2: 'Real Madrid CF (ESP)',
        score: { ht: [0, 1], ft: [1, 1], et: [2, 3], p: [5, 4] },
      }],
    }, []);
    expect(match).toMatchObject({
      status: 'finished', homeGoals: 1, awayGoals: 1,
      extraTimeHomeGoals: 1, extraTimeAwayGoals: 2,
      penaltyHomeGoals: 5, penaltyAwayGoals: 4,
    });
    // Champions League times are Central European: 21:00 CEST = 19:00 UTC.
    expect(match?.kickoff.toISOString()).toBe('2025-05-31T19:00:00.000Z');
  });

  it('rejects a status it does not know, naming the file', () => {
    const file = path.join('2025-26', 'en.1.json');
    expect(() => readOpenfootball(file, {
      name: 'English Premier League 2025/26',
      matches: [{
        date: '2025-08-15', team1: 'Liverpool FC',
        team2: 'AFC Bournemouth', score: {}, status: 'delayed',
      }],
    }, [])).toThrow(new InputError(
      "match 1 has unknown status 'delayed'; expected one of postponed, cancelled, abandoned, awarded",
      file,
    ));
  });
});
