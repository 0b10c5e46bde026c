import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import {
  listPredictions,
  type PredictionRow,
} from '../../src/db/predictions.ts';
import { matches } from '../../src/db/schema.ts';
import { MatchNotFoundError } from '../../src/scoring/match-not-found-error.ts';
import { settleMatch } from '../../src/scoring/settle-match.ts';
import { DEFAULT_SCORING_CONFIG } from '../../src/scoring/scoring-config.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { addMatch, addPredictions, seedBasics } from './seed-matches.ts';

const T1 = '2025-09-01T16:00:00.000Z';
const T2 = '2025-09-02T09:30:00.000Z';
const at = (iso: string) => ({ clock: fixedClock(iso) });
const config = DEFAULT_SCORING_CONFIG;

/** model -> [quota, tendency, goal difference, exact, points] */
function scoresOf(rows: PredictionRow[]) {
  return Object.fromEntries(rows.map((r) => [r.modelId, [r.quota,
    r.pointsTendency, r.pointsGoalDifference, r.pointsExact, r.points]]));
}

describe.each(DATABASE_KINDS)('settleMatch on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await seedBasics(database.db, 8);
  });
  afterAll(async () => {
    await database.close();
  });

  it('re-scores every prediction when retroactive ones arrive', async () => {
    const { db } = database;
    const matchId = await addMatch(db, { status: 'finished', score: [2, 1] });
    await addPredictions(db, matchId, {
      m1: [2, 1], m2: [1, 0], m3: [1, 1], m4: [0, 2],
    });

    // n = 4. H: c = 2, 52/20 = 2.6 -> 3. D: c = 1, 38/10 = 3.8 -> 4.
    // A: c = 1 -> 4. m1 exact: 3 + 1 + 3. m2 same difference: 3 + 1.
    const first = await settleMatch(db, matchId, config, at(T1));
    expect(first).toEqual({
      matchId, status: 'finished', outcome: 'scored', predictions: 4,
      scored: 4, voided: 0, changed: 4, quotas: { H: 3, D: 4, A: 4 },
    });
    expect(scoresOf(await listPredictions(db, matchId))).toEqual({
      m1: [3, 3, 1, 3, 7], m2: [3, 3, 1, 0, 4],
      m3: [4, 0, 0, 0, 0], m4: [4, 0, 0, 0, 0],
    });

    // Three retroactive predictions: n = 7. H: c = 4, 98/40 = 2.45 -> 2.
    // D: c = 2, 70/20 = 3.5 -> 4. A: c = 1, 56/10 = 5.6 -> 6.
    await addPredictions(db, matchId, {
      m5: [3, 1], m6: [0, 0], m7: [2, 1],
    }, true);
    const second = await settleMatch(db, matchId, config, at(T2));
    expect(second.quotas).toEqual({ H: 2, D: 4, A: 6 });
    expect(second.predictions).toBe(7);
    const rows = await listPredictions(db, matchId);
    expect(scoresOf(rows)).toEqual({
      m1: [2, 2, 1, 3, 6], m2: [2, 2, 1, 0, 3],
      m3: [4, 0, 0, 0, 0], m4: [6, 0, 0, 0, 0],
      m5: [2, 2, 0, 0, 2], m6: [4, 0, 0, 0, 0], m7: [2, 2, 1, 3, 6],
    });

    // m3 did not change, so it keeps the time it was first scored.
    const scoredAt = Object.fromEntries(
      rows.map((r) => [r.modelId, r.scoredAt?.toISOString()]),
    );
    expect(scoredAt).toEqual({
      m1: T2, m2: T2, m3: T1, m4: T2, m5: T2, m6: T2, m7: T2,
    });
    expect(second.changed).toBe(6);
    expect(rows.every((r) => !r.void)).toBe(true);
  });

  it('gives identical rows when settling twice', async () => {
    const { db } = database;
    const matchId = await addMatch(db, { status: 'finished', score: [0, 0] });
    await addPredictions(db, matchId, {
      m1: [0, 0], m2: [1, 1], m3: [2, 0], m4: [1, 2], m5: [0, 0],
    });
    await settleMatch(db, matchId, config, at(T1));
    const before = await listPredictions(db, matchId);
    const again = await settleMatch(db, matchId, config, at(T2));
    expect(again.changed).toBe(0);
    expect(await listPredictions(db, matchId)).toEqual(before);
    // n = 5, D: c = 3, 72/30 = 2.4 -> 2; 0-0 exact: 2 + 1 + 3.
    expect(scoresOf(before).m1).toEqual([2, 2, 1, 3, 6]);
    expect(scoresOf(before).m2).toEqual([2, 2, 1, 0, 3]);
  });

  it('voids every prediction of an awarded match', async () => {
    const { db } = database;
    const matchId = await addMatch(db, { status: 'awarded', score: [0, 2] });
    await addPredictions(db, matchId, { m1: [0, 2], m2: [1, 0] });
    const result = await settleMatch(db, matchId, config, at(T1));
    expect(result).toMatchObject({
      status: 'awarded', outcome: 'void', predictions: 2, scored: 0,
      voided: 2, quotas: null,
    });
    const rows = await listPredictions(db, matchId);
    expect(rows.map((r) => [r.void, r.points, r.quota, r.pointsExact,
      r.scoredAt?.toISOString()])).toEqual([
      [true, null, null, null, T1], [true, null, null, null, T1],
    ]);
  });

  it.each(['postponed', 'cancelled', 'abandoned'])(
    'never scores a %s match and clears old points',
    async (status) => {
      const { db } = database;
      const matchId = await addMatch(db, { status: 'finished', score: [1, 0] });
      await addPredictions(db, matchId, { m1: [1, 0], m2: [0, 0] });
      await settleMatch(db, matchId, config, at(T1));
      expect((await listPredictions(db, matchId))[0]?.points).toBe(7);

      await db.update(matches).set({ status, homeGoals: null, awayGoals: null })
        .where(eq(matches.id, matchId));
      const result = await settleMatch(db, matchId, config, at(T2));
      expect(result).toMatchObject({
        status, outcome: 'not-scored', predictions: 2, scored: 0, voided: 0,
      });
      const rows = await listPredictions(db, matchId);
      expect(rows.map((r) => [r.quota, r.points, r.pointsTendency, r.void,
        r.scoredAt])).toEqual([
        [null, null, null, false, null], [null, null, null, false, null],
      ]);
    },
  );

  it('does not score a finished match without a score', async () => {
    const { db } = database;
    const matchId = await addMatch(db, { status: 'finished', score: null });
    await addPredictions(db, matchId, { m1: [1, 0] });
    const result = await settleMatch(db, matchId, config, at(T1));
    expect(result.outcome).toBe('not-scored');
    expect((await listPredictions(db, matchId))[0]?.points).toBeNull();
  });

  it('settles a finished match with no predictions', async () => {
    const matchId = await addMatch(database.db, {
      status: 'finished', score: [3, 3],
    });
    const result = await settleMatch(database.db, matchId, config, at(T1));
    expect(result).toEqual({
      matchId, status: 'finished', outcome: 'scored', predictions: 0,
      scored: 0, voided: 0, changed: 0, quotas: { H: 6, D: 6, A: 6 },
    });
  });

  it('uses the constants it is given, else the environment', async () => {
    const { db } = database;
    const matchId = await addMatch(db, { status: 'finished', score: [2, 0] });
    // n = 2, H: c = 2 -> 2 with min 2; exact 2-0: 2 + 1 + 3 = 6.
    await addPredictions(db, matchId, { m1: [2, 0], m2: [3, 1] });
    const points = async () =>
      (await listPredictions(db, matchId)).map((r) => r.points);

    await settleMatch(db, matchId, undefined, at(T1));
    expect(await points()).toEqual([6, 3]);

    // Min 3: (6n + 24c) / (10c) = 60/20 = 3, bonuses 2 and 0:
    // m1 3 + 2 + 0, m2 3 + 2.
    const changed = { quotaMin: 3, quotaMax: 6, bonusGoalDifference: 2,
      bonusExact: 0 };
    await settleMatch(db, matchId, changed, at(T1));
    expect(await points()).toEqual([5, 5]);

    process.env.SCORELINE_BONUS_EXACT = '5';
    try {
      // Defaults with exact bonus 5: m1 2 + 1 + 5, m2 2 + 1.
      await settleMatch(db, matchId, undefined, at(T1));
      expect(await points()).toEqual([8, 3]);
    } finally {
      delete process.env.SCORELINE_BONUS_EXACT;
    }
  });

  it('throws an unrecoverable error for an unknown match', async () => {
    const settling = settleMatch(database.db, 987_654, config, at(T1));
    await expect(settling).rejects.toBeInstanceOf(MatchNotFoundError);
    await expect(settling).rejects.toMatchObject({
      unrecoverable: true, matchId: 987_654,
    });
  });

  it('gives the same rows when two settlements run at once', async () => {
    const { db } = database;
    const matchId = await addMatch(db, { status: 'finished', score: [1, 3] });
    await addPredictions(db, matchId, {
      m1: [1, 3], m2: [0, 2], m3: [2, 2], m4: [2, 0], m5: [0, 1], m6: [1, 1],
      m7: [3, 0], m8: [1, 0],
    });
    const [a, b] = await Promise.all([
      settleMatch(db, matchId, config, at(T1)),
      settleMatch(db, matchId, config, at(T1)),
    ]);
    // One wrote all 8 rows under the lock; the other found nothing to do.
    expect([a.changed, b.changed].sort()).toEqual([0, 8]);
    // n = 8, A: c = 3, 90/30 = 3.0 -> 3. m1 exact 3 + 1 + 3; m2 same
    // difference 3 + 1; m5 away win by one: 3.
    const scores = scoresOf(await listPredictions(db, matchId));
    expect(scores.m1).toEqual([3, 3, 1, 3, 7]);
    expect(scores.m2).toEqual([3, 3, 1, 0, 4]);
    expect(scores.m5).toEqual([3, 3, 0, 0, 3]);
  });
});
