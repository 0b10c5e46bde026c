// A job that vanishes from its queue while waited for (Redis restarted
// empty, or removed by hand) ends the wait at once as `lost`, not at the
// timeout: no completion event will ever come for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueStage } from '../../src/pipeline/enqueue-stage.ts';
import { jobIdFor } from '../../src/pipeline/job-ids.ts';
import { PipelineQueues } from '../../src/pipeline/pipeline-queues.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import { waitForJob } from '../../src/pipeline/wait-for-job.ts';
import {
  TEST_REDIS_URL,
  makeTestPrefix,
  removePrefix,
} from '../helpers/redis.ts';

describe('waitForJob on a job that vanishes', () => {
  const prefix = makeTestPrefix('lostjob');
  let queues: PipelineQueues;
  beforeAll(() => {
    queues = new PipelineQueues({
      connection: redisOptions(TEST_REDIS_URL), prefix,
    });
  });
  afterAll(async () => {
    await queues.close();
    await removePrefix(prefix);
  });

  it('returns lost soon after the job is removed, long before the timeout', async () => {
    // No worker: the job stays waiting until it is removed.
    const jobId = jobIdFor('settlement', 7, {});
    await enqueueStage(queues, 'settlement', { matchId: 7 }, { jobId });
    // Observe (not replace) the wait's state checks: the job is removed
    // once the wait is surely under way.
    const queue = queues.queue('settlement');
    const readState = queue.getJobState.bind(queue);
    let checked!: () => void;
    const firstCheck = new Promise<void>((resolve) => (checked = resolve));
    queue.getJobState = async (id: string) => {
      const state = await readState(id);
      checked();
      return state;
    };
    const started = Date.now();
    const waiting = waitForJob(queues, 'settlement', jobId, 60_000, 100);
    await firstCheck;
    await queue.remove(jobId);
    const outcome = await waiting;
    expect(outcome).toMatchObject({ state: 'lost' });
    expect(outcome.state === 'lost' && outcome.reason)
      .toMatch(/vanished from the queue/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('keeps waiting on a job that is still there', async () => {
    const jobId = jobIdFor('settlement', 8, {});
    await enqueueStage(queues, 'settlement', { matchId: 8 }, { jobId });
    const outcome = await waitForJob(queues, 'settlement', jobId, 800, 100);
    expect(outcome).toEqual({ state: 'timeout', timeoutMs: 800 });
  });
});
