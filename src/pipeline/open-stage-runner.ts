import { ConnectionError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { BullmqStageRunner } from './bullmq-stage-runner.ts';
import { EmbeddedStageRunner } from './embedded-stage-runner.ts';
import { PipelineQueues } from './pipeline-queues.ts';
import { queuePrefix } from './queue-settings.ts';
import { assertRedisReachable, redisOptions } from './redis-connection.ts';
import {
  makeStageProcessors,
  type StageDeps,
} from './stage-processors.ts';
import type { StageRunner } from './stage-runner.ts';
import { STAGES } from './stages.ts';

export interface OpenStageRunnerOptions {
  /** Used by the embedded runner only. */
  deps: StageDeps;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

/**
 * The stage runner the environment asks for: BullMQ when `REDIS_URL` is
 * set (and a worker serves every queue), else embedded, running the same
 * processors in this process. Close it when done.
 */
export async function openStageRunner(
  options: OpenStageRunnerOptions,
): Promise<StageRunner> {
  const env = options.env ?? process.env;
  const url = env.REDIS_URL;
  if (!url) return new EmbeddedStageRunner(makeStageProcessors(options.deps));

  await assertRedisReachable(url);
  const runner = new BullmqStageRunner(
    new PipelineQueues({ connection: redisOptions(url),
      prefix: queuePrefix(env) }),
  );
  for (const stage of STAGES) {
    if ((await runner.countWorkers(stage)) === 0) {
      await runner.close();
      throw new ConnectionError(
        'queue',
        `no worker serves the ${stage} queue on REDIS_URL; start 'scoreline worker' or unset REDIS_URL to run the stages in-process`,
      );
    }
  }
  options.logger.info({ prefix: queuePrefix(env) }, 'stages run on BullMQ');
  return runner;
}
