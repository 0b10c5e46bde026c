// A predictions job whose every failure is permanent (the market baseline
// without odds, say) fails at once with the reasons instead of being
// retried with backoff; while one failure is transient it is retried.
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BaselineUnavailableError } from '../../src/baselines/index.ts';
import type { Forecaster } from '../../src/models/forecaster.ts';
import { EmbeddedStageRunner } from '../../src/pipeline/embedded-stage-runner.ts';
import { STAGE_ATTEMPTS } from '../../src/pipeline/queue-settings.ts';
import { makeStageProcessors } from '../../src/pipeline/stage-processors.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import { syncRoster } from '../../src/roster/sync-roster.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { seedMatches } from './seed-matches.ts';

const roster = parseRoster(
  {
    models: ['no-odds', 'flaky', 'slow-server'].map((id) => ({
      id,
      provider: 'baseline',
      model: id,
      displayName: id,
    })),
  },
  'test-roster.json',
  {},
);

describe.each(DATABASE_KINDS)('predictions job retries on %s', (kind) => {
  let database: TestDatabase;
  let matchIds: number[];
  const calls = new Map<string, number>();
  const count = (id: string) => {
    const n = (calls.get(id) ?? 0) + 1;
    calls.set(id, n);
    return n;
  };
  const forecaster = (
    modelId: string,
    answer: (call: number) => Promise<{ home: number; away: number }>,
  ): Forecaster => ({
    modelId,
    async forecast() {
      const score = await answer(count(modelId));
      return { score, rawAnswer: 'test' };
    },
  });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await syncRoster(database.db, roster);
    matchIds = await seedMatches(database.db, [
      { kickoff: '2024-11-09T15:00:00Z', status: 'finished', score: [1, 0] },
      { kickoff: '2024-11-10T15:00:00Z', status: 'finished', score: [2, 2] },
    ]);
  });
  afterAll(async () => {
    await database.close();
  });

  function runnerFor(modelIds: string[]) {
    const processors = makeStageProcessors({
      db: database.db,
      roster,
      logger: pino({ level: 'silent' }),
      env: {},
      maxConsecutiveFailures: 100,
      baselines: {
        'no-odds': (id) => forecaster(id, async () => {
          throw new BaselineUnavailableError(id, 0, 'no odds for this match');
        }),
        // Transient on its first call only.
        flaky: (id) => forecaster(id, async (call) => {
          if (call === 1) throw new Error('upstream timed out');
          return { home: 1, away: 1 };
        }),
        // Transient on every call.
        'slow-server': (id) => forecaster(id, async () => {
          throw new Error('HTTP 503 from the provider');
        }),
      },
    });
    return (matchId: number) =>
      new EmbeddedStageRunner(processors).run(
        'predictions',
        { matchId, modelIds, retroactive: true },
        `predictions-test-${matchId}-${modelIds.join('-')}`,
        30_000,
      );
  }

  it('fails at once when every failure is permanent', async () => {
    calls.clear();
    const outcome = await runnerFor(['no-odds'])(matchIds[0]!);
    expect(outcome.state).toBe('failed');
    expect(calls.get('no-odds')).toBe(1);
    if (outcome.state !== 'failed') return;
    expect(outcome.reason).toContain('no odds for this match');
    expect(outcome.reason).toContain('asking again cannot help');
  });

  it('retries while a failure is transient, then stops', async () => {
    calls.clear();
    const outcome = await runnerFor(['flaky', 'no-odds'])(matchIds[1]!);
    // Attempt 1: both fail, one transiently; attempt 2: flaky answers and
    // only the permanent failure is left, so no third attempt.
    expect(calls.get('flaky')).toBe(2);
    expect(calls.get('no-odds')).toBe(2);
    expect(outcome.state).toBe('failed');
  });

  it('uses every attempt for a failure that is always transient', async () => {
    calls.clear();
    const outcome = await runnerFor(['slow-server'])(matchIds[1]!);
    expect(outcome.state).toBe('failed');
    expect(calls.get('slow-server')).toBe(STAGE_ATTEMPTS.predictions);
    expect(STAGE_ATTEMPTS.predictions).toBeGreaterThan(1);
  });
});
