import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { matches, predictions } from '../../src/db/schema.ts';
import { PipelineQueues } from '../../src/pipeline/pipeline-queues.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import { scheduleMatches } from '../../src/pipeline/schedule-matches.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import { syncRoster } from '../../src/roster/sync-roster.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import {
  TEST_REDIS_URL,
  makeTestPrefix,
  removePrefix,
} from '../helpers/redis.ts';
import {
  findMatchId,
  importPremierLeague,
  silentLogger,
} from './pipeline-fixture.ts';

// Friday 17 Oct 2025, noon UTC. The data has every match of those weeks
// finished; Burnley v Leeds (18 Oct, 15:00 local) is set back to
// scheduled, so it is the one upcoming match of the horizon.
const NOW = '2025-10-17T12:00:00Z';

describe.each(DATABASE_KINDS)('live schedule on %s', (kind) => {
  const prefix = makeTestPrefix(`schedule-${kind}`);
  const connection = redisOptions(TEST_REDIS_URL);
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importPremierLeague(database.db);
    await syncRoster(database.db, parseRoster({ providers: [], models: [
      { id: 'elo', provider: 'baseline', model: 'elo', displayName: 'Elo',
        active: true },
    ] }, 'test-roster.json', {}));
    const id = await findMatchId(database.db, 'Burnley FC',
      'Leeds United FC');
    await database.db.update(matches).set({ status: 'scheduled',
      homeGoals: null, awayGoals: null }).where(eq(matches.id, id));
  }, 120_000);

  afterAll(async () => {
    await database?.close();
    await removePrefix(prefix);
  });

  const pass = async () => {
    const queues = new PipelineQueues({ connection, prefix });
    try {
      const summary = await scheduleMatches({ db: database.db, queues,
        clock: fixedClock(NOW), logger: silentLogger, horizonDays: 7 });
      const delayed = {
        analysis: await queues.queue('analysis').getDelayed(),
        predictions: await queues.queue('predictions').getDelayed(),
      };
      return { summary, delayed, queues };
    } finally {
      await queues.close();
    }
  };

  it('queues one delayed job per stage, and no more after a restart', async () => {
    const burnley = await findMatchId(database.db, 'Burnley FC',
      'Leeds United FC');
    const first = await pass();
    expect(first.summary.added).toMatchObject({ analysis: 1,
      predictions: 1 });
    expect(first.delayed.analysis.map((j) => j.id)).toEqual(
      [`analyze-${burnley}`]);
    expect(first.delayed.predictions.map((j) => j.id)).toEqual(
      [`predict-${burnley}`]);
    // Kickoff 18 Oct 14:00 UTC (15:00 BST); the clock says 17 Oct 12:00.
    const predictJob = first.delayed.predictions[0];
    expect(predictJob?.opts.delay).toBe(
      Date.parse('2025-10-18T13:30:00Z') - Date.parse(NOW));
    expect(first.delayed.analysis[0]?.opts.delay).toBe(
      Date.parse('2025-10-18T08:00:00Z') - Date.parse(NOW));

    const second = await pass();
    expect(second.summary.added).toEqual({ analysis: 0, predictions: 0,
      settlement: 0 });
    expect(second.delayed.analysis).toHaveLength(1);
    expect(second.delayed.predictions).toHaveLength(1);
  });

  it('moves the jobs of a match whose kickoff moved', async () => {
    const burnley = await findMatchId(database.db, 'Burnley FC',
      'Leeds United FC');
    await database.db.update(matches)
      .set({ kickoff: new Date('2025-10-19T16:00:00Z') })
      .where(eq(matches.id, burnley));
    const moved = await pass();
    expect(moved.summary.added).toMatchObject({ analysis: 1,
      predictions: 1 });
    expect(moved.delayed.predictions).toHaveLength(1);
    expect(moved.delayed.predictions[0]?.opts.delay).toBe(
      Date.parse('2025-10-19T15:30:00Z') - Date.parse(NOW));
  });

  it('settles a match that finished while nothing ran', async () => {
    // Brighton 2-1 Newcastle, moved to the day before the clock.
    const matchId = await findMatchId(database.db, 'Brighton & Hove Albion FC',
      'Newcastle United FC');
    // Its result came in: finished, with an unscored prediction.
    await database.db.update(matches).set({ kickoff:
      new Date('2025-10-16T14:00:00Z') }).where(eq(matches.id, matchId));
    await database.db.insert(predictions).values({ matchId, modelId: 'elo',
      homeGoals: 1, awayGoals: 0, tendency: 'H' });
    const settled = await pass();
    expect(settled.summary.added.settlement).toBe(1);
    const queues = new PipelineQueues({ connection, prefix });
    try {
      const job = await queues.queue('settlement').getJob(
        `settle-${matchId}`);
      expect(await job?.getState()).toBe('waiting');
    } finally {
      await queues.close();
    }
  });
});
