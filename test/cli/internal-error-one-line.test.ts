import { createServer, type AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../src/cli/main.ts';
import { ConnectionError, UsageError } from '../../src/core/errors.ts';
import { asConnectionLost } from '../../src/db/as-connection-lost.ts';
import { matches } from '../../src/db/schema.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';

const HINT = '; run again with SCORELINE_LOG_LEVEL=debug for details\n';

/** The rejection of a promise that must fail. */
async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to fail');
}

describe.each(DATABASE_KINDS)('a database error reaching main on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => database.close());

  it('prints the driver message only, not the SQL or its parameters', async () => {
    const error = await failureOf(database.db.select().from(matches)
      .where(eq(matches.id, 3_000_000_000)));
    expect(String(error)).toMatch(/Failed query: select/);
    const { text, exitCode } = describeError(error, false);
    expect(exitCode).toBe(1);
    expect(text).toBe(
      `scoreline: internal error: value "3000000000" is out of range for type integer${HINT}`);
  });

  it('adds the stack at debug level', async () => {
    const error = await failureOf(database.db.execute(sql`select 1/0`));
    const { text } = describeError(error, true);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe(`scoreline: internal error: division by zero${HINT.trimEnd()}`);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).some((line) => /^\s+at /.test(line))).toBe(true);
  });
});

describe('errors that are not database errors', () => {
  it('a Scoreline error stays its own line and exit code', () => {
    expect(describeError(new UsageError('--days must be 0 or more'), true))
      .toEqual({ text: 'scoreline: --days must be 0 or more\n', exitCode: 2 });
  });

  it('any other error: its first line, cut at 200 characters', () => {
    const long = `${'x'.repeat(250)}\nsecond line`;
    const { text, exitCode } = describeError(new TypeError(long), false);
    expect(exitCode).toBe(1);
    expect(text).toBe(`scoreline: internal error: ${'x'.repeat(200)}...${HINT}`);
    expect(describeError('thrown text', false).text)
      .toBe(`scoreline: internal error: thrown text${HINT}`);
  });
});

describe('a database server that goes away', () => {
  it('a connection terminated mid-run reads as a ConnectionError, exit 1', async () => {
    const database = await openTestDatabase('postgres');
    try {
      const error = await failureOf(database.db.execute(
        sql`select pg_terminate_backend(pg_backend_pid())`));
      const mapped = asConnectionLost(error);
      expect(mapped).toBeInstanceOf(ConnectionError);
      const { text, exitCode } = describeError(error, false);
      expect(exitCode).toBe(1);
      expect(text).toBe(
        'scoreline: lost the connection to the database: terminating connection due to administrator command; check that the server is running and run the command again\n');
    } finally {
      await database.close();
    }
  });

  it('a refused connection reads as a ConnectionError', async () => {
    // A port that was free a moment ago: nothing listens there now.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'x' });
    const error = await failureOf(client.connect());
    expect(describeError(error, false)).toEqual({
      text: expect.stringMatching(
        /^scoreline: lost the connection to the database: connect ECONNREFUSED 127\.0\.0\.1:\d+; /),
      exitCode: 1,
    });
  });

  it('an unrelated error with a cause is not mistaken for one', () => {
    const error = new Error('Failed query: select 1', {
      cause: Object.assign(new Error('syntax error'), { code: '42601' }),
    });
    expect(asConnectionLost(error)).toBeUndefined();
    expect(describeError(error, false).text)
      .toBe(`scoreline: internal error: syntax error${HINT}`);
  });
});
