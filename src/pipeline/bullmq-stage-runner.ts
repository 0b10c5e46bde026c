import { enqueueStage } from './enqueue-stage.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import type { StageOutcome, StageRunner } from './stage-runner.ts';
import type { Stage, StagePayloads } from './stages.ts';
import { waitForJob } from './wait-for-job.ts';

/**
 * Runs stage jobs on BullMQ: queues each under its id (joining a pending
 * one) and waits on the queue's events. The work is done by `scoreline
 * worker` processes; without one running, every wait ends in `timeout`
 * (check `countWorkers` first to warn about it).
 */
export class BullmqStageRunner implements StageRunner {
  readonly kind = 'bullmq' as const;

  constructor(private readonly queues: PipelineQueues) {}

  async run<S extends Stage>(
    stage: S,
    payload: StagePayloads[S],
    jobId: string,
    timeoutMs: number,
  ): Promise<StageOutcome<S>> {
    await this.queues.queueEvents(stage);
    await enqueueStage(this.queues, stage, payload, { jobId });
    return waitForJob(this.queues, stage, jobId, timeoutMs);
  }

  /** Workers currently connected to the queue of a stage. */
  async countWorkers(stage: Stage): Promise<number> {
    return this.queues.queue(stage).getWorkersCount();
  }

  async close(): Promise<void> {
    await this.queues.close();
  }
}
