import { Redis, type RedisOptions } from 'ioredis';
import { ConfigError, ConnectionError, messageOf } from '../core/errors.ts';

/** Default of `SCORELINE_REDIS_CONNECT_TIMEOUT_MS`. */
export const DEFAULT_REDIS_CONNECT_TIMEOUT_MS = 10_000;

/**
 * `SCORELINE_REDIS_CONNECT_TIMEOUT_MS`: how long connecting to Redis and
 * its first answer may take, a positive whole number of milliseconds.
 */
export function redisConnectTimeoutFromEnv(
  text: string | undefined = process.env.SCORELINE_REDIS_CONNECT_TIMEOUT_MS,
): number {
  const fallback = DEFAULT_REDIS_CONNECT_TIMEOUT_MS;
  if (text === undefined || text === '') return fallback;
  const ms = /^[0-9]{1,9}$/.test(text) ? Number(text) : 0;
  if (ms < 1) {
    throw new ConfigError(
      `SCORELINE_REDIS_CONNECT_TIMEOUT_MS is '${text}'; set it to a positive number of milliseconds or unset it for ${fallback}`,
    );
  }
  return ms;
}

/**
 * Connection options for BullMQ from a `redis://` URL. Workers need
 * `maxRetriesPerRequest: null` (BullMQ requires it for blocking commands);
 * queues used by commands keep it too so a short Redis restart is ridden
 * out instead of failing a wait.
 *
 * Shortcoming: only startup is bounded (assertRedisReachable). A Redis
 * that goes silent mid-run without closing its connections leaves
 * commands waiting; a backfill then ends each wait at the stage timeout.
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
    // A server that never completes the TCP handshake; one that accepts
    // and never answers is caught by assertRedisReachable's bounded PING.
    connectTimeout: redisConnectTimeoutFromEnv(),
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
 * Connects to Redis and pings it once, all within `timeoutMs` (default
 * `SCORELINE_REDIS_CONNECT_TIMEOUT_MS`) and without retries, so that a
 * wrong `REDIS_URL`, or a server that accepts connections and never
 * answers, gives one clear error instead of a process that hangs.
 */
export async function assertRedisReachable(
  url: string,
  timeoutMs = redisConnectTimeoutFromEnv(),
): Promise<void> {
  const redis = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
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
  // connectTimeout ends once TCP connects; the ready check and the PING
  // that follow would wait for ever on a silent server without this.
  let timer: NodeJS.Timeout | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(
      `no answer within ${timeoutMs} ms (SCORELINE_REDIS_CONNECT_TIMEOUT_MS)`,
    )), timeoutMs);
  });
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      silent,
    ]);
  } catch (error) {
    const why = messageOf(cause ?? error);
    throw new ConnectionError(
      'queue',
      `cannot reach Redis at ${redactRedisUrl(url)}: ${why}; check REDIS_URL and that the server is running`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
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
