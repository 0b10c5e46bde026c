import type { MatchStatus } from '../core/types.ts';
import { PREDICTION_LEAD_TIME_MS } from './prediction-lead-time.ts';
import { randomIndex, seededRandom, shuffled } from './seeded-random.ts';

/** How long before kickoff the live schedule analyses a match. */
export const ANALYSIS_LEAD_TIME_MS = 6 * 60 * 60 * 1000;

/** How long after kickoff a result is expected: when settlement runs. */
export const SETTLEMENT_DELAY_MS = 2 * 60 * 60 * 1000;

/** A match as the replay planner sees it. */
export interface ReplayMatch {
  id: number;
  /** The match's natural key (`matches.match_key`), the same everywhere. */
  key: string;
  kickoff: Date;
  status: MatchStatus;
  hasScore: boolean;
}

/**
 * A fault injected into one match, the kinds that leave gaps in real
 * deployments:
 * - lost-job: the predictions job never ran (lost on a restart);
 * - model-failures: some models' calls failed (provider timeouts) and
 *   every retry failed too;
 * - worker-crash: the worker died mid-job after some models answered and
 *   the job was not recovered (it had stalled too often).
 */
export type ReplayFault =
  | { kind: 'lost-job' }
  | { kind: 'model-failures'; failedModels: string[] }
  | { kind: 'worker-crash'; answeredModels: string[] };

/** What the replay does for one match, in the order it does it. */
export interface ReplayMatchPlan {
  matchId: number;
  kickoff: Date;
  analyseAt: Date;
  predictAt: Date;
  /** Null when the match has no result to settle. */
  settleAt: Date | null;
  /** Models the predictions job asks; empty when it does not run. */
  modelIds: string[];
  fault: ReplayFault | null;
}

export interface PlanReplayOptions {
  /** Active model ids; the planner sorts them itself. */
  modelIds: readonly string[];
  /** Probability of a fault per match, from 0 to 1. */
  failRate: number;
  seed: number;
}

/**
 * Plans a replay: the matches in kickoff order with the times the live
 * schedule would have run each stage, and the faults to inject. A pure
 * function of its input: the same matches, models, rate and seed give the
 * same plan, so the same gaps.
 */
export function planReplay(
  matches: readonly ReplayMatch[],
  options: PlanReplayOptions,
): ReplayMatchPlan[] {
  const models = [...options.modelIds].sort();
  const ordered = [...matches].sort(
    (a, b) => a.kickoff.getTime() - b.kickoff.getTime() || a.id - b.id,
  );

  return ordered.map((match) => {
    const at = match.kickoff.getTime();
    // A generator per match, from the seed and the match's natural key: a
    // match's fault depends neither on which other matches are replayed
    // nor on the ids one database happened to give them.
    const random = seededRandom(mixSeed(options.seed, hashKey(match.key)));
    const roll = random();
    const fault =
      roll < options.failRate && models.length > 0
        ? makeFault(random(), models, random)
        : null;
    const settles = match.status === 'finished' && match.hasScore;
    return {
      matchId: match.id,
      kickoff: match.kickoff,
      analyseAt: new Date(at - ANALYSIS_LEAD_TIME_MS),
      predictAt: new Date(at - PREDICTION_LEAD_TIME_MS),
      settleAt: settles ? new Date(at + SETTLEMENT_DELAY_MS) : null,
      modelIds: modelsAsked(models, fault),
      fault,
    };
  });
}

/** A 32-bit FNV-1a hash of a match key. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/** Mixes the seed and a match's hash into one 32-bit seed. */
function mixSeed(seed: number, matchHash: number): number {
  let h = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ matchHash ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function makeFault(
  kindRoll: number,
  models: string[],
  random: () => number,
): ReplayFault {
  if (kindRoll < 1 / 3) return { kind: 'lost-job' };
  const order = shuffled(random, models);
  if (kindRoll < 2 / 3) {
    // At least one model fails; at least one answers when there are two.
    const failing = 1 + randomIndex(random, Math.max(1, models.length - 1));
    return {
      kind: 'model-failures',
      failedModels: order.slice(0, failing).sort(),
    };
  }
  const answered = randomIndex(random, models.length);
  return { kind: 'worker-crash', answeredModels: order.slice(0, answered).sort() };
}

function modelsAsked(models: string[], fault: ReplayFault | null): string[] {
  if (!fault) return models;
  if (fault.kind === 'lost-job') return [];
  if (fault.kind === 'worker-crash') return fault.answeredModels;
  const failed = new Set(fault.failedModels);
  return models.filter((id) => !failed.has(id));
}
