import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fixedClock } from '../../src/core/clock.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { listMatches } from '../../src/db/matches.ts';
import { envelopeSchema } from '../../src/sources/api-football/envelope-schema.ts';
import { fixtureSchema } from '../../src/sources/api-football/fixture-schema.ts';
import {
  mapFixture,
  type SourceFixture,
} from '../../src/sources/api-football/map-fixture.ts';
import { storeFixtures } from '../../src/sources/api-football/store-fixtures.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { recordedEnvelope } from './recorded-responses.ts';

const DAY_FILE = 'fixtures-date-2026-02-11-all-leagues-ft-pst-canc-pen-awd.json';
const UCL_FILE = 'fixtures-ucl-2023-24-pen-shootouts.json';
const options = {
  clock: fixedClock('2026-02-12T08:00:00Z'),
  logger: makeLogger('silent'),
};

function fixturesOf(file: string): SourceFixture[] {
  const { response } = envelopeSchema.parse(recordedEnvelope(file));
  return z.array(fixtureSchema).parse(response).map((f) => mapFixture(f));
}

describe.each(DATABASE_KINDS)('storeFixtures on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('stores the tracked leagues of a day as matches', async () => {
    const summary = await storeFixtures(
      database.db, fixturesOf(DAY_FILE), options,
    );
    // 284 fixtures, 5 of them in the Premier League, none in the others.
    expect(summary).toMatchObject({ inserted: 5, updated: 0, unchanged: 0 });
    expect(summary.skipped).toHaveLength(279);

    const stored = await listMatches(database.db, { competitionId: 'en.1' });
    expect(stored.map((m) => `${m.homeTeam} ${m.homeGoals}-${m.awayGoals} ${m.awayTeam}`))
      .toEqual([
        'Aston Villa FC 1-0 Brighton & Hove Albion FC',
        'Crystal Palace FC 2-3 Burnley FC',
        'Manchester City FC 3-0 Fulham FC',
        'Nottingham Forest FC 0-0 Wolverhampton Wanderers FC',
        'Sunderland AFC 0-1 Liverpool FC',
      ]);
    expect(stored[0]).toMatchObject({
      season: '2025-26',
      round: 'Matchday 26',
      status: 'finished',
      kickoff: new Date('2026-02-11T19:30:00Z'),
      kickoffTimeKnown: true,
      halfTimeHomeGoals: 0,
      halfTimeAwayGoals: 0,
      extraTimeHomeGoals: null,
      apiFootballFixtureId: 1379219,
    });
  });

  it('leaves matches unchanged when the same fixtures come again', async () => {
    const summary = await storeFixtures(
      database.db, fixturesOf(DAY_FILE), options,
    );
    expect(summary).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
  });

  it('stores shoot-outs with the regular-time score apart', async () => {
    const summary = await storeFixtures(
      database.db, fixturesOf(UCL_FILE), options,
    );
    expect(summary).toMatchObject({ inserted: 2, skipped: [] });
    const [atletico] = await listMatches(database.db, {
      competitionId: 'uefa.cl',
      to: new Date('2024-03-13T21:00:00Z'),
      from: new Date('2024-03-13T19:00:00Z'),
    });
    expect(atletico).toMatchObject({
      homeTeam: 'Club Atlético de Madrid',
      awayTeam: 'FC Internazionale Milano',
      season: '2023-24',
      round: 'Finals, Round of 16',
      homeGoals: 2,
      awayGoals: 1,
      extraTimeHomeGoals: 0,
      extraTimeAwayGoals: 0,
      penaltyHomeGoals: 3,
      penaltyAwayGoals: 2,
    });
  });

  it('skips an unknown status code instead of guessing', async () => {
    const [villa] = fixturesOf(DAY_FILE).filter((f) => f.fixtureId === 1379219);
    const summary = await storeFixtures(
      database.db,
      [{ ...villa!, status: null, statusCode: 'XYZ' }],
      options,
    );
    expect(summary.skipped).toEqual([
      { fixtureId: 1379219, reason: 'unknown status code XYZ' },
    ]);
    const [stored] = await listMatches(database.db, { competitionId: 'en.1' });
    expect(stored?.status).toBe('finished');
  });
});
