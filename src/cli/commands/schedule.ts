import { UsageError } from '../../core/errors.ts';
import { openDatabase } from '../../db/open-database.ts';
import { PipelineQueues } from '../../pipeline/pipeline-queues.ts';
import { queuePrefix } from '../../pipeline/queue-settings.ts';
import {
  assertRedisReachable,
  redisOptions,
} from '../../pipeline/redis-connection.ts';
import { runSyncPass, startSchedule } from '../../pipeline/run-schedule.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

const USAGE =
  'scoreline schedule [--import PATH]... [--every MINUTES] [--horizon DAYS] [--once]';

/**
 * `scoreline schedule`: keeps fixtures and results in sync (re-importing
 * the `--import` files each period) and queues each match's stages at
 * their times as BullMQ delayed jobs; workers run them.
 */
export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'sync fixtures and queue each match\'s stages at their times',
  usage: USAGE,
  async run({ argv, stdout, logger, signal }) {
    const { values } = parseOptions(argv, {
      import: { type: 'string', multiple: true },
      every: { type: 'string' },
      horizon: { type: 'string' },
      once: { type: 'boolean' },
    }, USAGE);
    const everyMs = whole(values.every, '--every', 15) * 60_000;
    const horizonDays = whole(values.horizon, '--horizon', 14);

    const url = process.env.REDIS_URL;
    if (!url) {
      throw new UsageError(
        'the schedule queues delayed jobs on Redis: set REDIS_URL (such as redis://127.0.0.1:6379) and run scoreline worker; without Redis use scoreline replay or the backfill');
    }
    await assertRedisReachable(url);
    const database = await openDatabase();
    const queues = new PipelineQueues({ connection: redisOptions(url),
      prefix: queuePrefix() });
    const options = { db: database.db, queues, logger,
      importPaths: values.import ?? [], horizonDays };
    try {
      if (values.once) {
        const summary = await runSyncPass(options);
        stdout.write(`schedule pass: added analysis ${summary.added.analysis}, predictions ${summary.added.predictions}, settlement ${summary.added.settlement}; kept ${summary.kept}, done ${summary.done}, failed earlier ${summary.failed}\n`);
        return 0;
      }
      const stop = await startSchedule({ ...options, everyMs });
      logger.info({ everyMs, horizonDays }, 'schedule started');
      await untilStopped(signal);
      await stop();
      return 0;
    } finally {
      await queues.close();
      await database.close();
    }
  },
};

function untilStopped(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      process.off('SIGTERM', done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    if (signal.aborted) return done();
    process.on('SIGTERM', done);
    signal.addEventListener('abort', done);
  });
}

function whole(value: string | undefined, flag: string, fallback: number) {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`${flag} '${value}' must be a whole number of at least 1`);
  }
  return Number(value);
}
