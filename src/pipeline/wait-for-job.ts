import type { PipelineQueues } from './pipeline-queues.ts';
import type { StageOutcome } from './stage-runner.ts';
import type { Stage } from './stages.ts';

/** How often a wait checks that its job still exists, in ms. */
export const LOST_JOB_CHECK_MS = 3000;

/**
 * Waits for a stage job to finish, on the queue's own completion events
 * (`QueueEvents` and `job.waitUntilFinished`), at most `timeoutMs`.
 *
 * A job already gone when the wait starts is taken as completed and
 * removed by retention (`removed`): failed jobs are kept a week. A job
 * that disappears while we wait (every `checkMs` its state is read) is
 * `lost`: Redis restarted empty, or someone removed it; no event will
 * ever come for it, so the wait ends at once instead of at its timeout.
 * Either way the caller checks the outcome in the database.
 */
export async function waitForJob<S extends Stage>(
  queues: PipelineQueues,
  stage: S,
  jobId: string,
  timeoutMs: number,
  checkMs = LOST_JOB_CHECK_MS,
): Promise<StageOutcome<S>> {
  // Listening first: an event after this point cannot be missed, and
  // waitUntilFinished checks once more for a job that ended before.
  const events = await queues.queueEvents(stage);
  const queue = queues.queue(stage);
  const job = await queue.getJob(jobId);
  if (!job) return { state: 'removed' };

  const watch = watchForLoss(() => queue.getJobState(jobId), checkMs);
  try {
    const finished = job.waitUntilFinished(events, timeoutMs).then(
      (result) => ({ state: 'completed', result }) as StageOutcome<S>,
    );
    return await Promise.race([finished, watch.lost]);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message.startsWith('Job wait ') && message.includes('timed out')) {
      return { state: 'timeout', timeoutMs };
    }
    // waitUntilFinished rejects with "Missing key" when the job is gone.
    const still = await queue.getJob(jobId);
    if (!still) return { state: 'removed' };
    return { state: 'failed', reason: message };
  } finally {
    watch.stop();
  }
}

type Lost = { state: 'lost'; reason: string };

/** Resolves `lost` once the job's state reads `unknown` (no such job). */
function watchForLoss(
  readState: () => Promise<string>,
  checkMs: number,
): { lost: Promise<Lost>; stop(): void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const lost = new Promise<Lost>((resolve) => {
    const check = async () => {
      // While Redis is down the read waits for the reconnection; an error
      // is no proof of loss, so it is only tried again.
      const state = await readState().catch(() => null);
      if (stopped) return;
      if (state === 'unknown') {
        resolve({
          state: 'lost',
          reason: 'the job vanished from the queue before it finished (Redis restarted empty, or the job was removed); a later backfill repairs it',
        });
        return;
      }
      timer = setTimeout(() => void check(), checkMs);
    };
    timer = setTimeout(() => void check(), checkMs);
  });
  return {
    lost,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
