import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Database } from '../db/open-database.ts';
import { BullmqStageRunner } from '../pipeline/bullmq-stage-runner.ts';
import { EmbeddedStageRunner } from '../pipeline/embedded-stage-runner.ts';
import { PipelineQueues } from '../pipeline/pipeline-queues.ts';
import { queuePrefix } from '../pipeline/queue-settings.ts';
import {
  assertRedisReachable,
  redisOptions,
} from '../pipeline/redis-connection.ts';
import type { StageRunner } from '../pipeline/stage-runner.ts';
import {
  makeStageProcessors,
  type StageDeps,
} from '../pipeline/stage-processors.ts';
import { STAGES, type StageProcessors } from '../pipeline/stages.ts';
import { startWorkers, type RunningWorkers } from '../pipeline/start-workers.ts';
import { makeForecasters } from '../predictions/make-forecasters.ts';
import { loadRoster } from '../roster/load-roster.ts';
import { makeAnalysisSource } from '../sources/make-analysis-source.ts';
import { acquireDbRunLock, type RunLock } from './run-lock.ts';

/** The run lock's name in the `run_locks` table, in both modes. */
export const BACKFILL_LOCK_NAME = 'backfill';

export interface BackfillEdgesOptions {
  database: Database;
  logger: Logger;
  /** `REDIS_URL`; without one the stages run in-process (embedded). */
  redisUrl?: string;
  /** Queue key prefix (default `SCORELINE_QUEUE_PREFIX`, else scoreline). */
  prefix?: string;
  /** With Redis: run the stage processors in this process too. */
  withWorkers?: boolean;
  clock?: Clock;
  signal?: AbortSignal;
  /** Made from the roster by default; tests pass their own. */
  processors?: StageProcessors;
  fetch?: typeof fetch;
}

/** What a backfill needs from the outside, and one close for it all. */
export interface BackfillEdges {
  kind: 'bullmq' | 'embedded';
  makeRunner(): Promise<StageRunner>;
  acquireLock(): Promise<RunLock>;
  close(): Promise<void>;
}

/**
 * Opens the backfill's edges: BullMQ on `REDIS_URL`, or the in-process
 * runner. The run lock is in the database's `run_locks` table in both
 * modes, so a backfill with `REDIS_URL` and one without it on the same
 * database refuse each other, and a Redis restart does not lose the lock.
 * Redis is checked reachable here, so an outage is one clear fatal error.
 */
export async function openBackfillEdges(
  options: BackfillEdgesOptions,
): Promise<BackfillEdges> {
  const { database, logger } = options;
  const onLost = (reason: string) =>
    logger.warn({ reason }, 'backfill run lock lost');
  const processors = () => options.processors ?? makeProcessors(options);
  const acquireLock = () =>
    acquireDbRunLock(database.db, BACKFILL_LOCK_NAME, { onLost });

  if (!options.redisUrl) {
    return {
      kind: 'embedded',
      makeRunner: async () => new EmbeddedStageRunner(processors()),
      acquireLock,
      close: async () => undefined,
    };
  }

  await assertRedisReachable(options.redisUrl);
  const connection = redisOptions(options.redisUrl);
  const prefix = options.prefix ?? queuePrefix();
  let workers: RunningWorkers | null = null;
  return {
    kind: 'bullmq',
    async makeRunner() {
      if (options.withWorkers && !workers) {
        workers = startWorkers({
          connection,
          processors: processors(),
          logger,
          stages: STAGES,
          prefix,
        });
        await Promise.all(workers.workers.map((w) => w.waitUntilReady()));
      }
      return new BullmqStageRunner(new PipelineQueues({ connection, prefix }));
    },
    acquireLock,
    async close() {
      const running = workers as RunningWorkers | null;
      if (running) await running.close(30_000);
    },
  };
}

/** The real stage processors on the already open database. */
function makeProcessors(options: BackfillEdgesOptions): StageProcessors {
  // Not openStageDeps: it opens a second database, and an embedded
  // database folder can be open once per process only.
  const roster = loadRoster({ logger: options.logger });
  const base = {
    db: options.database.db,
    roster,
    logger: options.logger,
    clock: options.clock,
    fetch: options.fetch,
    signal: options.signal,
  };
  const deps: StageDeps = {
    ...base,
    forecasters: makeForecasters(roster, base),
    analyse: makeAnalysisSource({ ...options, backfill: true }),
  };
  return makeStageProcessors(deps);
}
