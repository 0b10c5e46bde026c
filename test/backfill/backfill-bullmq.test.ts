import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWorkersListening } from '../../src/backfill/assert-workers.ts';
import { parseBackfillOptions } from '../../src/backfill/backfill-options.ts';
import { NoWorkerError } from '../../src/backfill/no-worker-error.ts';
import { acquireDbRunLock } from '../../src/backfill/run-lock.ts';
import { runBackfill, type BackfillDeps } from '../../src/backfill/run-backfill.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { BullmqStageRunner } from '../../src/pipeline/bullmq-stage-runner.ts';
import { PipelineQueues } from '../../src/pipeline/pipeline-queues.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import { enqueueStage } from '../../src/pipeline/enqueue-stage.ts';
import type {
  StageOutcome,
  StageRunner,
} from '../../src/pipeline/stage-runner.ts';
import type { Stage, StagePayloads } from '../../src/pipeline/stages.ts';
import { waitForJob } from '../../src/pipeline/wait-for-job.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import {
  TEST_REDIS_URL,
  makeTestPrefix,
  removePrefix,
} from '../helpers/redis.ts';
import { expectFirstRun, predictionsOf } from './expect-scenario.ts';
import { SCENARIO_AS_OF, seedScenario, type Scenario } from './scenario.ts';
import { insertAnalysis, insertMatch, insertModels } from './seed.ts';
import { spawnWorker, type WorkerProcess } from './spawn-worker.ts';

const logger = makeLogger('silent');

/**
 * The BullMQ runner's steps with the wait started only once the job was
 * removed, as when retention is faster than the waiter.
 */
class RemovedFirstRunner implements StageRunner {
  readonly kind = 'bullmq' as const;
  readonly outcomes: string[] = [];

  constructor(private readonly queues: PipelineQueues) {}

  async run<S extends Stage>(
    stage: S,
    payload: StagePayloads[S],
    jobId: string,
    timeoutMs: number,
  ): Promise<StageOutcome<S>> {
    const events = await this.queues.queueEvents(stage);
    const removed = new Promise<void>((resolve) => {
      const onRemoved = (args: { jobId: string }) => {
        if (args.jobId !== jobId) return;
        events.off('removed', onRemoved);
        resolve();
      };
      events.on('removed', onRemoved);
    });
    await enqueueStage(this.queues, stage, payload, { jobId });
    await removed;
    const outcome = await waitForJob(this.queues, stage, jobId, timeoutMs);
    this.outcomes.push(outcome.state);
    return outcome;
  }

  close(): Promise<void> {
    return this.queues.close();
  }
}

describe('backfill on BullMQ with workers in another process', () => {
  const prefix = makeTestPrefix('backfill');
  const connection = redisOptions(TEST_REDIS_URL);
  let database: TestDatabase;
  let s: Scenario;
  let redis: Redis;
  let admin: PipelineQueues;
  const workers: WorkerProcess[] = [];

  async function startWorker(env: Record<string, string> = {}) {
    const worker = await spawnWorker({
      BF_DATABASE_URL: database.url!,
      BF_REDIS_URL: TEST_REDIS_URL,
      BF_PREFIX: prefix,
      ...env,
    });
    workers.push(worker);
    return worker;
  }

  function deps(
    timeoutsMs: Partial<Record<Stage, number>> = {},
  ): BackfillDeps {
    return {
      db: database.db,
      logger,
      makeRunner: async () =>
        new BullmqStageRunner(new PipelineQueues({ connection, prefix })),
      acquireLock: () => acquireDbRunLock(database.db, 'backfill'),
      assertWorkers: assertWorkersListening,
      timeoutsMs,
    };
  }
  const options = (extra: string[] = []) =>
    parseBackfillOptions(['--as-of', SCENARIO_AS_OF.toISOString(), ...extra]);

  /** Every job of every stage queue, by state. */
  async function jobCounts() {
    const counts: Record<string, Record<string, number>> = {};
    for (const stage of ['analysis', 'predictions', 'settlement'] as const) {
      counts[stage] = await admin.queue(stage).getJobCounts();
    }
    return counts;
  }

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    s = await seedScenario(database.db);
    redis = new Redis(TEST_REDIS_URL);
    admin = new PipelineQueues({ connection, prefix });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await admin?.close();
    redis?.disconnect();
    await removePrefix(prefix);
    await database?.close();
  });

  it('says no worker is listening before adding any job', async () => {
    const run = runBackfill(options(), deps());
    await expect(run).rejects.toThrow(NoWorkerError);
    await expect(run).rejects.toThrow(/--with-workers/);
    const counts = await jobCounts();
    for (const stage of Object.values(counts)) {
      expect(Object.values(stage).every((n) => n === 0)).toBe(true);
    }
  });

  it('repairs every gap and settles finished matches', async () => {
    const worker = await startWorker();
    const run = await runBackfill(options(), deps());
    expect(run.exitCode).toBe(0);
    await expectFirstRun(database.db, s, run.report);
    expect(worker.calls()).toEqual([
      { stage: 'analysis', matchId: s.finished },
      { stage: 'predictions', matchId: s.finished, modelIds: ['m2', 'm3'],
        retroactive: true },
      { stage: 'settlement', matchId: s.finished },
      { stage: 'predictions', matchId: s.live, modelIds: ['m2', 'm3'],
        retroactive: true },
      { stage: 'analysis', matchId: s.dueSoon },
      { stage: 'predictions', matchId: s.dueSoon,
        modelIds: ['m1', 'm2', 'm3'], retroactive: true },
    ]);
  });

  it('adds no job and no prediction the second time', async () => {
    const before = await jobCounts();
    const calls = workers[0]!.calls().length;
    const run = await runBackfill(options(), deps());
    expect(run.exitCode).toBe(0);
    expect(run.report.gapsFound).toBe(0);
    expect(await jobCounts()).toEqual(before);
    expect(workers[0]!.calls()).toHaveLength(calls);
  });

  it('replaces an old failed job with the same id', async () => {
    const matchId = await insertMatch(database.db, {
      key: 'old-failure', kickoff: '2026-03-07T15:00:00Z', status: 'live',
    });
    // The test processor fails a predictions job without analysis.
    const queue = admin.queue('predictions');
    const events = await admin.queueEvents('predictions');
    const old = await queue.add('predictions',
      { matchId, modelIds: ['m1'], retroactive: true },
      { jobId: `predict-retro-${matchId}`, attempts: 1 });
    await expect(old.waitUntilFinished(events, 20_000)).rejects.toThrow(
      /no analysis/,
    );
    expect(await old.getState()).toBe('failed');

    const run = await runBackfill(options(['--match', String(matchId)]),
      deps());
    expect(run.exitCode).toBe(0);
    expect(run.report.failed).toEqual([]);
    expect((await predictionsOf(database.db, matchId)).map((p) => p.modelId))
      .toEqual(['m1', 'm2', 'm3']);
    const again = await queue.getJob(`predict-retro-${matchId}`);
    expect(await again?.getState()).toBe('completed');
  });

  it('joins a job waiting in the prioritized state instead of adding one', async () => {
    const matchId = await insertMatch(database.db, {
      key: 'prioritized', kickoff: '2026-03-07T17:00:00Z', status: 'live',
    });
    await insertAnalysis(database.db, matchId, true);
    const queue = admin.queue('predictions');
    await queue.pause();
    try {
      const jobId = `predict-retro-${matchId}`;
      const waiting = await queue.add('predictions',
        { matchId, modelIds: ['m1', 'm2', 'm3'], retroactive: true },
        { jobId, priority: 5 });
      expect(await waiting.getState()).toBe('prioritized');

      // The queue is paused: the backfill can only join and wait.
      const run = await runBackfill(options(['--match', String(matchId)]),
        deps({ predictions: 1500 }));
      expect(run.exitCode).toBe(3);
      expect(run.report.failed).toEqual([{
        matchId, stage: 'predictions',
        reason: 'no result within 2 s (the job may still finish later)',
      }]);
      expect(await waiting.getState()).toBe('prioritized');
      expect((await queue.getJobCounts()).prioritized).toBe(1);
    } finally {
      await queue.resume();
    }
  });

  it('counts a completed job removed by retention by its outcome', async () => {
    const matchId = await insertMatch(database.db, {
      key: 'retention', kickoff: '2026-03-07T19:00:00Z', status: 'finished',
      score: [0, 0],
    });
    await Promise.all(workers.map((worker) => worker.stop()));
    const worker = await startWorker({ BF_REMOVE_COMPLETED: '1' });
    const runner = new RemovedFirstRunner(
      new PipelineQueues({ connection, prefix }));
    const run = await runBackfill(options(['--match', String(matchId)]),
      { ...deps(), makeRunner: async () => runner });
    expect(run.exitCode).toBe(0);
    // Each wait began after retention had removed the completed job.
    expect(runner.outcomes).toEqual(['removed', 'removed', 'removed']);
    expect(run.report.failed).toEqual([]);
    expect(run.report.settlementJobs).toBe(1);
    expect(worker.calls().map((c) => c.stage)).toEqual([
      'analysis', 'predictions', 'settlement',
    ]);
    for (const stage of ['analysis', 'predictions', 'settlement'] as const) {
      expect(await admin.queue(stage).getJob(
        `${stage === 'analysis' ? 'analyze' : stage === 'predictions'
          ? 'predict' : 'settle'}-retro-${matchId}`)).toBeUndefined();
    }
    expect((await predictionsOf(database.db, matchId)).every(
      (p) => p.points !== null)).toBe(true);
    await worker.stop();
  });

  it('finishes the predictions stage after its worker is killed', async () => {
    await insertModels(database.db, ['m4']);
    const matchId = await insertMatch(database.db, {
      key: 'killed', kickoff: '2026-03-07T21:00:00Z', status: 'live',
    });
    await insertAnalysis(database.db, matchId, true);
    const doomed = await startWorker({
      BF_BLOCK_PREDICTIONS: '1', BF_LOCK_MS: '1000',
    });
    const run = runBackfill(options(['--match', String(matchId)]), deps());
    await doomed.waitForLine(new RegExp(`^blocked ${matchId}$`));
    await doomed.kill();
    const rescuer = await startWorker({ BF_LOCK_MS: '1000' });

    const result = await run;
    expect(result.exitCode).toBe(0);
    expect(result.report.failed).toEqual([]);
    expect((await predictionsOf(database.db, matchId)).map((p) => p.modelId))
      .toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(rescuer.calls()).toEqual([{
      stage: 'predictions', matchId,
      modelIds: ['m1', 'm2', 'm3', 'm4'], retroactive: true,
    }]);
  });
});

