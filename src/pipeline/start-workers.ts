import { Worker, type ConnectionOptions, type Job } from 'bullmq';
import type { Logger } from '../core/logger.ts';
import { messageOf } from '../core/errors.ts';
import { queuePrefix } from './queue-settings.ts';
import type { Stage, StageProcessors } from './stages.ts';

export interface StartWorkersOptions {
  connection: ConnectionOptions;
  processors: StageProcessors;
  logger: Logger;
  /** Queues to serve (default all three). */
  stages: readonly Stage[];
  /** Jobs run at once per queue (default 1). */
  concurrency?: Partial<Record<Stage, number>>;
  /** Key prefix; default `SCORELINE_QUEUE_PREFIX`, else `scoreline`. */
  prefix?: string;
  /**
   * How long a job's lock lasts without renewal, in ms (default 30000).
   * A worker that dies loses its jobs to another one after about this
   * time; tests set it short.
   */
  lockDurationMs?: number;
}

/** Running workers; `close` stops taking jobs and waits for active ones. */
export interface RunningWorkers {
  workers: Worker[];
  close(graceMs: number): Promise<'drained' | 'forced'>;
}

/**
 * Starts one BullMQ worker per stage queue, each calling that stage's
 * processor. Logs a line per job: done with its duration, or failed with
 * the attempt n of m and whether it will be retried.
 */
export function startWorkers(options: StartWorkersOptions): RunningWorkers {
  const prefix = options.prefix ?? queuePrefix();
  const lockDuration = options.lockDurationMs ?? 30_000;
  const workers = options.stages.map((stage) => {
    const log = options.logger.child({ component: 'worker', queue: stage });
    const worker = new Worker(stage, (job) => runJob(stage, job), {
      connection: options.connection,
      prefix,
      // Shown as the job's `processedBy`: which process holds a job.
      name: `worker-${process.pid}`,
      concurrency: options.concurrency?.[stage] ?? 1,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 1,
    });
    worker.on('error', (error) =>
      log.error({ err: messageOf(error) }, 'worker error'),
    );
    return worker;
  });

  async function runJob(stage: Stage, job: Job): Promise<unknown> {
    const attempts = job.opts.attempts ?? 1;
    const fields = {
      component: 'worker',
      queue: stage,
      jobId: job.id,
      matchId: (job.data as { matchId?: number }).matchId,
      attempt: job.attemptsMade + 1,
      attempts,
    };
    const log = options.logger.child(fields);
    const started = performance.now();
    const process = options.processors[stage] as (
      payload: unknown,
    ) => Promise<unknown>;
    try {
      const result = await process(job.data);
      const durationMs = Math.round(performance.now() - started);
      log.info({ durationMs, result }, `${stage} job done`);
      return result;
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      const final =
        fields.attempt >= attempts ||
        (error as Error).name === 'UnrecoverableError';
      log.warn(
        { durationMs, err: messageOf(error), final },
        `${stage} job failed on attempt ${fields.attempt} of ${attempts}${final ? '' : ', will retry'}`,
      );
      throw error;
    }
  }

  return {
    workers,
    async close(graceMs) {
      const closing = Promise.all(workers.map((worker) => worker.close()));
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<'forced'>((resolve) => {
        timer = setTimeout(() => resolve('forced'), graceMs);
      });
      const ended = await Promise.race([
        closing.then(() => 'drained' as const),
        grace,
      ]);
      clearTimeout(timer);
      if (ended === 'forced') {
        // Jobs still active are left to stalled-job recovery elsewhere.
        await Promise.all(workers.map((worker) => worker.close(true)));
      }
      return ended;
    },
  };
}
