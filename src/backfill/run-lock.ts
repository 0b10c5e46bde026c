import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { BackfillRunningError } from './backfill-running-error.ts';

/** A held lock; its expiry is refreshed until it is released. */
export interface RunLock {
  owner: string;
  release(): Promise<void>;
}

export interface RunLockOptions {
  /**
   * Lifetime of the lock without a refresh, in ms (default 60000): a
   * crashed holder blocks others at most this long.
   */
  ttlMs?: number;
  /** Refresh period in ms (default a third of the lifetime). */
  refreshMs?: number;
  /** Called when a refresh finds the lock taken or fails. */
  onLost?: (reason: string) => void;
}

/** Names the holder in messages: host, pid and a random tag. */
export function makeLockOwner(): string {
  const tag = randomBytes(3).toString('hex');
  return `pid ${process.pid} on ${hostname()}, ${tag}`;
}

/**
 * Takes the run lock in the `run_locks` table. It is the one run lock of
 * both modes (with and without `REDIS_URL`), so every backfill on the same
 * database sees it, and a Redis restart cannot lose it. An expired row is
 * taken over, so a crash never blocks for ever.
 */
export async function acquireDbRunLock(
  db: Db,
  name: string,
  options: RunLockOptions = {},
): Promise<RunLock> {
  const ttlMs = options.ttlMs ?? 60_000;
  const owner = makeLockOwner();
  const taken = await queryRows<{ owner: string }>(
    db,
    sql`insert into run_locks (name, owner, expires_at)
      values (${name}, ${owner},
        now() + ${ttlMs}::int * interval '1 millisecond')
      on conflict (name) do update
        set owner = excluded.owner, expires_at = excluded.expires_at
        where run_locks.expires_at < now()
      returning owner`,
  );
  if (taken.length === 0) {
    const [holder] = await queryRows<{ owner: string; leftMs: number }>(
      db,
      sql`select owner, (extract(epoch from expires_at - now()) * 1000)::int
          as "leftMs"
        from run_locks where name = ${name}`,
    );
    throw new BackfillRunningError(
      holder?.owner ?? 'unknown holder',
      holder?.leftMs ?? ttlMs,
    );
  }
  const refresh = async () => {
    const kept = await queryRows<{ owner: string }>(
      db,
      sql`update run_locks
        set expires_at = now() + ${ttlMs}::int * interval '1 millisecond'
        where name = ${name} and owner = ${owner}
        returning owner`,
    );
    if (kept.length === 0) options.onLost?.('the run lock was lost');
  };
  return keepAlive(owner, options, ttlMs, refresh, async () => {
    await db.execute(
      sql`delete from run_locks where name = ${name} and owner = ${owner}`,
    );
  });
}

function keepAlive(
  owner: string,
  options: RunLockOptions,
  ttlMs: number,
  refresh: () => Promise<void>,
  remove: () => Promise<void>,
): RunLock {
  const timer = setInterval(() => {
    refresh().catch((error: unknown) =>
      options.onLost?.(error instanceof Error ? error.message : String(error)),
    );
  }, options.refreshMs ?? Math.floor(ttlMs / 3));
  // The refresh must never keep the process alive on its own.
  timer.unref();
  let released = false;
  return {
    owner,
    async release() {
      if (released) return;
      released = true;
      clearInterval(timer);
      await remove();
    },
  };
}
