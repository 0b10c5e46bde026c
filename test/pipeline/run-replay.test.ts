import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataDir } from '../../src/core/paths.ts';
import { predictions } from '../../src/db/schema.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { EmbeddedStageRunner } from '../../src/pipeline/embedded-stage-runner.ts';
import type { ReplayFault } from '../../src/pipeline/plan-replay.ts';
import { runReplay } from '../../src/pipeline/run-replay.ts';
import { makeStageProcessors } from '../../src/pipeline/stage-processors.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import { syncRoster } from '../../src/roster/sync-roster.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { premierLeagueFiles, silentLogger } from './pipeline-fixture.ts';

const BASELINES = ['elo', 'form', 'market', 'poisson'];
const FROM = new Date('2025-08-15T00:00:00Z');
const TO = new Date('2025-10-15T00:00:00Z');

/** Matches of the openfootball file dated in the period, counted by hand. */
function countFixturesInPeriod(): number {
  const file = path.join(sharedDataDir(), 'openfootball', '2025-26',
    'en.1.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    matches: { date: string }[];
  };
  return json.matches.filter(
    (m) => m.date >= '2025-08-15' && m.date < '2025-10-15').length;
}

/** Predictions the database should miss after a fault, by its kind. */
function missingAfter(fault: ReplayFault): number {
  if (fault.kind === 'lost-job') return BASELINES.length;
  if (fault.kind === 'model-failures') return fault.failedModels.length;
  return BASELINES.length - fault.answeredModels.length;
}

describe.each(DATABASE_KINDS)('replay of the 2025-26 Premier League on %s',
  { timeout: 300_000 }, (kind) => {
    let database: TestDatabase;
    let runner: EmbeddedStageRunner;

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      const data = sharedDataDir();
      // The season before gives the first matchdays their form.
      await importFiles(database.db, [
        path.join(data, 'openfootball', '2024-25', 'en.1.json'),
        path.join(data, 'football-data', 'E0-2024-25.csv'),
        ...premierLeagueFiles(),
      ], silentLogger);
      const roster = parseRoster({
        providers: [],
        models: BASELINES.map((id) => ({ id, provider: 'baseline',
          model: id, displayName: id, active: true })),
      }, 'test-roster.json', {});
      await syncRoster(database.db, roster);
      runner = new EmbeddedStageRunner(makeStageProcessors({
        db: database.db, roster, logger: silentLogger,
      }));
    }, 300_000);

    afterAll(async () => {
      await runner?.close();
      await database?.close();
    });

    const replay = (failRate: number, seed: number) =>
      runReplay({ db: database.db, runner, logger: silentLogger,
        from: FROM, to: TO, competitionId: 'en.1', failRate, seed });

    it('leaves no gap over two months with fail rate 0', async () => {
      const report = await replay(0, 1);
      const fixtures = countFixturesInPeriod();
      expect(report.matches).toBe(fixtures);
      expect(report.faults).toEqual([]);
      expect(report.failures).toEqual([]);
      expect(report.gaps).toEqual([]);
      expect(report.predictionsAdded).toBe(fixtures * BASELINES.length);
      expect(report.jobs.settlement.completed).toBe(fixtures);
    });

    it('leaves the same gaps each time with fail rate 0.2 and seed 1', async () => {
      await database.db.delete(predictions);
      const first = await replay(0.2, 1);
      await database.db.delete(predictions);
      const second = await replay(0.2, 1);

      expect(first.faults.length).toBeGreaterThan(0);
      expect(second.faults).toEqual(first.faults);
      expect(second.gaps).toEqual(first.gaps);
      // Every fault leaves a gap of its own size, and nothing else does.
      const expected = first.faults
        .map((fault) => ({ matchId: fault.matchId,
          missing: missingAfter(fault) }))
        .filter((gap) => gap.missing > 0)
        .sort((a, b) => a.matchId - b.matchId);
      expect(first.gaps).toEqual(expected);
      expect(first.failures).toEqual([]);
    });
  });
