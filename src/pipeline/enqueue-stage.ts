import type { JobsOptions, Queue } from 'bullmq';
import { assertJobId } from './job-ids.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import type { Stage, StagePayloads } from './stages.ts';

/** States in which a job is still to run or running: it is joined. */
const PENDING_STATES = new Set([
  'waiting',
  'delayed',
  'prioritized',
  'waiting-children',
  'active',
]);

export interface EnqueueOptions extends Omit<JobsOptions, 'jobId'> {
  /** Required: made by jobIdFor, so the same work has the same id. */
  jobId: string;
}

export interface EnqueueResult {
  jobId: string;
  /**
   * `added`: a new job; `joined`: a pending job with this id already
   * existed and was left as it is; `replaced`: a completed or failed job
   * with this id was removed and added again.
   */
  action: 'added' | 'joined' | 'replaced';
}

/**
 * Queues one stage job under a deterministic id. A pending job with the
 * same id (waiting, delayed, prioritized, waiting-children or active) is
 * joined, not added twice; a completed or failed one is removed and the job
 * added again, so that asking for work again really runs it again.
 */
export async function enqueueStage<S extends Stage>(
  queues: PipelineQueues,
  stage: S,
  payload: StagePayloads[S],
  options: EnqueueOptions,
): Promise<EnqueueResult> {
  const jobId = assertJobId(options.jobId);
  const queue = queues.queue(stage);

  const existing = await queue.getJob(jobId);
  let replaced = false;
  if (existing) {
    const state = await existing.getState();
    if (PENDING_STATES.has(state)) return { jobId, action: 'joined' };
    if (state === 'completed' || state === 'failed') {
      try {
        await existing.remove();
      } catch {
        // Locked: another process re-added the job and a worker took it
        // already. That run is the one asked for; wait for it.
        return { jobId, action: 'joined' };
      }
      replaced = true;
    }
  }

  // BullMQ itself ignores an add whose id exists, which covers another
  // process adding the same job between our check and this call.
  // The generic payload type defeats BullMQ's name inference; the queue
  // is the stage's own, so the payload is the right one.
  await (queue as Queue).add(stage, payload, { ...options, jobId });
  return { jobId, action: replaced ? 'replaced' : 'added' };
}
