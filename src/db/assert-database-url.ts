import { ConfigError } from '../core/errors.ts';

/**
 * Checks `DATABASE_URL` before anything connects: it must parse as a URL
 * with the scheme postgres: or postgresql:, a host (or a `?host=` socket
 * folder) and, when given, a port from 1 to 65535. Anything else is a
 * ConfigError naming the variable; otherwise a typo would read as a server
 * that is down, and a string such as `not a url` would even be looked up
 * in DNS by the driver.
 */
export function assertDatabaseUrl(url: string): void {
  const fix = 'set it like postgres://user:password@127.0.0.1:5432/scoreline';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The text itself may hold a password: do not echo it.
    throw new ConfigError(
      `DATABASE_URL is not a valid URL (check the host and that the port is 1 to 65535); ${fix}`,
    );
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConfigError(
      `DATABASE_URL has the scheme '${parsed.protocol}', not postgres: or postgresql:; ${fix}`,
    );
  }
  if (parsed.hostname === '' && !parsed.searchParams.get('host')) {
    throw new ConfigError(`DATABASE_URL names no host; ${fix}`);
  }
  // new URL() already refuses ports above 65535; port 0 cannot be dialled.
  if (parsed.port === '0') {
    throw new ConfigError(`DATABASE_URL has port 0; ${fix}`);
  }
}
