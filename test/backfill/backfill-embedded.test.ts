import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackfillOptions } from '../../src/backfill/backfill-options.ts';
import { acquireDbRunLock } from '../../src/backfill/run-lock.ts';
import { runBackfill, type BackfillDeps } from '../../src/backfill/run-backfill.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { EmbeddedStageRunner } from '../../src/pipeline/embedded-stage-runner.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { expectFirstRun, predictionsOf } from './expect-scenario.ts';
import { SCENARIO_AS_OF, seedScenario, type Scenario } from './scenario.ts';
import { insertModels } from './seed.ts';
import { makeTestProcessors, type StageCalls } from './test-processors.ts';

const logger = makeLogger('silent');

describe.each(DATABASE_KINDS)('backfill in embedded mode on %s', (kind) => {
  let database: TestDatabase;
  let s: Scenario;
  let calls: StageCalls;

  function deps(failing: string[] = []): BackfillDeps {
    const db = database.db;
    return {
      db,
      logger,
      makeRunner: async () =>
        new EmbeddedStageRunner(
          makeTestProcessors(db, calls, { failingModels: new Set(failing) }),
          { attempts: { predictions: 1 } },
        ),
      acquireLock: () => acquireDbRunLock(db, 'backfill'),
    };
  }
  const options = (extra: string[] = []) =>
    parseBackfillOptions(['--as-of', SCENARIO_AS_OF.toISOString(), ...extra]);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    s = await seedScenario(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('plans without changing anything on a dry run', async () => {
    calls = { order: [], predictions: [] };
    const run = await runBackfill(options(['--dry-run']), deps());
    expect(run.exitCode).toBe(0);
    expect(run.report).toMatchObject({
      dryRun: true, gapsFound: 3, analysisJobs: 2, predictionJobs: 3,
      settlementJobs: 1, predictionsAdded: 0,
    });
    expect(calls.order).toEqual([]);
    expect(await predictionsOf(database.db, s.dueSoon)).toEqual([]);
  });

  it('repairs every gap: analysis first, missing models only, settled', async () => {
    calls = { order: [], predictions: [] };
    const run = await runBackfill(options(), deps());
    expect(run.exitCode).toBe(0);
    await expectFirstRun(database.db, s, run.report);
    expect(calls.order).toEqual([
      `analysis ${s.finished}`, `predictions ${s.finished}`,
      `settlement ${s.finished}`,
      `predictions ${s.live}`,
      `analysis ${s.dueSoon}`, `predictions ${s.dueSoon}`,
    ]);
    expect(calls.predictions).toEqual([
      { matchId: s.finished, modelIds: ['m2', 'm3'], retroactive: true },
      { matchId: s.live, modelIds: ['m2', 'm3'], retroactive: true },
      { matchId: s.dueSoon, modelIds: ['m1', 'm2', 'm3'], retroactive: true },
    ]);
  });

  it('finds nothing to do the second time', async () => {
    calls = { order: [], predictions: [] };
    const run = await runBackfill(options(), deps());
    expect(run.exitCode).toBe(0);
    expect(run.report).toMatchObject({
      gapsFound: 0, predictionJobs: 0, predictionsAdded: 0, matches: [],
    });
    expect(calls.order).toEqual([]);
  });

  it('records a failing model, goes on, and exits with 3', async () => {
    await insertModels(database.db, ['m4', 'm5']);
    calls = { order: [], predictions: [] };
    const run = await runBackfill(options(), deps(['m5']));
    expect(run.exitCode).toBe(3);
    // The new models open a gap in all four due matches, the complete one
    // too; m5 fails everywhere, m4 is added everywhere.
    expect(run.report.gapsFound).toBe(4);
    expect(run.report.predictionsAdded).toBe(4);
    expect(run.report.failed).toEqual(
      [s.finished, s.complete, s.live, s.dueSoon].map((matchId) => ({
        matchId,
        stage: 'predictions',
        reason: 'job failed: model(s) failed: m5',
      })),
    );
    // Settlement still ran for the finished ones, re-scoring with m4 (0-1):
    // the 1-1 match has 3 draws and 1 away win out of 4.
    expect(calls.order.filter((c) => c.startsWith('settlement'))).toEqual([
      `settlement ${s.finished}`, `settlement ${s.complete}`,
    ]);
    // Draw quota (6*4 + 14*3) / 30 = 2.2 -> 2, so 1-1 exact: 2+1+3 = 6;
    // away quota (6*4 + 14) / 10 = 3.8 -> 4, but m4 is wrong: 0.
    const complete = await predictionsOf(database.db, s.complete);
    expect(complete.map((p) => [p.modelId, p.quota, p.points])).toEqual([
      ['m1', 2, 6], ['m2', 2, 6], ['m3', 2, 6], ['m4', 4, 0],
    ]);
    expect(run.report.matches.map((m) => m.outcome)).toEqual([
      'failed', 'failed', 'failed', 'failed',
    ]);
  });

  it('refuses to start while another backfill holds the lock', async () => {
    const held = await acquireDbRunLock(database.db, 'backfill');
    try {
      await expect(runBackfill(options(), deps())).rejects.toThrow(
        /another backfill is running/,
      );
    } finally {
      await held.release();
    }
  });

  it('stops before the next match when interrupted', async () => {
    const controller = new AbortController();
    calls = { order: [], predictions: [] };
    const run = await runBackfill(options(), {
      ...deps(['m5']),
      signal: controller.signal,
      onMatchDone: () => controller.abort(),
    });
    expect(run.exitCode).toBe(130);
    expect(run.report.interrupted).toBe(true);
    expect(calls.predictions.map((c) => c.matchId)).toEqual([s.finished]);
  });
});
