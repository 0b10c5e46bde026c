import { Queue, Worker } from 'bullmq';
import { systemClock, type Clock } from '../core/clock.ts';
import { messageOf } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Db } from '../db/open-database.ts';
import { importFiles } from '../import/import-files.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import {
  scheduleMatches,
  type ScheduleSummary,
} from './schedule-matches.ts';

/** The queue of the periodic sync, beside the stage queues. */
export const SYNC_QUEUE = 'sync';
const SYNC_SCHEDULER_ID = 'sync-fixtures';

export interface SyncOptions {
  db: Db;
  queues: PipelineQueues;
  logger: Logger;
  /** Files or folders re-imported on each pass (offline data source). */
  importPaths: string[];
  horizonDays?: number;
  clock?: Clock;
}

/** One sync: re-import the files, then one pass of the schedule. */
export async function runSyncPass(
  options: SyncOptions,
): Promise<ScheduleSummary> {
  if (options.importPaths.length > 0) {
    await importFiles(options.db, options.importPaths,
      options.logger.child({ component: 'import' }));
  }
  return scheduleMatches({
    db: options.db,
    queues: options.queues,
    clock: options.clock ?? systemClock,
    logger: options.logger.child({ component: 'schedule' }),
    horizonDays: options.horizonDays,
  });
}

/**
 * Runs the sync every `everyMs` through a BullMQ job scheduler, so that
 * several schedule processes on one Redis still sync once per period.
 * Returns a function that stops it (the scheduler entry is kept, so a
 * restarted process picks up the same period).
 */
export async function startSchedule(
  options: SyncOptions & { everyMs: number },
): Promise<() => Promise<void>> {
  const { queues } = options;
  const queue = new Queue(SYNC_QUEUE, {
    connection: queues.connection,
    prefix: queues.prefix,
  });
  queue.on('error', () => undefined);
  await queue.upsertJobScheduler(SYNC_SCHEDULER_ID,
    { every: options.everyMs },
    { name: 'sync', opts: { removeOnComplete: 100, removeOnFail: 100 } });

  const log = options.logger.child({ component: 'schedule' });
  const worker = new Worker(SYNC_QUEUE, async () => runSyncPass(options), {
    connection: queues.connection,
    prefix: queues.prefix,
    concurrency: 1,
  });
  worker.on('failed', (_job, error) =>
    log.error({ err: messageOf(error) }, 'sync pass failed; next period retries'));
  worker.on('error', (error) =>
    log.error({ err: messageOf(error) }, 'sync worker error'));

  return async () => {
    await worker.close();
    await queue.close();
  };
}
