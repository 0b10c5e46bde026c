/** How much one provider may be asked at once. */
export interface ProviderLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started per minute; null: no limit. */
  requestsPerMinute: number | null;
}

const MINUTE_MS = 60_000;

/**
 * The gate of one provider, shared by all its models in the process: a
 * semaphore for requests in flight and a sliding-window limiter for
 * requests per minute. It also remembers a rejected `response_format`.
 */
export class ProviderGate {
  readonly limits: ProviderLimits;
  /** Set once the provider rejected `response_format`; kept for the run. */
  responseFormatRejected = false;
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly starts: number[] = [];
  private rateChain: Promise<void> = Promise.resolve();
  private readonly windowMs: number;

  /** `windowMs` (default one minute) is shorter only in tests. */
  constructor(limits: ProviderLimits, windowMs = MINUTE_MS) {
    this.limits = limits;
    this.windowMs = windowMs;
  }

  /** Runs `task` once a slot is free and the rate allows a new request. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      await this.waitForRate(signal);
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.inFlight < this.limits.concurrency) {
      this.inFlight += 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener('abort', onAbort);
        this.inFlight += 1;
        resolve();
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(wake);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(wake);
    });
  }

  private release(): void {
    this.inFlight -= 1;
    this.waiting.shift()?.();
  }

  /** Requests start one after another through a chain, so counts hold. */
  private waitForRate(signal?: AbortSignal): Promise<void> {
    const limit = this.limits.requestsPerMinute;
    if (limit === null) return Promise.resolve();
    const turn = this.rateChain.then(async () => {
      signal?.throwIfAborted();
      const now = Date.now();
      while (
        this.starts.length > 0 && this.starts[0]! <= now - this.windowMs
      ) {
        this.starts.shift();
      }
      if (this.starts.length >= limit) {
        await sleep(this.starts[0]! + this.windowMs - now, signal);
        this.starts.shift();
      }
      this.starts.push(Date.now());
    });
    this.rateChain = turn.catch(() => undefined);
    return raceAbort(turn, signal);
  }
}

/**
 * The gates of a process, one per provider id. Made once and shared by
 * every forecaster, so that limits hold across matches run side by side.
 *
 * Known shortcoming: limits hold within one process only. Several worker
 * processes each allow the full concurrency and rate of a provider; until
 * a shared limiter (in Redis) exists, divide the roster's limits by the
 * number of workers.
 */
export class ProviderGates {
  private readonly gates = new Map<string, ProviderGate>();

  /** The provider's gate, made on first use with these limits. */
  get(providerId: string, limits: ProviderLimits): ProviderGate {
    let gate = this.gates.get(providerId);
    if (!gate) {
      gate = new ProviderGate(limits);
      this.gates.set(providerId, gate);
    }
    return gate;
  }
}

/** The gates of this process, used unless a caller passes its own. */
export const processGates = new ProviderGates();

/** The promise, or a rejection as soon as the signal aborts. */
function raceAbort<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}

/** Waits `ms`, or rejects with the signal's reason when it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
