import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { sourceCache } from '../../db/schema.ts';

/**
 * Responses of a paid source kept in the database for their useful life,
 * so that re-running a backfill costs few requests. Expired rows are
 * overwritten when fetched again but never deleted; known shortcoming, to
 * go with a periodic `delete ... where expires_at < now()` in the worker.
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
}
