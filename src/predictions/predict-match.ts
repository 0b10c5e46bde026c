import { eq } from 'drizzle-orm';
import { BaselineUnavailableError } from '../baselines/index.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import { messageOf } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { PREDICTABLE_STATUSES, type MatchStatus } from '../core/types.ts';
import { getAnalysis } from '../db/analyses.ts';
import {
  getActiveModels,
  recordFailure,
  recordSuccesses,
} from '../db/models.ts';
import type { Db } from '../db/open-database.ts';
import { insertPrediction, listPredictions } from '../db/predictions.ts';
import { matches } from '../db/schema.ts';
import { LlmRequestError } from '../llm/llm-errors.ts';
import type { Forecaster, ForecastInput } from '../models/forecaster.ts';
import { readMaxConsecutiveFailures } from '../roster/max-consecutive-failures.ts';
import type { Roster } from '../roster/roster.ts';
import { makePastResultsLoader } from './load-past-results.ts';
import {
  makeForecasters,
  type ForecasterDeps,
  type Forecasters,
} from './make-forecasters.ts';
import {
  AnalysisNotReadyError,
  MatchNotPredictableError,
} from './prediction-errors.ts';

/** The edges of the predictions stage. */
export interface PredictMatchDeps extends Omit<ForecasterDeps, 'logger'> {
  db: Db;
  roster: Roster;
  logger: Logger;
  clock?: Clock;
  /** Default: `SCORELINE_MAX_CONSECUTIVE_FAILURES`, else 5. */
  maxConsecutiveFailures?: number;
  /** Forecasters made once for many matches; default: made per call. */
  forecasters?: Forecasters;
  /** Stops waiting models (Ctrl+C, job cancelled). */
  signal?: AbortSignal;
}

export interface PredictMatchInput {
  matchId: number;
  /** Only these models; default every active model. */
  modelIds?: string[];
  /** Made after the match's normal prediction time (the backfill). */
  retroactive: boolean;
}

/** What one run of the stage did for a match, model by model. */
export interface PredictMatchResult {
  matchId: number;
  /** Models whose prediction this run stored. */
  added: string[];
  /** Models that gave no stored prediction in this run, and why. */
  failed: PredictionFailure[];
  /** Models that had a prediction already; left alone. */
  alreadyPredicted: string[];
  /**
   * Wanted models that are no longer active (disabled meanwhile, or made
   * inactive in the roster): not asked, and not a failure of the match.
   */
  skipped: { modelId: string; reason: string }[];
}

/** One model's failure to give a stored prediction. */
export interface PredictionFailure {
  modelId: string;
  reason: string;
  /**
   * True when asking again cannot help: a baseline without its input
   * (the market baseline without odds), a model without a forecaster in
   * this process, an LLM call refused for its configuration (HTTP 401,
   * 403, 404). Timeouts, 429, 5xx and unreadable answers are transient.
   */
  permanent: boolean;
}

/**
 * Predicts one match with every active model that has no prediction yet
 * (or the given ones), all models at once within their providers' limits.
 * Each answer is stored as soon as it arrives; one model's failure never
 * blocks the others, and each model's health is updated. Throws
 * AnalysisNotReadyError (retry later) or MatchNotPredictableError (never).
 * A database error while storing is thrown after the other models finish,
 * so that the job is retried for the models still missing.
 */
export async function predictMatch(
  deps: PredictMatchDeps,
  input: PredictMatchInput,
): Promise<PredictMatchResult> {
  const { db } = deps;
  const { matchId } = input;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child({ stage: 'predictions', matchId });
  const started = Date.now();

  const kickoff = await loadPredictableKickoff(db, matchId);
  const analysis = await getAnalysis(db, matchId);
  if (!analysis?.complete || !analysis.context) {
    throw new AnalysisNotReadyError(matchId);
  }

  // Which models should answer, and which already did.
  const active = new Set((await getActiveModels(db)).map((m) => m.id));
  const wanted = input.modelIds ?? [...active];
  const predicted = new Set(
    (await listPredictions(db, matchId)).map((p) => p.modelId),
  );
  const result: PredictMatchResult = {
    matchId,
    added: [],
    failed: [],
    alreadyPredicted: [],
    skipped: [],
  };
  const todo: string[] = [];
  for (const modelId of new Set(wanted)) {
    if (predicted.has(modelId)) result.alreadyPredicted.push(modelId);
    else if (!active.has(modelId)) {
      // Disabled during a backfill, say: the missing models are those
      // active now, so this is no failure of the match.
      result.skipped.push({
        modelId,
        reason: 'model is not active or is disabled',
      });
    } else todo.push(modelId);
  }

  const forecasters = deps.forecasters ?? makeForecasters(deps.roster, deps);
  const maxConsecutive =
    deps.maxConsecutiveFailures ?? readMaxConsecutiveFailures(deps.env);
  const forecastInput: ForecastInput = {
    context: analysis.context,
    pastResults: makePastResultsLoader(db, kickoff),
  };

  const storeErrors: unknown[] = [];
  // Health of the models that answered is written once at the end: on the
  // single connection of PGlite, one update per model doubled the time
  // the stage spends in the database.
  const answered: string[] = [];
  await Promise.all(
    todo.map(async (modelId) => {
      const forecaster = forecasters.byModelId.get(modelId);
      if (!forecaster) {
        const reason =
          forecasters.unavailable.get(modelId) ??
          missingForecasterReason(deps.roster, modelId);
        result.failed.push({ modelId, reason, permanent: true });
        return;
      }
      const outcome = await runForecaster(
        forecaster, forecastInput, deps.signal,
      );
      try {
        if ('reason' in outcome) {
          result.failed.push({
            modelId,
            reason: outcome.reason,
            permanent: outcome.permanent,
          });
          logger.warn({ modelId, reason: outcome.reason }, 'model gave no prediction');
          if (!outcome.countsAgainstHealth) return;
          const health = await recordFailure(
            db, modelId, outcome.reason, maxConsecutive, clock.now(),
          );
          if (health?.disabledNow) {
            logger.warn(
              { modelId, failures: health.consecutiveFailures },
              `model disabled after ${health.consecutiveFailures} failures in a row; run 'scoreline models enable ${modelId}' once fixed`,
            );
          }
          return;
        }
        const inserted = await insertPrediction(db, {
          matchId,
          modelId,
          homeGoals: outcome.forecast.score.home,
          awayGoals: outcome.forecast.score.away,
          retroactive: input.retroactive,
          rawAnswer: outcome.forecast.rawAnswer,
        });
        if (inserted) result.added.push(modelId);
        else result.alreadyPredicted.push(modelId);
        answered.push(modelId);
      } catch (error) {
        storeErrors.push(error);
        result.failed.push({
          modelId,
          reason: `cannot store: ${messageOf(error)}`,
          permanent: false,
        });
      }
    }),
  );

  try {
    await recordSuccesses(db, answered, clock.now());
  } catch (error) {
    storeErrors.push(error);
  }

  for (const list of [result.added, result.alreadyPredicted]) list.sort();
  result.failed.sort((a, b) => a.modelId.localeCompare(b.modelId));
  result.skipped.sort((a, b) => a.modelId.localeCompare(b.modelId));
  logger.info(
    {
      added: result.added.length,
      failed: result.failed.length,
      alreadyPredicted: result.alreadyPredicted.length,
      skipped: result.skipped.map((entry) => entry.modelId),
      retroactive: input.retroactive,
      durationMs: Date.now() - started,
    },
    'predictions stage done for the match',
  );
  if (storeErrors.length > 0) throw storeErrors[0];
  return result;
}

type Outcome =
  | { forecast: Awaited<ReturnType<Forecaster['forecast']>> }
  | { reason: string; countsAgainstHealth: boolean; permanent: boolean };

/** A forecaster's answer or its failure, never a rejection. */
async function runForecaster(
  forecaster: Forecaster,
  input: ForecastInput,
  signal: AbortSignal | undefined,
): Promise<Outcome> {
  try {
    return { forecast: await forecaster.forecast(input, signal) };
  } catch (error) {
    // A baseline that lacks input for this match (the market baseline
    // without odds) is not unhealthy; it would only be disabled wrongly.
    const unavailable = error instanceof BaselineUnavailableError;
    const refused = error instanceof LlmRequestError && error.kind === 'config';
    return {
      reason: messageOf(error),
      countsAgainstHealth: !unavailable,
      permanent: unavailable || refused,
    };
  }
}

/** Why a model active in the database has no forecaster here. */
function missingForecasterReason(roster: Roster, modelId: string): string {
  const model = roster.models.find((m) => m.id === modelId);
  if (!model) {
    return `model is not in the roster ${roster.file}; add it or run 'scoreline models sync'`;
  }
  return `model is inactive in this process: ${model.inactiveReason ?? `inactive in the roster ${roster.file}`}; run 'scoreline models sync' after changing the roster`;
}

/** The kickoff of a match that may be predicted; throws otherwise. */
async function loadPredictableKickoff(db: Db, matchId: number): Promise<Date> {
  const rows = await db
    .select({ status: matches.status, kickoff: matches.kickoff })
    .from(matches)
    .where(eq(matches.id, matchId));
  const match = rows[0];
  if (!match) throw new MatchNotPredictableError(matchId, 'no such match');
  if (!PREDICTABLE_STATUSES.includes(match.status as MatchStatus)) {
    throw new MatchNotPredictableError(matchId, `it is ${match.status}`);
  }
  return match.kickoff;
}
