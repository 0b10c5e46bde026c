import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import {
  insertAnalysis,
  insertMatch,
  insertModels,
  insertPrediction,
} from '../../test/backfill/seed.ts';
import { makeBackfillWindow } from './backfill-window.ts';
import { findGaps } from './find-gaps.ts';

const AS_OF = new Date('2026-03-08T12:00:00Z');

describe.each(DATABASE_KINDS)('findGaps on %s', (kind) => {
  let database: TestDatabase;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const db = database.db;
    await insertModels(db, ['m1', 'm2', 'm3']);
    await insertModels(db, ['old'], { active: false });
    await insertModels(db, ['sick'], { disabled: true });
    const add = async (key: string, kickoff: string, status: string,
      score?: [number, number], competitionId?: string) => {
      ids[key] = await insertMatch(db, {
        key, kickoff, status, score, competitionId,
      });
    };
    await add('full', '2026-03-05T15:00:00Z', 'finished', [2, 1]);
    await add('gap', '2026-03-06T15:00:00Z', 'finished', [0, 0]);
    await add('live', '2026-03-08T11:30:00Z', 'live');
    await add('soon', '2026-03-08T12:20:00Z', 'scheduled');
    await add('later', '2026-03-09T15:00:00Z', 'scheduled');
    await add('old', '2026-02-20T15:00:00Z', 'finished', [1, 1]);
    await add('postponed', '2026-03-07T15:00:00Z', 'postponed');
    await add('cancelled', '2026-03-07T17:00:00Z', 'cancelled');
    await add('abandoned', '2026-03-07T19:00:00Z', 'abandoned');
    await add('bundesliga', '2026-03-07T14:30:00Z', 'finished', [3, 0],
      'de.1');

    for (const model of ['m1', 'm2', 'm3']) {
      await insertPrediction(db, ids.full!, model);
    }
    // An inactive and a disabled model's predictions do not fill a gap.
    await insertPrediction(db, ids.gap!, 'm1');
    await insertPrediction(db, ids.gap!, 'old');
    await insertPrediction(db, ids.gap!, 'sick');
    await insertAnalysis(db, ids.gap!, true);
    await insertAnalysis(db, ids.live!, false);
    for (const model of ['m1', 'm2', 'm3']) {
      await insertPrediction(db, ids.bundesliga!, model);
    }
  });

  afterAll(async () => {
    await database?.close();
  });

  it('finds scheduled, live and finished gaps in the window only', async () => {
    const gaps = await findGaps(database.db, makeBackfillWindow(AS_OF, 7));
    expect(gaps.map((g) => g.matchId)).toEqual([
      ids.gap, ids.live, ids.soon, ids.later,
    ]);
    const gap = gaps[0]!;
    expect(gap).toMatchObject({
      status: 'finished',
      competitionId: 'en.1',
      homeGoals: 0,
      awayGoals: 0,
      hasAnalysis: true,
      predictionsBefore: 3,
      missingModelIds: ['m2', 'm3'],
    });
    expect(gap.kickoff.toISOString()).toBe('2026-03-06T15:00:00.000Z');
    // An empty analysis row is not an analysis.
    expect(gaps[1]).toMatchObject({
      hasAnalysis: false,
      predictionsBefore: 0,
      missingModelIds: ['m1', 'm2', 'm3'],
    });
  });

  it('narrows by match and by competition', async () => {
    const window = makeBackfillWindow(AS_OF, 7);
    const one = await findGaps(database.db, window, { matchId: ids.live });
    expect(one.map((g) => g.matchId)).toEqual([ids.live]);
    const de = await findGaps(database.db, window, { competitionId: 'de.1' });
    expect(de).toEqual([]);
  });

  it('finds nothing for zero days', async () => {
    expect(await findGaps(database.db, makeBackfillWindow(AS_OF, 0))).toEqual(
      [],
    );
  });

  it('counts a newly activated model as missing everywhere', async () => {
    await insertModels(database.db, ['new']);
    const gaps = await findGaps(database.db, makeBackfillWindow(AS_OF, 7), {
      competitionId: 'de.1',
    });
    expect(gaps.map((g) => [g.matchId, g.missingModelIds])).toEqual([
      [ids.bundesliga, ['new']],
    ]);
  });
});
