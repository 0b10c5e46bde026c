// A PostgreSQL or Redis that accepts TCP connections but never answers (a
// hung server, a wrong service on that port) must not hang `backfill` or
// `worker`: one line naming the setting, exit 1, within the connect
// timeout (set short here through the environment).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisConnectTimeoutFromEnv } from '../../src/pipeline/redis-connection.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { runCli, startBlackhole, type Exit } from '../helpers/cli-process.ts';

const TIMEOUT_MS = 2000;

/** stderr's lines, without blank ones. */
function lines(exit: Exit): string[] {
  return exit.stderr.split('\n').filter((line) => line.trim() !== '');
}

describe('a server that accepts connections and never answers', () => {
  let hole: Awaited<ReturnType<typeof startBlackhole>>;
  let db: TestDatabase;
  beforeAll(async () => {
    hole = await startBlackhole();
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await hole.close();
    await db.close();
  });

  it('PostgreSQL: backfill --dry-run exits 1 with one line', async () => {
    const exit = await runCli(['backfill', '--dry-run'], {
      DATABASE_URL: `postgres://postgres@127.0.0.1:${hole.port}/x`,
      SCORELINE_DB_CONNECT_TIMEOUT_MS: String(TIMEOUT_MS),
    }, 40_000);
    expect(exit.signal).toBeNull(); // killed by the 40 s guard = a hang
    expect(exit.code).toBe(1);
    expect(lines(exit)).toHaveLength(1);
    expect(exit.ms).toBeLessThan(TIMEOUT_MS + 15_000);
  }, 60_000);

  it.each([
    ['backfill', ['backfill', '--days', '1']],
    ['worker', ['worker']],
  ])('Redis: %s exits 1 with one line naming REDIS_URL', async (_, args) => {
    const exit = await runCli(args, {
      DATABASE_URL: db.url ?? undefined,
      REDIS_URL: `redis://127.0.0.1:${hole.port}`,
      SCORELINE_QUEUE_PREFIX: 'scoreline-test-hole',
      SCORELINE_REDIS_CONNECT_TIMEOUT_MS: String(TIMEOUT_MS),
    }, 40_000);
    expect(exit.signal).toBeNull();
    expect(exit.code).toBe(1);
    expect(lines(exit)).toHaveLength(1);
    expect(exit.stderr).toContain(`no answer within ${TIMEOUT_MS} ms`);
    expect(exit.stderr).toContain('REDIS_URL');
    expect(exit.ms).toBeLessThan(TIMEOUT_MS + 15_000);
  }, 60_000);

  it('reads SCORELINE_REDIS_CONNECT_TIMEOUT_MS, refusing a bad value', () => {
    expect(redisConnectTimeoutFromEnv(undefined)).toBe(10_000);
    expect(redisConnectTimeoutFromEnv('2500')).toBe(2500);
    for (const bad of ['0', '-1', '1.5', 'soon']) {
      expect(() => redisConnectTimeoutFromEnv(bad)).toThrow(ConfigError);
    }
  });
});
