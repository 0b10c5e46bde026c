import type { PipelineQueues } from './pipeline-queues.ts';
import type { StageOutcome } from './stage-runner.ts';
import type { Stage } from './stages.ts';

/**
 * Waits for a stage job to finish, on the queue's own completion events
 * (`QueueEvents` and `job.waitUntilFinished`), at most `timeoutMs`.
 *
 * A job that is gone, before or while we wait, is taken as completed and
 * removed by retention (`removed`): failed jobs are kept a week, and the
 * only other way to lose a job is a manual removal. The caller checks the
 * outcome in the database.
 */
export async function waitForJob<S extends Stage>(
  queues: PipelineQueues,
  stage: S,
  jobId: string,
  timeoutMs: number,
): Promise<StageOutcome<S>> {
  // Listening first: an event after this point cannot be missed, and
  // waitUntilFinished checks once more for a job that ended before.
  const events = await queues.queueEvents(stage);
  const job = await queues.queue(stage).getJob(jobId);
  if (!job) return { state: 'removed' };

  try {
    const result = await job.waitUntilFinished(events, timeoutMs);
    return { state: 'completed', result };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('Job wait ') && message.includes('timed out')) {
      return { state: 'timeout', timeoutMs };
    }
    // waitUntilFinished rejects with "Missing key" when the job is gone.
    const still = await queues.queue(stage).getJob(jobId);
    if (!still) return { state: 'removed' };
    return { state: 'failed', reason: message };
  }
}
