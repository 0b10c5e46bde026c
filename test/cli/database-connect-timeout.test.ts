import { createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError } from '../../src/core/errors.ts';
import { openDatabase } from '../../src/db/open-database.ts';
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
