import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import { addMatch, seedBasics } from '../../test/scoring/seed-matches.ts';
import {
  countPredictions,
  insertPrediction,
  listPredictions,
} from './predictions.ts';

describe.each(DATABASE_KINDS)('predictions table on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedBasics(database.db, 3);
  });
  afterAll(async () => {
    await database.close();
  });

  it('inserts once per match and model, keeping the first', async () => {
    const { db } = database;
    const matchId = await addMatch(db, { status: 'scheduled' });
    const first = { matchId, modelId: 'm2', homeGoals: 0, awayGoals: 2 };

    expect(await insertPrediction(db, first)).toBe(true);
    expect(await insertPrediction(db, { ...first, homeGoals: 5 })).toBe(false);
    expect(await insertPrediction(db, {
      matchId, modelId: 'm1', homeGoals: 1, awayGoals: 1,
      retroactive: true, rawAnswer: '1-1',
    })).toBe(true);

    expect(await countPredictions(db, matchId)).toBe(2);
    const rows = await listPredictions(db, matchId);
    expect(rows.map((r) => [r.modelId, r.homeGoals, r.awayGoals,
      r.tendency, r.retroactive, r.rawAnswer, r.points, r.void])).toEqual([
      ['m1', 1, 1, 'D', true, '1-1', null, false],
      ['m2', 0, 2, 'A', false, null, null, false],
    ]);
  });

  it('counts zero for a match without predictions', async () => {
    const matchId = await addMatch(database.db, { status: 'scheduled' });
    expect(await countPredictions(database.db, matchId)).toBe(0);
    expect(await listPredictions(database.db, matchId)).toEqual([]);
  });
});
