import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the tests use: the local server. */
export const TEST_REDIS_URL =
  process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix of its own for one test file, so files never collide. */
export function makeTestPrefix(label: string): string {
  return `scoreline-test-${label}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under a prefix. */
export async function removePrefix(
  prefix: string,
  url = TEST_REDIS_URL,
): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500,
      );
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
