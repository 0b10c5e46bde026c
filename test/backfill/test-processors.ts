import type { MatchContext } from '../../src/core/types.ts';
import {
  hasCompleteAnalysis,
  upsertAnalysis,
} from '../../src/db/analyses.ts';
import type { Db } from '../../src/db/open-database.ts';
import { insertPrediction } from '../../src/db/predictions.ts';
import type { StageProcessors } from '../../src/pipeline/stages.ts';
import { settleMatch } from '../../src/scoring/settle-match.ts';

/** What the stage processors were asked to do, in order. */
export interface StageCalls {
  order: string[];
  predictions: { matchId: number; modelIds: string[]; retroactive: boolean }[];
}

/** The score a test model gives: home goals = model number, away 1. */
export function testScore(modelId: string): [number, number] {
  const digits = Number(modelId.replace(/\D/g, '') || '0');
  return [digits % 4, 1];
}

export interface TestProcessorOptions {
  /** Models whose call fails (no prediction stored). */
  failingModels?: Set<string>;
  /** Called before a predictions job stores anything; may block. */
  beforePredictions?: (matchId: number) => Promise<void>;
}

/**
 * Stage processors that write real rows: analysis stores a complete stub
 * context, predictions store testScore per asked model (failing when the
 * match has no analysis, like the real stage), settlement is the real one.
 */
export function makeTestProcessors(
  db: Db,
  calls: StageCalls,
  options: TestProcessorOptions = {},
): StageProcessors {
  return {
    async analysis({ matchId }) {
      calls.order.push(`analysis ${matchId}`);
      await upsertAnalysis(db, {
        matchId,
        asOf: new Date('2026-01-01T00:00:00Z'),
        context: { matchId } as unknown as MatchContext,
        complete: true,
        missing: [],
        computedAt: new Date(),
      });
      return { matchId, complete: true, missing: [] };
    },
    async predictions({ matchId, modelIds, retroactive }) {
      calls.order.push(`predictions ${matchId}`);
      const asked = modelIds ?? [];
      calls.predictions.push({ matchId, modelIds: asked, retroactive });
      if (!(await hasCompleteAnalysis(db, matchId))) {
        throw new Error(`match ${matchId} has no analysis`);
      }
      await options.beforePredictions?.(matchId);
      const added: string[] = [];
      const already: string[] = [];
      const failed: string[] = [];
      for (const modelId of asked) {
        if (options.failingModels?.has(modelId)) {
          failed.push(modelId);
          continue;
        }
        const [homeGoals, awayGoals] = testScore(modelId);
        const stored = await insertPrediction(db, {
          matchId, modelId, homeGoals, awayGoals, retroactive,
        });
        (stored ? added : already).push(modelId);
      }
      if (failed.length > 0) {
        throw new Error(`model(s) failed: ${failed.join(', ')}`);
      }
      return { matchId, added, failed: [], alreadyPredicted: already };
    },
    async settlement({ matchId }) {
      calls.order.push(`settlement ${matchId}`);
      return { ...(await settleMatch(db, matchId)) };
    },
  };
}
