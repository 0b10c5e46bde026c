/**
 * Imports and match upserts running at the same time on one PostgreSQL
 * database (production, where several processes share the server). Only
 * PostgreSQL: PGlite has one connection, so nothing there runs at once.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import { makeMatchKey } from '../../src/db/matches.ts';
import { openDatabase, type Database } from '../../src/db/open-database.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { insertTeams } from '../../src/db/teams.ts';
import { importFiles } from '../../src/import/import-files.ts';
import type { MatchState } from '../../src/import/match-record.ts';
import { upsertMatch } from '../../src/import/upsert-match.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { waitUntil } from '../pipeline/wait-until.ts';

const logger = makeLogger('silent');
const data = (...parts: string[]) => path.join(sharedDataDir(), ...parts);

describe('two imports at once on PostgreSQL', () => {
  let database: TestDatabase;
  let other: Database;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    other = await openDatabase({ url: database.url! });
  });
  afterAll(async () => {
    await other?.close();
    await database?.close();
  });

  /** Resolves once a session of this database waits for a lock. */
  const someoneWaitsForALock = () => waitUntil(async () => {
    const rows = await queryRows<{ n: number }>(database.db, sql`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`);
    return rows[0]!.n > 0;
  });

  it('both succeed with new teams and store each match once', async () => {
    // The competition is stored already (an earlier season); 2024-25
    // brings three new teams (Ipswich, Leicester, Southampton).
    await importFiles(database.db,
      [data('openfootball', '2023-24', 'en.1.json')], logger);
    const results = await Promise.all([
      importFiles(database.db,
        [data('openfootball', '2024-25', 'en.1.json')], logger),
      importFiles(other.db,
        [data('football-data', 'E0-2024-25.csv')], logger),
    ]);
    // 380 new matches of 2024-25, whichever import came first; the other
    // one finds all 380 stored.
    const inserted = results.map((r) => r.matchesInserted).sort();
    expect(inserted).toEqual([0, 380]);
    const [counts] = await queryRows<Record<string, number>>(database.db,
      sql`select (select count(*)::int from matches) as matches,
        (select count(*)::int from teams) as teams,
        (select count(*)::int from match_odds) as odds`);
    // 380 + 380 matches; 20 teams of 2023-24 and 3 new; avg and b365 odds
    // of each 2024-25 match.
    expect(counts).toEqual({ matches: 760, teams: 23, odds: 760 });
  });

  it('gives the ids of teams a concurrent transaction adds', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstIds = new Map<string, number>();
    const first = database.db.transaction(async (tx) => {
      firstIds = await insertTeams(tx, ['Atlantis FC', 'Lemuria FC']);
      await held;
    });
    await waitUntil(async () => firstIds.size === 2);
    // Blocks on the uncommitted names until the first commits.
    const second = insertTeams(other.db, ['Lemuria FC', 'Atlantis FC']);
    await someoneWaitsForALock();
    release();
    await first;
    expect(await second).toEqual(firstIds);
  });

  it('merges a match a concurrent transaction adds', async () => {
    const ids = await insertTeams(database.db, ['Atlantis FC', 'Lemuria FC']);
    const state: MatchState = {
      competitionId: 'en.1', season: '2030-31', round: null, venue: null,
      homeTeamId: ids.get('Atlantis FC')!, awayTeamId: ids.get('Lemuria FC')!,
      kickoff: new Date('2030-08-17T14:00:00Z'), kickoffTimeKnown: true,
      status: 'scheduled', homeGoals: null, awayGoals: null,
      halfTimeHomeGoals: null, halfTimeAwayGoals: null,
      extraTimeHomeGoals: null, extraTimeAwayGoals: null,
      penaltyHomeGoals: null, penaltyAwayGoals: null,
      apiFootballFixtureId: null,
    };
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstId = 0;
    const first = database.db.transaction(async (tx) => {
      firstId = (await upsertMatch(tx, state)).id;
      await held;
    });
    await waitUntil(async () => firstId > 0);
    const second = upsertMatch(other.db,
      { ...state, status: 'finished', homeGoals: 2, awayGoals: 1 },
      fixedClock('2030-08-17T16:00:00Z'));
    await someoneWaitsForALock();
    release();
    await first;
    expect(await second).toEqual({ id: firstId, outcome: 'updated' });
    const rows = await queryRows(database.db, sql`
      select id, status, home_goals, away_goals from matches
      where match_key = ${makeMatchKey(state, false)}`);
    expect(rows).toEqual([
      { id: firstId, status: 'finished', home_goals: 2, away_goals: 1 }]);
  });
});
