import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { sourceCache } from '../../db/schema.ts';

/**
 * Responses of a paid source kept in the database for their useful life,
 * so that re-running a backfill costs few requests. Expired rows stay
 * until fetched again or removed by `removeExpired`.
 */
export class ResponseCache {
  constructor(private readonly db: Db) {}

  /** The cached body, or undefined when missing or expired at `now`. */
  async get(key: string, now: Date): Promise<unknown> {
    const rows = await this.db
      .select({ body: sourceCache.body })
      .from(sourceCache)
      .where(and(eq(sourceCache.key, key), gt(sourceCache.expiresAt, now)));
    return rows[0]?.body;
  }

  /** Stores a body until `now + lifetimeMs`; zero or less stores nothing. */
  async put(
    key: string,
    body: unknown,
    now: Date,
    lifetimeMs: number,
  ): Promise<void> {
    if (lifetimeMs <= 0) return;
    const expiresAt = new Date(now.getTime() + lifetimeMs);
    await this.db
      .insert(sourceCache)
      .values({ key, body, fetchedAt: now, expiresAt })
      .onConflictDoUpdate({
        target: sourceCache.key,
        set: { body, fetchedAt: now, expiresAt },
      });
  }

  /** Deletes the answers expired at `now`; returns how many. */
  async removeExpired(now: Date): Promise<number> {
    const removed = await this.db
      .delete(sourceCache)
      .where(lte(sourceCache.expiresAt, now))
      .returning({ key: sourceCache.key });
    return removed.length;
  }
}
