import { Queue, QueueEvents, type ConnectionOptions } from 'bullmq';
import { defaultJobOptions, queuePrefix } from './queue-settings.ts';
import type { Stage, StagePayloads, StageResults } from './stages.ts';

/** A BullMQ queue of one stage, typed by its payload and result. */
export type StageQueue<S extends Stage> = Queue<
  StagePayloads[S],
  StageResults[S],
  string
>;

export interface PipelineQueuesOptions {
  /** Redis connection options (see redisOptions). */
  connection: ConnectionOptions;
  /** Key prefix; default `SCORELINE_QUEUE_PREFIX`, else `scoreline`. */
  prefix?: string;
  /** First backoff delay of retried jobs in ms (default 2000). */
  backoffMs?: number;
}

/**
 * The stage queues and their event streams on one Redis, made on first use
 * and closed together. Queue names are the stage names.
 */
export class PipelineQueues {
  readonly prefix: string;
  readonly connection: ConnectionOptions;
  private readonly backoffMs: number;
  private readonly queues = new Map<Stage, Queue>();
  private readonly events = new Map<Stage, QueueEvents>();

  constructor(options: PipelineQueuesOptions) {
    this.connection = options.connection;
    this.prefix = options.prefix ?? queuePrefix();
    this.backoffMs = options.backoffMs ?? 2000;
  }

  /** The queue of a stage. */
  queue<S extends Stage>(stage: S): StageQueue<S> {
    let queue = this.queues.get(stage);
    if (!queue) {
      queue = new Queue(stage, {
        connection: this.connection,
        prefix: this.prefix,
        defaultJobOptions: defaultJobOptions(stage, this.backoffMs),
      });
      // Errors surface on the calls that fail; the event only needs a
      // listener so that a Redis hiccup does not crash the process.
      queue.on('error', () => undefined);
      // Each job waited for adds a 'closing' listener for the length of
      // its wait; many waits at once are normal, not a leak.
      queue.setMaxListeners(1000);
      this.queues.set(stage, queue);
    }
    return queue as unknown as StageQueue<S>;
  }

  /**
   * The completion events of a stage, listening before it is returned so
   * that no event after this call is missed.
   */
  async queueEvents(stage: Stage): Promise<QueueEvents> {
    let events = this.events.get(stage);
    if (!events) {
      events = new QueueEvents(stage, {
        connection: this.connection,
        prefix: this.prefix,
      });
      events.on('error', () => undefined);
      this.events.set(stage, events);
    }
    await events.waitUntilReady();
    return events;
  }

  /** Closes every queue and event stream that was opened. */
  async close(): Promise<void> {
    const all = [...this.events.values(), ...this.queues.values()];
    this.events.clear();
    this.queues.clear();
    await Promise.all(all.map((item) => item.close()));
  }
}
