import { UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectionError, UsageError } from '../../src/core/errors.ts';
import { EmbeddedStageRunner } from '../../src/pipeline/embedded-stage-runner.ts';
import { openStageRunner } from '../../src/pipeline/open-stage-runner.ts';
import { PredictionsIncompleteError } from '../../src/pipeline/predictions-incomplete-error.ts';
import { assertRedisReachable } from '../../src/pipeline/redis-connection.ts';
import {
  makeStageProcessors,
  type StageDeps,
} from '../../src/pipeline/stage-processors.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import { syncRoster } from '../../src/roster/sync-roster.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import {
  TEST_REDIS_URL,
  makeTestPrefix,
  removePrefix,
} from '../helpers/redis.ts';
import {
  findMatchId,
  importPremierLeague,
  silentLogger,
} from './pipeline-fixture.ts';

describe('stage processors', () => {
  let database: TestDatabase;
  let deps: StageDeps;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await importPremierLeague(database.db);
    // 'nowhere' names no built-in baseline: it can never answer.
    const roster = parseRoster({ providers: [], models: [
      { id: 'elo', provider: 'baseline', model: 'elo', displayName: 'Elo',
        active: true },
      { id: 'nowhere', provider: 'baseline', model: 'nowhere',
        displayName: 'Nowhere', active: true },
    ] }, 'test-roster.json', {});
    await syncRoster(database.db, roster);
    deps = { db: database.db, roster, logger: silentLogger };
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('turns an unknown match into an UnrecoverableError', async () => {
    const processors = makeStageProcessors(deps);
    await expect(processors.analysis({ matchId: 999_999 }))
      .rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processors.settlement({ matchId: 999_999 }))
      .rejects.toBeInstanceOf(UnrecoverableError);
    await expect(processors.predictions({ matchId: 999_999,
      retroactive: false })).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it('keeps analysis not ready retryable', async () => {
    const matchId = await findMatchId(database.db, 'Fulham FC',
      'Arsenal FC');
    const error = await makeStageProcessors(deps)
      .predictions({ matchId, retroactive: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(UnrecoverableError);
  });

  it('does not report success when a model gave no prediction', async () => {
    const matchId = await findMatchId(database.db, 'Fulham FC',
      'Arsenal FC');
    const processors = makeStageProcessors(deps);
    await processors.analysis({ matchId });
    const error = await processors
      .predictions({ matchId, retroactive: false })
      .catch((e: unknown) => e);
    // 'nowhere' can never answer here: no retry, the result is the cause.
    expect(error).toBeInstanceOf(UnrecoverableError);
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(PredictionsIncompleteError);
    const { result } = cause as PredictionsIncompleteError;
    expect(result.added).toEqual(['elo']);
    expect(result.failed.map((f) => f.modelId)).toEqual(['nowhere']);
    // A retry leaves the stored prediction alone and asks only the rest.
    const again = await processors
      .predictions({ matchId, retroactive: false })
      .catch((e: Error) => (e.cause as PredictionsIncompleteError).result);
    expect(again.added).toEqual([]);
    expect(again.alreadyPredicted).toEqual(['elo']);
  });

  it('runs embedded without REDIS_URL', async () => {
    const runner = await openStageRunner({ deps, logger: silentLogger,
      env: {} });
    expect(runner).toBeInstanceOf(EmbeddedStageRunner);
    await runner.close();
  });

  it('refuses BullMQ when no worker serves the queues', async () => {
    const prefix = makeTestPrefix('no-workers');
    try {
      await expect(openStageRunner({ deps, logger: silentLogger, env: {
        REDIS_URL: TEST_REDIS_URL,
        SCORELINE_QUEUE_PREFIX: prefix,
      } })).rejects.toThrow(/no worker serves the analysis queue/);
    } finally {
      await removePrefix(prefix);
    }
  });
});

describe('Redis reachability', () => {
  it('fails fast with one line when Redis cannot be reached', async () => {
    const error = await assertRedisReachable('redis://127.0.0.1:1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe(
      "cannot reach Redis at redis://127.0.0.1:1: connect ECONNREFUSED 127.0.0.1:1; check REDIS_URL and that the server is running");
  });
});

describe('worker and replay options', () => {
  it('tells that workers need Redis when REDIS_URL is unset', async () => {
    const { workerCommand } = await import('../../src/cli/commands/worker.ts');
    const saved = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      await expect(workerCommand.run({ argv: [], stdout: process.stdout,
        logger: silentLogger, signal: new AbortController().signal }))
        .rejects.toThrow(UsageError);
    } finally {
      if (saved !== undefined) process.env.REDIS_URL = saved;
    }
  });

  it.each([
    [['--to', '2025-10-14'], /--from is required/],
    [['--from', '2025-08-15', '--to', 'soon'], /--to 'soon' is not a date/],
    [['--from', '2025-08-15', '--to', '2025-10-14', '--fail-rate', '1.5'],
      /--fail-rate '1.5' must be a number from 0 to 1/],
    [['--from', '2025-08-15', '--to', '2025-10-14', '--seed', '-1'],
      /--seed/],
  ])('refuses replay %j', async (argv, message) => {
    const { replayCommand } = await import('../../src/cli/commands/replay.ts');
    const error = await replayCommand.run({ argv, stdout: process.stdout,
      logger: silentLogger, signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(message);
  });
});
