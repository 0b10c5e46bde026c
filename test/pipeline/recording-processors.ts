import { UnrecoverableError } from 'bullmq';
import type {
  PredictionsPayload,
  StageProcessors,
} from '../../src/pipeline/stages.ts';

/** What the test processors were asked to do, and a way to hold a job. */
export interface RecordingProcessors {
  processors: StageProcessors;
  /** Payload of every call, per stage, in call order. */
  calls: { analysis: number[]; predictions: PredictionsPayload[];
    settlement: number[] };
  /** Until released, jobs of these match ids wait in the processor. */
  hold(matchId: number): { started: Promise<void>; release: () => void };
  /** Match ids whose next `n` calls throw a retryable error. */
  failNext(matchId: number, n: number): void;
}

/**
 * Simple processors for queue tests: they record their calls, can be held
 * mid-job, fail on demand, and throw an unrecoverable error for match 404.
 */
export function makeRecordingProcessors(): RecordingProcessors {
  const calls: RecordingProcessors['calls'] = {
    analysis: [], predictions: [], settlement: [],
  };
  const holds = new Map<number, { started: () => void; gate: Promise<void> }>();
  const failures = new Map<number, number>();

  async function enter(matchId: number): Promise<void> {
    if (matchId === 404) {
      throw new UnrecoverableError(`match ${matchId} does not exist`);
    }
    const hold = holds.get(matchId);
    if (hold) {
      hold.started();
      await hold.gate;
    }
    const left = failures.get(matchId) ?? 0;
    if (left > 0) {
      failures.set(matchId, left - 1);
      throw new Error(`provider timeout for match ${matchId}`);
    }
  }

  return {
    calls,
    processors: {
      async analysis({ matchId }) {
        calls.analysis.push(matchId);
        await enter(matchId);
        return { matchId, complete: true, missing: [] };
      },
      async predictions(payload) {
        calls.predictions.push(payload);
        await enter(payload.matchId);
        const added = payload.modelIds ?? ['elo', 'poisson', 'market'];
        return { matchId: payload.matchId, added, failed: [],
          alreadyPredicted: [] };
      },
      async settlement({ matchId }) {
        calls.settlement.push(matchId);
        await enter(matchId);
        return { matchId, outcome: 'scored' };
      },
    },
    hold(matchId) {
      let release = () => undefined as void;
      let started = () => undefined as void;
      const startedPromise = new Promise<void>((resolve) => {
        started = resolve;
      });
      const gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      holds.set(matchId, { started, gate });
      return {
        started: startedPromise,
        release: () => {
          holds.delete(matchId);
          release();
        },
      };
    },
    failNext(matchId, n) {
      failures.set(matchId, n);
    },
  };
}
