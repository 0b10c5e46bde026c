import { Redis, type RedisOptions } from 'ioredis';
import { ConfigError, ConnectionError, messageOf } from '../core/errors.ts';

/** How long to try reaching Redis before giving up on startup. */
const CONNECT_TIMEOUT_MS = 3000;

/**
 * Connection options for BullMQ from a `redis://` URL. Workers need
 * `maxRetriesPerRequest: null` (BullMQ requires it for blocking commands);
 * queues used by commands keep it too so a short Redis restart is ridden
 * out instead of failing a wait.
 */
export function redisOptions(url: string): RedisOptions {
  const parsed = parseRedisUrl(url);
  const db = Number(parsed.pathname.replace('/', '') || '0');
  return {
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    username: parsed.username || undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db: Number.isInteger(db) ? db : 0,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * `REDIS_URL` checked before anything connects: a URL with the scheme
 * redis: or rediss:, a host and a port from 1 to 65535 (new URL() refuses
 * larger ones). Anything else is a ConfigError naming the variable.
 */
function parseRedisUrl(url: string): URL {
  const fix = 'set it like redis://127.0.0.1:6379';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      `REDIS_URL is not a valid URL (check the host and that the port is 1 to 65535); ${fix}`,
    );
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ConfigError(
      `REDIS_URL has the scheme '${parsed.protocol}', not redis: or rediss:; ${fix}`,
    );
  }
  if (parsed.hostname === '' || parsed.port === '0') {
    throw new ConfigError(`REDIS_URL needs a host and a port from 1 to 65535; ${fix}`);
  }
  return parsed;
}

/**
 * Pings Redis once with a short timeout and no retries, so that a wrong
 * `REDIS_URL` gives one clear error instead of a process that hangs while
 * ioredis reconnects for ever.
 */
export async function assertRedisReachable(url: string): Promise<void> {
  const redis = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // ioredis reports the cause (ECONNREFUSED...) on the event and only
  // "Connection is closed" on the rejected call.
  let cause: unknown;
  redis.on('error', (error) => {
    cause ??= error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const why = messageOf(cause ?? error);
    throw new ConnectionError(
      'queue',
      `cannot reach Redis at ${redactRedisUrl(url)}: ${why}; check REDIS_URL and that the server is running`,
      { cause: error },
    );
  } finally {
    redis.disconnect();
  }
}

/** The URL without its password, for messages. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable REDIS_URL)';
  }
}
