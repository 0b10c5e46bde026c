import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../core/clock.ts';
import { insertCompetitions } from '../db/competitions.ts';
import { findMatch, listMatches } from '../db/matches.ts';
import { insertTeams } from '../db/teams.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import type { MatchState } from './match-record.ts';
import { upsertMatch } from './upsert-match.ts';

describe.each(DATABASE_KINDS)('upsertMatch on %s', (kind) => {
  let database: TestDatabase;
  let scheduled: MatchState;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await insertCompetitions(database.db, [
      { id: 'en.1', name: 'Premier League', timeZone: 'Europe/London' },
    ]);
    const ids = await insertTeams(database.db,
      ['Liverpool FC', 'AFC Bournemouth']);
    scheduled = {
      competitionId: 'en.1', season: '2025-26', round: null, venue: null,
      homeTeamId: ids.get('Liverpool FC')!,
      awayTeamId: ids.get('AFC Bournemouth')!,
      kickoff: new Date('2025-08-15T19:00:00Z'), kickoffTimeKnown: true,
      status: 'scheduled', homeGoals: null, awayGoals: null,
      halfTimeHomeGoals: null, halfTimeAwayGoals: null,
      extraTimeHomeGoals: null, extraTimeAwayGoals: null,
      penaltyHomeGoals: null, penaltyAwayGoals: null,
      apiFootballFixtureId: 1378969,
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  it('adds, keeps and then updates one match', async () => {
    const first = await upsertMatch(database.db, scheduled,
      fixedClock('2025-08-01T00:00:00Z'));
    expect(first.outcome).toBe('inserted');

    const again = await upsertMatch(database.db, scheduled,
      fixedClock('2025-08-02T00:00:00Z'));
    expect(again).toEqual({ id: first.id, outcome: 'unchanged' });
    expect((await findMatch(database.db, first.id))?.updatedAt.toISOString())
      .toBe('2025-08-01T00:00:00.000Z');

    const finished = await upsertMatch(database.db, {
      ...scheduled, status: 'finished', homeGoals: 4, awayGoals: 2,
      apiFootballFixtureId: null,
    }, fixedClock('2025-08-16T00:00:00Z'));
    expect(finished).toEqual({ id: first.id, outcome: 'updated' });

    const [listed] = await listMatches(database.db, { season: '2025-26' });
    expect(listed).toMatchObject({
      id: first.id, homeTeam: 'Liverpool FC', awayTeam: 'AFC Bournemouth',
      timeZone: 'Europe/London', status: 'finished', homeGoals: 4,
      awayGoals: 2, apiFootballFixtureId: 1378969,
      matchKey: `en.1/2025-26/${scheduled.homeTeamId}-${scheduled.awayTeamId}`,
    });
    expect(listed?.updatedAt.toISOString()).toBe('2025-08-16T00:00:00.000Z');
    expect(await listMatches(database.db, { season: '2024-25' })).toEqual([]);
  });
});
