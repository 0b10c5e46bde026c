import { UsageError } from '../../core/errors.ts';
import { openStageDeps } from '../../pipeline/open-stage-deps.ts';
import {
  parseConcurrency,
  parseQueues,
} from '../../pipeline/parse-concurrency.ts';
import { queuePrefix } from '../../pipeline/queue-settings.ts';
import {
  assertRedisReachable,
  redactRedisUrl,
  redisOptions,
} from '../../pipeline/redis-connection.ts';
import { makeStageProcessors } from '../../pipeline/stage-processors.ts';
import { startWorkers } from '../../pipeline/start-workers.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

const USAGE =
  'scoreline worker [--queues analysis,predictions,settlement] [--concurrency N|queue=N,...] [--lock-duration MS] [--grace SECONDS]';

/**
 * `scoreline worker`: serves the stage queues on Redis until SIGTERM or
 * Ctrl+C, then stops taking jobs and lets active ones finish (at most the
 * grace period; jobs still running then are recovered by other workers).
 */
export const workerCommand: Command = {
  name: 'worker',
  summary: 'run pipeline jobs from the Redis queues (needs REDIS_URL)',
  usage: USAGE,
  async run({ argv, logger, signal }) {
    const { values } = parseOptions(
      argv,
      {
        queues: { type: 'string' },
        concurrency: { type: 'string' },
        'lock-duration': { type: 'string' },
        grace: { type: 'string' },
      },
      USAGE,
    );
    const stages = parseQueues(values.queues);
    const concurrency = parseConcurrency(values.concurrency);
    const lockDurationMs = wholeNumber(values['lock-duration'],
      '--lock-duration', 30_000, 1000);
    const graceMs = wholeNumber(values.grace, '--grace', 30, 0) * 1000;

    const url = process.env.REDIS_URL;
    if (!url) {
      throw new UsageError(
        'workers need Redis: set REDIS_URL (such as redis://127.0.0.1:6379); without it, commands run the stages in-process (embedded mode) and need no worker',
      );
    }
    await assertRedisReachable(url);

    const stopping = new AbortController();
    const { deps, database } = await openStageDeps({
      logger,
      signal: stopping.signal,
    });
    const log = logger.child({ component: 'worker' });
    const prefix = queuePrefix();
    const running = startWorkers({
      connection: redisOptions(url),
      processors: makeStageProcessors(deps),
      logger,
      stages,
      concurrency,
      prefix,
      lockDurationMs,
    });
    log.info(
      { queues: stages, concurrency, prefix, redis: redactRedisUrl(url),
        database: database.location, pid: process.pid },
      'worker started',
    );

    const signalName = await untilStopSignal(signal);
    log.info({ signal: signalName, graceMs }, 'worker stopping');
    const ended = await running.close(graceMs);
    if (ended === 'forced') stopping.abort();
    await database.close();
    log.info({ ended }, 'worker stopped');
    return 0;
  },
};

/** Resolves on SIGTERM or on the entry point's Ctrl+C signal. */
function untilStopSignal(signal: AbortSignal): Promise<string> {
  return new Promise((resolve) => {
    const onTerm = () => done('SIGTERM');
    const onAbort = () => done('SIGINT');
    function done(name: string) {
      process.off('SIGTERM', onTerm);
      signal.removeEventListener('abort', onAbort);
      resolve(name);
    }
    if (signal.aborted) return done('SIGINT');
    process.on('SIGTERM', onTerm);
    signal.addEventListener('abort', onAbort);
  });
}

function wholeNumber(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`${flag} '${value}' must be a whole number of at least ${min}`);
  }
  return Number(value);
}
