import { UnrecoverableError } from 'bullmq';
import { messageOf } from '../core/errors.ts';
import { assertJobId } from './job-ids.ts';
import { STAGE_ATTEMPTS } from './queue-settings.ts';
import type { StageOutcome, StageRunner } from './stage-runner.ts';
import type {
  Stage,
  StagePayloads,
  StageProcessors,
  StageResults,
} from './stages.ts';

export interface EmbeddedStageRunnerOptions {
  /** Attempts per stage; default the same as on BullMQ. */
  attempts?: Partial<Record<Stage, number>>;
  /** First backoff delay in ms, doubled per retry (default 0: no wait). */
  backoffMs?: number;
}

type Finished = StageOutcome<Stage> & { state: 'completed' | 'failed' };

/**
 * Runs stage jobs in this process through the same processors and job-id
 * rules as the workers: a job whose id is pending is joined, a finished
 * one runs again, an `UnrecoverableError` ends a job at once and other
 * errors are retried. Outcomes are kept in memory for the run only.
 */
export class EmbeddedStageRunner implements StageRunner {
  readonly kind = 'embedded' as const;
  private readonly pending = new Map<string, Promise<Finished>>();
  private readonly finished = new Map<string, Finished>();
  private readonly attempts: Record<Stage, number>;
  private readonly backoffMs: number;

  constructor(
    private readonly processors: StageProcessors,
    options: EmbeddedStageRunnerOptions = {},
  ) {
    this.attempts = { ...STAGE_ATTEMPTS, ...options.attempts };
    this.backoffMs = options.backoffMs ?? 0;
  }

  async run<S extends Stage>(
    stage: S,
    payload: StagePayloads[S],
    jobId: string,
    timeoutMs: number,
  ): Promise<StageOutcome<S>> {
    assertJobId(jobId);
    const key = `${stage}/${jobId}`;
    let job = this.pending.get(key);
    if (!job) {
      job = this.execute(stage, payload).then((outcome) => {
        this.pending.delete(key);
        this.finished.set(key, outcome);
        return outcome;
      });
      this.pending.set(key, job);
    }
    return (await withTimeout(job, timeoutMs)) as StageOutcome<S>;
  }

  /** The last outcome of a job id in this run, if it ran. */
  outcomeOf(stage: Stage, jobId: string): StageOutcome<Stage> | undefined {
    return this.finished.get(`${stage}/${jobId}`);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.pending.values()]);
  }

  private async execute<S extends Stage>(
    stage: S,
    payload: StagePayloads[S],
  ): Promise<Finished> {
    const process = this.processors[stage] as (
      payload: StagePayloads[S],
    ) => Promise<StageResults[S]>;
    const attempts = Math.max(1, this.attempts[stage]);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { state: 'completed', result: await process(payload) };
      } catch (error) {
        const last = attempt >= attempts;
        if (last || error instanceof UnrecoverableError) {
          return { state: 'failed', reason: messageOf(error) };
        }
        if (this.backoffMs > 0) {
          await delay(this.backoffMs * 2 ** (attempt - 1));
        }
      }
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The job's outcome, or `timeout` if it takes longer; the job goes on. */
async function withTimeout(
  job: Promise<Finished>,
  timeoutMs: number,
): Promise<StageOutcome<Stage>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<StageOutcome<Stage>>((resolve) => {
    timer = setTimeout(() => resolve({ state: 'timeout', timeoutMs }), timeoutMs);
  });
  try {
    return await Promise.race([job, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
