import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLeaderboardCommand } from '../../src/cli/commands/leaderboard.ts';
import { EXIT, UsageError } from '../../src/core/errors.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { insertCompetitions } from '../../src/db/competitions.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { expectOneCleanLine, runCli } from './run-cli.ts';

describe.each(DATABASE_KINDS)('leaderboard --competition on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await insertCompetitions(database.db, [
      { id: 'en.1', name: 'Premier League', timeZone: 'Europe/London' },
      { id: 'de.1', name: 'Bundesliga', timeZone: 'Europe/Berlin' },
    ]);
  });
  afterAll(async () => database.close());

  const run = async (argv: string[]) => {
    const command = makeLeaderboardCommand(async () => ({
      ...database, close: async () => undefined,
    }));
    let text = '';
    const stdout = new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    });
    const code = await command.run({
      argv, stdout, logger: makeLogger('silent'),
      signal: new AbortController().signal,
    });
    return { code, text };
  };

  it('an unknown id is a usage error naming the known ids', async () => {
    const attempt = run(['--competition', 'xx.9']);
    await expect(attempt).rejects.toThrow(UsageError);
    await expect(attempt).rejects.toThrow(
      "--competition 'xx.9' is not a known competition; known ids: de.1, en.1");
  });

  it('a known id with nothing settled is still an empty leaderboard', async () => {
    const result = await run(['--competition', 'en.1', '--json']);
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(result.text)).toMatchObject({ rows: [] });
  });
});

describe('leaderboard --competition on an empty embedded database', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'scoreline-leaderboard-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('exits 2 with one line saying no competitions are stored', async () => {
    const result = await runCli(['leaderboard', '--competition', 'xx.9'],
      { SCORELINE_DATA_DIR: path.join(root, 'data') });
    expect(result.code).toBe(2);
    expectOneCleanLine(result);
    expect(result.stderr).toMatch(/'xx.9' is not a known competition; no competitions are stored yet/);
    expect(result.stdout).toBe('');
  });
});
