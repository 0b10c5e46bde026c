import type { Clock } from '../../core/clock.ts';
import type { RateLimitHeaders } from './rate-limit-headers.ts';

/** Waits a number of milliseconds; rejects when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The real sleep, on timers. */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(done, ms);
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });

const MINUTE_MS = 60_000;

/**
 * Spreads requests evenly over the minute (one every 60 s / limit) and
 * holds them back when the provider says the minute is used up or asks to
 * retry later. The limit is the smaller of ours and the provider's.
 * Known shortcoming: the gate lives in one process, so several workers
 * each spread their own requests and together can exceed the per-minute
 * limit (they then back off on 429); the daily budget is shared through
 * the database. It can go when the gate keeps its slot in Redis.
 */
export class RequestGate {
  private perMinute: number;
  private nextAt = 0;
  private lastAt = 0;

  constructor(
    perMinute: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {
    this.perMinute = Math.max(1, perMinute);
  }

  /** Resolves when the next request may go out. */
  async wait(signal?: AbortSignal): Promise<void> {
    const delay = this.nextAt - this.clock.now().getTime();
    if (delay > 0) await this.sleep(delay, signal);
    this.lastAt = this.clock.now().getTime();
    this.nextAt = this.lastAt + MINUTE_MS / this.perMinute;
  }

  /** Learns the limits from a response's headers. */
  observe(limits: RateLimitHeaders): void {
    if (limits.perMinuteLimit !== null && limits.perMinuteLimit > 0) {
      this.perMinute = Math.min(this.perMinute, limits.perMinuteLimit);
    }
    if (limits.perMinuteRemaining !== null && limits.perMinuteRemaining <= 0) {
      // The provider counts a rolling minute from the first request in it;
      // a minute after the last request is always late enough.
      this.nextAt = Math.max(this.nextAt, this.lastAt + MINUTE_MS);
    }
  }

  /** Holds every request back for at least `ms` from now. */
  pause(ms: number): void {
    this.nextAt = Math.max(this.nextAt, this.clock.now().getTime() + ms);
  }
}
