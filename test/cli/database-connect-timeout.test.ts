import { createServer, type AddressInfo, type Socket } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/core/errors.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { createEmptyPostgresDatabase } from '../helpers/databases.ts';
import { expectOneCleanLine, runCli } from './run-cli.ts';

// A server of our own on 127.0.0.1 that takes the connection and says
// nothing (a black-holed port, a wrong service, a stuck proxy).
const sockets = new Set<Socket>();
const server = createServer((socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  url = `postgres://postgres@127.0.0.1:${port}/x`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

describe('a database server that accepts and never answers', () => {
  it('openDatabase gives up after connectTimeoutMs with a ConnectionError', async () => {
    const started = Date.now();
    const opening = openDatabase({ url, connectTimeoutMs: 300 });
    await expect(opening).rejects.toThrow(ConnectionError);
    await expect(opening).rejects.toThrow(/cannot open PostgreSQL at .*timeout/);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('migrate exits 1 with one line instead of hanging', async () => {
    const started = Date.now();
    // Killed after 45 s (code null) if it still hangs.
    const run = await runCli(['migrate'],
      { DATABASE_URL: url, SCORELINE_DB_CONNECT_TIMEOUT_MS: '500' }, 45_000);
    expect(run.code, `after ${Date.now() - started} ms: ${run.stderr}`).toBe(1);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/check DATABASE_URL and that the server is running/);
  }, 60_000);
});

describe('a busy pool on a server that answers', () => {
  it('lets a query wait for a free client longer than the connect timeout', async () => {
    const empty = await createEmptyPostgresDatabase();
    const database = await openDatabase(
      { url: empty.url, migrate: false, connectTimeoutMs: 1_000 });
    try {
      // The pool holds 10 clients: the 11th query waits about 1.5 s for
      // one, past the 1 s connect timeout, and must still run.
      const queries = Array.from({ length: 11 }, (_, i) =>
        queryRows<{ n: number }>(
          database.db, sql`select pg_sleep(1.5), ${i}::int as n`));
      const results = await Promise.all(queries);
      expect(results.map((rows) => rows[0]?.n))
        .toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    } finally {
      await database.close();
      await empty.drop();
    }
  }, 30_000);
});
