import { BullmqStageRunner } from '../pipeline/bullmq-stage-runner.ts';
import type { StageRunner } from '../pipeline/stage-runner.ts';
import type { Stage } from '../pipeline/stages.ts';
import { NoWorkerError } from './no-worker-error.ts';

/**
 * Throws NoWorkerError when a BullMQ queue the plan needs has no worker
 * connected, so the user hears it at once rather than after a timeout.
 * An embedded runner always has its processors.
 */
export async function assertWorkersListening(
  runner: StageRunner,
  stages: Stage[],
): Promise<void> {
  if (!(runner instanceof BullmqStageRunner)) return;
  const idle: Stage[] = [];
  for (const stage of stages) {
    if ((await runner.countWorkers(stage)) === 0) idle.push(stage);
  }
  if (idle.length > 0) throw new NoWorkerError(idle);
}
