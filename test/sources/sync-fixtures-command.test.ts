import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/core/errors.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { listMatches } from '../../src/db/matches.ts';
import { openDatabase } from '../../src/db/open-database.ts';
import { syncFixturesCommand } from '../../src/sources/api-football/sync-fixtures-command.ts';
import {
  createEmptyPostgresDatabase,
  DATABASE_KINDS,
  type DatabaseKind,
} from '../helpers/databases.ts';
import { loadRecordedResponses } from './recorded-responses.ts';
import { startReplayServer, type ReplayServer } from './replay-server.ts';

const SEPTEMBER = ['--from', '2022-09-05', '--to', '2022-10-02'];

/** Where the command's database lives, chosen through the environment. */
async function makeStore(kind: DatabaseKind) {
  if (kind === 'postgres') {
    const created = await createEmptyPostgresDatabase();
    return { env: { DATABASE_URL: created.url }, remove: created.drop };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'scoreline-sync-'));
  return {
    env: { SCORELINE_DATA_DIR: dir },
    remove: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function run(argv: string[]) {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += String(chunk)));
  const code = await syncFixturesCommand.run({
    argv,
    stdout,
    logger: makeLogger('silent'),
    signal: new AbortController().signal,
  });
  return { code, text };
}

describe.each(DATABASE_KINDS)('scoreline sync-fixtures on %s', (kind) => {
  let server: ReplayServer;
  let store: Awaited<ReturnType<typeof makeStore>>;
  const saved = { ...process.env };

  beforeAll(async () => {
    server = await startReplayServer(loadRecordedResponses());
    store = await makeStore(kind);
    delete process.env.DATABASE_URL;
    delete process.env.SCORELINE_DATA_DIR;
    Object.assign(process.env, store.env, {
      SCORELINE_SOURCE: 'api-football',
      API_FOOTBALL_KEY: 'test-key',
      API_FOOTBALL_BASE_URL: server.baseUrl,
      API_FOOTBALL_REQUESTS_PER_MINUTE: '6000',
    });
  });

  afterEach(() => {
    delete process.env.API_FOOTBALL_DAILY_BUDGET;
  });

  afterAll(async () => {
    process.env = saved;
    await server?.close();
    await store?.remove();
  });

  it('shows the plan with --dry-run and sends nothing', async () => {
    const { code, text } = await run([...SEPTEMBER, '--dry-run', '--json']);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(text)).toEqual({
      dryRun: true, steps: 5, requestsNeeded: 5, budgetRemaining: 90,
    });
    expect(server.received).toHaveLength(0);
  });

  it('stops before the budget ends, with exit code 3 and nothing written', async () => {
    // A budget of 5 keeps 1 for the regular pipeline: 4 < 5 needed.
    process.env.API_FOOTBALL_DAILY_BUDGET = '5';
    const error = await run(SEPTEMBER).catch((e) => e);
    expect(error).toMatchObject({ reason: 'budget', exitCode: EXIT.gapsRemain });
    expect(server.received).toHaveLength(0);
  });

  it('stores the fixtures of the range and costs nothing twice', async () => {
    const first = await run([...SEPTEMBER, '--competition', 'en.1']);
    expect(first.code).toBe(EXIT.ok);
    expect(first.text).toBe(
      'fetched 29 fixtures with 1 requests: matches 29 inserted, ' +
        '0 updated, 0 unchanged, 0 skipped\n',
    );
    const again = await run([...SEPTEMBER, '--competition', 'en.1']);
    expect(again.text).toContain('with 0 requests: matches 0 inserted');
    expect(server.received).toHaveLength(1);

    const database = await openDatabase();
    try {
      const stored = await listMatches(database.db, { competitionId: 'en.1' });
      expect(stored).toHaveLength(29);
      const byStatus: Record<string, number> = {};
      for (const m of stored) byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
      expect(byStatus).toEqual({ postponed: 13, scheduled: 9, finished: 7 });
    } finally {
      await database.close();
    }
  });

  it('refuses a malformed day', async () => {
    await expect(run(['--from', '2022-13-01', '--to', '2022-10-02']))
      .rejects.toMatchObject({ exitCode: EXIT.usage });
  });
});
