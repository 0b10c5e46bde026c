import { ConnectionError } from '../core/errors.ts';

/** Socket error codes that mean the server is gone or unreachable. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * SQLSTATE classes and codes for a lost server: 08 (connection exception),
 * 57P01 to 57P03 (shut down by the administrator, crash, cannot connect).
 */
const SQLSTATE = /^(08|57P0[123])/;

/** node-postgres's own messages when its socket ends under it. */
const DRIVER_MESSAGES = new RegExp([
  'Connection terminated',
  'connection error and is not queryable',
  'terminating connection',
].join('|'), 'i');

/**
 * The one place that reads a database driver error as "the server went
 * away mid-run": walks the cause chain (drizzle wraps the driver's error
 * in "Failed query: ...") and returns a one-line ConnectionError, or
 * undefined when the error is something else.
 */
export function asConnectionLost(error: unknown): ConnectionError | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (!(current instanceof Error)) return undefined;
    const code = (current as { code?: unknown }).code;
    const lostCode = typeof code === 'string' &&
      (SOCKET_CODES.has(code) || SQLSTATE.test(code));
    const lost = lostCode || DRIVER_MESSAGES.test(current.message);
    if (lost) {
      const why = current.message.split('\n')[0] ?? '';
      return new ConnectionError(
        'database',
        `lost the connection to the database: ${why}; check that the server is running and run the command again`,
        { cause: error },
      );
    }
    current = current.cause;
  }
  return undefined;
}
