import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.ts';
import { parseLogLevel, makeLogger } from '../../src/core/logger.ts';
import { assertDatabaseUrl } from '../../src/db/assert-database-url.ts';
import {
  connectTimeoutFromEnv,
  openDatabase,
} from '../../src/db/open-database.ts';
import { prepareDataDir } from '../../src/db/prepare-data-dir.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import { expectOneCleanLine, runCli } from './run-cli.ts';

// No test here may make a DNS lookup or connect anywhere: every URL is
// refused before a connection, and ports such as 99999 cannot be dialled.

const root = mkdtempSync(path.join(tmpdir(), 'scoreline-settings-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('SCORELINE_DATA_DIR that cannot be a folder', () => {
  const file = path.join(root, 'a-file');
  writeFileSync(file, 'x');

  it('a regular file: exit 2, one line naming the variable', async () => {
    const run = await runCli(['migrate'], { SCORELINE_DATA_DIR: file });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/SCORELINE_DATA_DIR .*a-file is a file, not a folder/);
  });

  it('a path under a regular file: exit 2, one line naming the file', async () => {
    const run = await runCli(['migrate'],
      { SCORELINE_DATA_DIR: path.join(file, 'sub') });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/SCORELINE_DATA_DIR .*sub is under the file .*a-file/);
  });

  it('a path on /proc is refused before mkdir (which never returns there)', () => {
    expect(() => prepareDataDir('/proc/scoreline-x'))
      .toThrow(/SCORELINE_DATA_DIR \/proc\/scoreline-x is on the proc pseudo file system/);
  });

  it('a path on /sys is refused too', () => {
    expect(() => prepareDataDir('/sys/scoreline-x')).toThrow(ConfigError);
  });

  it('openDatabase throws the same ConfigError for a file', async () => {
    await expect(openDatabase({ dataDir: file })).rejects.toThrow(ConfigError);
  });

  it('a missing folder is still created', () => {
    const dir = path.join(root, 'new', 'deeper');
    prepareDataDir(dir);
    prepareDataDir(dir);
  });
});

describe('SCORELINE_LOG_LEVEL that pino does not know', () => {
  it('verbose: exit 2, one line naming the variable and the levels', async () => {
    const run = await runCli(['migrate'], {
      SCORELINE_DATA_DIR: path.join(root, 'loglevel'),
      SCORELINE_LOG_LEVEL: 'verbose',
    });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(
      /SCORELINE_LOG_LEVEL is 'verbose'; set it to one of trace, debug, info, warn, error, fatal, silent/);
  });

  it('every pino level is accepted, unset or empty means info', () => {
    for (const level of ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']) {
      expect(parseLogLevel(level)).toBe(level);
    }
    expect(parseLogLevel(' DEBUG ')).toBe('debug');
    expect(parseLogLevel(undefined)).toBe('info');
    expect(parseLogLevel('')).toBe('info');
    expect(makeLogger('warn').level).toBe('warn');
  });

  it.each(['verbose', '10', 'warning'])("'%s' is a ConfigError", (text) => {
    expect(() => parseLogLevel(text)).toThrow(ConfigError);
    expect(() => makeLogger(text)).toThrow(/SCORELINE_LOG_LEVEL/);
  });
});

describe('DATABASE_URL that cannot be a PostgreSQL URL', () => {
  it.each([
    ['postgres://postgres@127.0.0.1:99999/x', /not a valid URL/],
    ['not a url', /not a valid URL/],
    ['mysql://root@127.0.0.1:3306/x', /scheme 'mysql:'/],
    ['postgres:///x', /names no host/],
    ['postgres://127.0.0.1:0/x', /port 0/],
  ])("migrate with '%s': exit 2, one line naming DATABASE_URL", async (url, why) => {
    const run = await runCli(['migrate'], { DATABASE_URL: url });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/DATABASE_URL/);
    expect(run.stderr).toMatch(why);
  });

  it('accepts postgres:, postgresql: and a socket folder in ?host=', () => {
    assertDatabaseUrl('postgres://u:p@127.0.0.1:5432/x');
    assertDatabaseUrl('postgresql://127.0.0.1/x');
    assertDatabaseUrl('postgres:///x?host=/var/run/postgresql');
  });

  it('does not echo a URL it cannot parse (it may hold a password)', () => {
    expect(() => assertDatabaseUrl('postgres://u:secret@h:99999/x'))
      .toThrow(/^DATABASE_URL is not a valid URL[^]*$/);
    expect(() => assertDatabaseUrl('postgres://u:secret@h:99999/x'))
      .not.toThrow(/secret/);
  });
});

describe('REDIS_URL that cannot be a Redis URL', () => {
  it.each([
    ['redis://127.0.0.1:99999', /not a valid URL/],
    ['not a url', /not a valid URL/],
    ['http://127.0.0.1:6379', /scheme 'http:'/],
    ['redis://127.0.0.1:0', /needs a host and a port/],
  ])("'%s' is a ConfigError naming REDIS_URL", (url, why) => {
    expect(() => redisOptions(url)).toThrow(ConfigError);
    expect(() => redisOptions(url)).toThrow(why);
    expect(() => redisOptions(url)).toThrow(/REDIS_URL/);
  });

  it('worker with REDIS_URL on port 99999: exit 2, one line', async () => {
    const run = await runCli(['worker'], {
      SCORELINE_DATA_DIR: path.join(root, 'worker'),
      REDIS_URL: 'redis://127.0.0.1:99999',
    });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/REDIS_URL is not a valid URL/);
  });

  it('keeps reading redis: and rediss: URLs as before', () => {
    expect(redisOptions('redis://:pw@127.0.0.1:6380/2')).toMatchObject(
      { host: '127.0.0.1', port: 6380, password: 'pw', db: 2, tls: undefined });
    expect(redisOptions('rediss://127.0.0.1').tls).toEqual({});
  });
});

describe('SCORELINE_DB_CONNECT_TIMEOUT_MS', () => {
  it('defaults to 10 000 ms and takes a positive number', () => {
    expect(connectTimeoutFromEnv('')).toBe(10_000);
    expect(connectTimeoutFromEnv('250')).toBe(250);
  });

  it.each(['0', '-5', 'soon', '1.5'])("'%s' is a ConfigError", (text) => {
    expect(() => connectTimeoutFromEnv(text))
      .toThrow(/SCORELINE_DB_CONNECT_TIMEOUT_MS is/);
  });
});
