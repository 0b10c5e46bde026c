/**
 * A BullMQ worker in its own process for the backfill tests, running the
 * test processors on a PostgreSQL database. Settings from the environment:
 * BF_DATABASE_URL, BF_REDIS_URL, BF_PREFIX, BF_LOCK_MS (default 30000),
 * BF_BLOCK_PREDICTIONS=1 (a predictions job hangs, for kill tests),
 * BF_PREDICTIONS_LATENCY_MS (a predictions job takes that long) and
 * BF_REMOVE_COMPLETED=1 (completed jobs removed at once, as retention
 * would). Prints `ready`, each stage call as `call <json>`, and `blocked
 * <matchId>`, one per line on stdout.
 */
import { makeLogger } from '../../src/core/logger.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import { STAGES } from '../../src/pipeline/stages.ts';
import { startWorkers } from '../../src/pipeline/start-workers.ts';
import { makeTestProcessors, type StageCalls } from './test-processors.ts';

const env = process.env;
const database = await openDatabase({
  url: env.BF_DATABASE_URL,
  migrate: false,
});
const calls: StageCalls = { order: [], predictions: [] };
const print = (line: string) => process.stdout.write(`${line}\n`);
const processors = makeTestProcessors(database.db, calls, {
  beforePredictions: async (matchId) => {
    if (env.BF_BLOCK_PREDICTIONS === '1') {
      print(`blocked ${matchId}`);
      await new Promise(() => undefined);
    }
    // A slow model, so that a test can act while the job runs.
    const latencyMs = Number(env.BF_PREDICTIONS_LATENCY_MS ?? 0);
    if (latencyMs > 0) {
      print(`predicting ${matchId}`);
      await new Promise((resolve) => setTimeout(resolve, latencyMs));
    }
  },
});
const logged = {
  analysis: async (p: Parameters<typeof processors.analysis>[0]) => {
    print(`call ${JSON.stringify({ stage: 'analysis', ...p })}`);
    return processors.analysis(p);
  },
  predictions: async (p: Parameters<typeof processors.predictions>[0]) => {
    print(`call ${JSON.stringify({ stage: 'predictions', ...p })}`);
    return processors.predictions(p);
  },
  settlement: async (p: Parameters<typeof processors.settlement>[0]) => {
    print(`call ${JSON.stringify({ stage: 'settlement', ...p })}`);
    return processors.settlement(p);
  },
};

const running = startWorkers({
  connection: redisOptions(env.BF_REDIS_URL ?? 'redis://127.0.0.1:6379'),
  processors: logged,
  logger: makeLogger('silent'),
  stages: STAGES,
  prefix: env.BF_PREFIX,
  lockDurationMs: Number(env.BF_LOCK_MS ?? 30_000),
});
if (env.BF_REMOVE_COMPLETED === '1') {
  for (const worker of running.workers) {
    worker.on('completed', (job) => {
      job.remove().catch(() => undefined);
    });
  }
}
await Promise.all(running.workers.map((worker) => worker.waitUntilReady()));
print('ready');

process.on('SIGTERM', () => {
  running
    .close(5000)
    .then(() => database.close())
    .finally(() => process.exit(0));
});
