import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db/open-database.ts';
import {
  insertAnalysis,
  insertMatch,
  insertModels,
  insertPrediction,
} from './seed.ts';

/** The as-of instant of the scenario: the window is 1 to 8 March 2026. */
export const SCENARIO_AS_OF = new Date('2026-03-08T12:00:00Z');

/** Match ids of the scenario by role. */
export interface Scenario {
  /** Finished 2-1, no analysis, predicted by m1 (1-0) and old (0-2). */
  finished: number;
  /** Finished 1-1, complete: analysis and m1, m2, m3. Not a gap. */
  complete: number;
  /** Live, analysis, predicted by m1 only. */
  live: number;
  /** Scheduled 20 min after as-of (due), nothing yet. */
  dueSoon: number;
  /** Scheduled the next day: not yet due. */
  later: number;
  /** Postponed in the window: never touched. */
  postponed: number;
  /** Finished before the window. */
  before: number;
}

/**
 * Three active models (m1, m2, m3), one inactive (old), and a match of
 * each kind the backfill must tell apart.
 */
export async function seedScenario(db: Db): Promise<Scenario> {
  await insertModels(db, ['m1', 'm2', 'm3']);
  await insertModels(db, ['old'], { active: false });
  const s: Scenario = {
    finished: await insertMatch(db, {
      key: 'finished', kickoff: '2026-03-05T15:00:00Z',
      status: 'finished', score: [2, 1],
    }),
    complete: await insertMatch(db, {
      key: 'complete', kickoff: '2026-03-06T15:00:00Z',
      status: 'finished', score: [1, 1],
    }),
    live: await insertMatch(db, {
      key: 'live', kickoff: '2026-03-08T11:30:00Z', status: 'live',
    }),
    dueSoon: await insertMatch(db, {
      key: 'due-soon', kickoff: '2026-03-08T12:20:00Z', status: 'scheduled',
    }),
    later: await insertMatch(db, {
      key: 'later', kickoff: '2026-03-09T15:00:00Z', status: 'scheduled',
    }),
    postponed: await insertMatch(db, {
      key: 'postponed', kickoff: '2026-03-07T15:00:00Z', status: 'postponed',
    }),
    before: await insertMatch(db, {
      key: 'before', kickoff: '2026-02-20T15:00:00Z',
      status: 'finished', score: [0, 2],
    }),
  };
  await insertPrediction(db, s.finished, 'm1', [1, 0]);
  await insertPrediction(db, s.finished, 'old', [0, 2]);
  await insertAnalysis(db, s.complete, true);
  for (const model of ['m1', 'm2', 'm3']) {
    await insertPrediction(db, s.complete, model, [1, 1]);
  }
  await insertAnalysis(db, s.live, true);
  await insertPrediction(db, s.live, 'm1', [0, 0]);
  return s;
}

/**
 * Writes a roster file with the scenario's models (m1 to m3 active, old
 * inactive, all answering 1-0), since the backfill command brings the
 * models table in line with the roster file. Returns its path.
 */
export function writeScenarioRoster(dir: string): string {
  const file = path.join(dir, 'scenario-roster.json');
  writeFileSync(file, JSON.stringify({
    providers: [],
    models: ['m1', 'm2', 'm3', 'old'].map((id) => ({
      id,
      provider: 'baseline',
      model: 'home-win-1-0',
      displayName: id,
      active: id !== 'old',
    })),
  }));
  return file;
}
