import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWorkersListening } from '../../src/backfill/assert-workers.ts';
import { parseBackfillOptions } from '../../src/backfill/backfill-options.ts';
import { acquireDbRunLock } from '../../src/backfill/run-lock.ts';
import { runBackfill, type BackfillDeps } from '../../src/backfill/run-backfill.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { BullmqStageRunner } from '../../src/pipeline/bullmq-stage-runner.ts';
import { PipelineQueues } from '../../src/pipeline/pipeline-queues.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { expectFirstRun, predictionsOf } from './expect-scenario.ts';
import { SCENARIO_AS_OF, seedScenario, type Scenario } from './scenario.ts';
import { insertModels } from './seed.ts';
import { freePort, startOwnRedis, type OwnRedis } from './own-redis.ts';
import { spawnWorker, type WorkerProcess } from './spawn-worker.ts';

const logger = makeLogger('silent');

describe('backfill across a Redis restart', () => {
  let database: TestDatabase;
  let s: Scenario;
  let port: number;
  let server: OwnRedis | null = null;
  let worker: WorkerProcess | null = null;

  function deps(url: string): BackfillDeps {
    const connection = redisOptions(url);
    return {
      db: database.db,
      logger,
      makeRunner: async () =>
        new BullmqStageRunner(new PipelineQueues({ connection, prefix: 'bf' })),
      acquireLock: () => acquireDbRunLock(database.db, 'backfill'),
      assertWorkers: assertWorkersListening,
    };
  }

  /** One backfill on its own connections, closed afterwards. */
  async function backfillOnce(url: string) {
    return runBackfill(
      parseBackfillOptions(['--as-of', SCENARIO_AS_OF.toISOString()]),
      deps(url),
    );
  }

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    s = await seedScenario(database.db);
    port = await freePort();
    server = await startOwnRedis(port);
  });
  afterAll(async () => {
    await worker?.stop();
    await server?.stop();
    await database?.close();
  });

  it('runs again on a restarted, empty Redis with the same worker', async () => {
    const url = server!.url;
    worker = await spawnWorker({
      BF_DATABASE_URL: database.url!, BF_REDIS_URL: url, BF_PREFIX: 'bf',
    });
    const first = await backfillOnce(url);
    expect(first.exitCode).toBe(0);
    await expectFirstRun(database.db, s, first.report);

    await server!.stop();
    server = await startOwnRedis(port);
    await insertModels(database.db, ['m4']);

    // The worker reconnects on its own; the check waits for nothing.
    const probe = new PipelineQueues({ connection: redisOptions(url),
      prefix: 'bf' });
    try {
      for (;;) {
        if ((await probe.queue('predictions').getWorkersCount()) > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      await probe.close();
    }

    const second = await backfillOnce(url);
    expect(second.exitCode).toBe(0);
    expect(second.report.gapsFound).toBe(4);
    expect(second.report.predictionsAdded).toBe(4);
    expect(second.report.failed).toEqual([]);
    expect((await predictionsOf(database.db, s.live)).map((p) => p.modelId))
      .toEqual(['m1', 'm2', 'm3', 'm4']);
  });
});
