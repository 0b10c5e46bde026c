import { and, eq, sql } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/open-database.ts';
import { sourceRequestCounts } from '../../db/schema.ts';
import { SourceStoppedError } from './source-errors.ts';

/** The provider's day: API-Football resets its counters at 00:00 UTC. */
export function providerDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export interface RequestBudgetOptions {
  /** Name of the counter row, such as `api-football`. */
  source: string;
  /** Requests we allow ourselves per provider day. */
  dailyLimit: number;
  /**
   * Requests left untouched for the regular pipeline, so that a backfill
   * cannot spend the whole day (default 0: the caller decides).
   */
  reserve?: number;
  clock: Clock;
}

/**
 * The daily request budget, counted in the database so that it survives
 * restarts and is shared by every process using the same source.
 */
export class RequestBudget {
  private readonly source: string;
  private readonly limit: number;
  private readonly usable: number;
  private readonly clock: Clock;

  constructor(
    private readonly db: Db,
    options: RequestBudgetOptions,
  ) {
    this.source = options.source;
    this.limit = options.dailyLimit;
    this.usable = Math.max(0, options.dailyLimit - (options.reserve ?? 0));
    this.clock = options.clock;
  }

  /** Requests already spent today (by every process). */
  async spent(): Promise<number> {
    const rows = await this.db
      .select({ requests: sourceRequestCounts.requests })
      .from(sourceRequestCounts)
      .where(
        and(
          eq(sourceRequestCounts.source, this.source),
          eq(sourceRequestCounts.day, providerDay(this.clock.now())),
        ),
      );
    return rows[0]?.requests ?? 0;
  }

  /** Requests that may still be spent today. */
  async remaining(): Promise<number> {
    return Math.max(0, this.usable - (await this.spent()));
  }

  /**
   * Counts one request, atomically, or throws SourceStoppedError when the
   * day's budget is spent. Call it before sending the request.
   */
  async spend(): Promise<void> {
    const day = providerDay(this.clock.now());
    if (this.usable > 0) {
      const rows = await this.db
        .insert(sourceRequestCounts)
        .values({ source: this.source, day, requests: 1 })
        .onConflictDoUpdate({
          target: [sourceRequestCounts.source, sourceRequestCounts.day],
          set: { requests: sql`${sourceRequestCounts.requests} + 1` },
          setWhere: sql`${sourceRequestCounts.requests} < ${this.usable}`,
        })
        .returning({ requests: sourceRequestCounts.requests });
      if (rows.length > 0) return;
    }
    throw this.exhausted(day);
  }

  /**
   * Counts the whole day as spent: the provider said its quota is used
   * up, so every process sharing the counter stops asking until 00:00 UTC.
   */
  async exhaust(): Promise<void> {
    const day = providerDay(this.clock.now());
    await this.db
      .insert(sourceRequestCounts)
      .values({ source: this.source, day, requests: this.limit })
      .onConflictDoUpdate({
        target: [sourceRequestCounts.source, sourceRequestCounts.day],
        set: {
          requests: sql`greatest(${sourceRequestCounts.requests}, ${this.limit})`,
        },
      });
  }

  /** Throws before a plan starts when it needs more than is left. */
  async assertAffordable(needed: number): Promise<void> {
    const left = await this.remaining();
    if (needed <= left) return;
    throw new SourceStoppedError(
      'budget',
      `the plan needs ${needed} ${this.source} requests but only ${left} remain of today's budget of ${this.usable}; raise API_FOOTBALL_DAILY_BUDGET, narrow the run, or wait until 00:00 UTC`,
    );
  }

  private exhausted(day: string): SourceStoppedError {
    return new SourceStoppedError(
      'budget',
      `today's ${this.source} budget of ${this.usable} requests (${day} UTC) is spent; no further requests this run; raise API_FOOTBALL_DAILY_BUDGET or wait until 00:00 UTC`,
    );
  }
}
