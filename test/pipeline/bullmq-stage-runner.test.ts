import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalError } from '../../src/core/errors.ts';
import { BullmqStageRunner } from '../../src/pipeline/bullmq-stage-runner.ts';
import { enqueueStage } from '../../src/pipeline/enqueue-stage.ts';
import { jobIdFor } from '../../src/pipeline/job-ids.ts';
import { PipelineQueues } from '../../src/pipeline/pipeline-queues.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import {
  startWorkers,
  type RunningWorkers,
} from '../../src/pipeline/start-workers.ts';
import { STAGES } from '../../src/pipeline/stages.ts';
import { waitForJob } from '../../src/pipeline/wait-for-job.ts';
import {
  TEST_REDIS_URL,
  makeTestPrefix,
  removePrefix,
} from '../helpers/redis.ts';
import { makeRecordingProcessors } from './recording-processors.ts';

const connection = redisOptions(TEST_REDIS_URL);
const silent = pino({ level: 'silent' });

describe('BullMQ stage runner', () => {
  const prefix = makeTestPrefix('runner');
  const recording = makeRecordingProcessors();
  let queues: PipelineQueues;
  let runner: BullmqStageRunner;
  let workers: RunningWorkers;

  beforeAll(() => {
    queues = new PipelineQueues({ connection, prefix, backoffMs: 10 });
    runner = new BullmqStageRunner(queues);
    workers = startWorkers({
      connection,
      prefix,
      processors: recording.processors,
      logger: silent,
      stages: STAGES,
      concurrency: { predictions: 2 },
    });
  });

  afterAll(async () => {
    await workers.close(10_000);
    await runner.close();
    await removePrefix(prefix);
  });

  it('runs a job and returns what its processor wrote', async () => {
    const outcome = await runner.run(
      'predictions',
      { matchId: 11, modelIds: ['poisson', 'elo'], retroactive: true },
      jobIdFor('predictions', 11, { retroactive: true }),
      10_000,
    );
    expect(outcome).toEqual({
      state: 'completed',
      result: {
        matchId: 11,
        added: ['poisson', 'elo'],
        failed: [],
        alreadyPredicted: [],
      },
    });
    expect(recording.calls.predictions).toEqual([
      { matchId: 11, modelIds: ['poisson', 'elo'], retroactive: true },
    ]);
  });

  it('joins an active job with the same id instead of adding it twice', async () => {
    const hold = recording.hold(12);
    const jobId = jobIdFor('analysis', 12);
    const first = runner.run('analysis', { matchId: 12 }, jobId, 10_000);
    await hold.started;

    const again = await enqueueStage(queues, 'analysis', { matchId: 12 }, {
      jobId,
    });
    expect(again.action).toBe('joined');
    const second = waitForJob(queues, 'analysis', jobId, 10_000);
    hold.release();

    const outcomes = await Promise.all([first, second]);
    expect(outcomes.map((o) => o.state)).toEqual(['completed', 'completed']);
    expect(recording.calls.analysis.filter((id) => id === 12)).toHaveLength(1);
  });

  it('joins a delayed job and keeps one job for the id', async () => {
    const jobId = jobIdFor('settlement', 13);
    const options = { jobId, delay: 60_000 };
    const first = await enqueueStage(queues, 'settlement', { matchId: 13 },
      options);
    const second = await enqueueStage(queues, 'settlement', { matchId: 13 },
      options);
    expect([first.action, second.action]).toEqual(['added', 'joined']);
    expect(await queues.queue('settlement').getDelayedCount()).toBe(1);
    await queues.queue('settlement').remove(jobId);
  });

  it('removes a completed job and runs it again when asked again', async () => {
    const jobId = jobIdFor('settlement', 14);
    const first = await runner.run('settlement', { matchId: 14 }, jobId,
      10_000);
    expect(first.state).toBe('completed');
    const again = await enqueueStage(queues, 'settlement', { matchId: 14 },
      { jobId });
    expect(again.action).toBe('replaced');
    const outcome = await waitForJob(queues, 'settlement', jobId, 10_000);
    expect(outcome.state).toBe('completed');
    expect(recording.calls.settlement.filter((id) => id === 14))
      .toHaveLength(2);
  });

  it('retries a retryable failure and succeeds on a later attempt', async () => {
    recording.failNext(15, 2);
    const outcome = await runner.run('analysis', { matchId: 15 },
      jobIdFor('analysis', 15), 10_000);
    expect(outcome.state).toBe('completed');
    expect(recording.calls.analysis.filter((id) => id === 15))
      .toHaveLength(3);
  });

  it('fails an unrecoverable job at once, with its reason', async () => {
    const outcome = await runner.run('analysis', { matchId: 404 },
      jobIdFor('analysis', 404), 10_000);
    expect(outcome).toEqual({
      state: 'failed',
      reason: 'match 404 does not exist',
    });
    expect(recording.calls.analysis.filter((id) => id === 404))
      .toHaveLength(1);
  });

  it('counts a job removed by retention after completing as done', async () => {
    const jobId = jobIdFor('analysis', 16);
    await enqueueStage(queues, 'analysis', { matchId: 16 }, {
      jobId,
      removeOnComplete: true,
    });
    const events = await queues.queueEvents('analysis');
    await new Promise<void>((resolve) => {
      const onDone = ({ jobId: id }: { jobId: string }) => {
        if (id !== jobId) return;
        events.off('completed', onDone);
        resolve();
      };
      events.on('completed', onDone);
    });
    expect(await queues.queue('analysis').getJob(jobId)).toBeUndefined();
    const outcome = await waitForJob(queues, 'analysis', jobId, 5_000);
    expect(outcome).toEqual({ state: 'removed' });
  });

  it('never sends a job id with a colon to Redis', async () => {
    await expect(
      enqueueStage(queues, 'analysis', { matchId: 17 }, {
        jobId: 'analyze:17',
      }),
    ).rejects.toThrow(InternalError);
    await expect(
      runner.run('analysis', { matchId: 17 }, 'analyze:17', 1000),
    ).rejects.toThrow(InternalError);

    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${prefix}:*17*`);
      expect(keys).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });
});

describe('BullMQ stage runner without workers', () => {
  const prefix = makeTestPrefix('no-worker');
  let queues: PipelineQueues;

  beforeAll(() => {
    queues = new PipelineQueues({ connection, prefix });
  });

  afterAll(async () => {
    await queues.close();
    await removePrefix(prefix);
  });

  it('times out a wait and reports that no worker is connected', async () => {
    const runner = new BullmqStageRunner(queues);
    expect(await runner.countWorkers('analysis')).toBe(0);
    const outcome = await runner.run('analysis', { matchId: 21 },
      jobIdFor('analysis', 21), 300);
    expect(outcome).toEqual({ state: 'timeout', timeoutMs: 300 });
    const job = await queues.queue('analysis').getJob('analyze-21');
    expect(await job?.getState()).toBe('waiting');
  });
});
