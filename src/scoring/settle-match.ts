import { eq } from 'drizzle-orm';
import { systemClock, type Clock } from '../core/clock.ts';
import { scopedLogger, type Logger } from '../core/logger.ts';
import {
  tendencyOf,
  type MatchStatus,
  type Score,
} from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import {
  listPredictions,
  writePredictionScores,
  type PredictionRow,
  type PredictionScore,
} from '../db/predictions.ts';
import { matches } from '../db/schema.ts';
import { MatchNotFoundError } from './match-not-found-error.ts';
import { pointsFor } from './points-for.ts';
import { countTendencies, quotasFor, type Quotas } from './quota-for.ts';
import {
  scoringConfigFromEnv,
  type ScoringConfig,
} from './scoring-config.ts';

/**
 * What settlement did with a match:
 * - `scored`: finished with a regular-time score; every prediction scored;
 * - `void`: awarded; every prediction void, no points;
 * - `not-scored`: any other status (postponed, cancelled, abandoned, not
 *   yet played) or finished without a score; old points are cleared.
 */
export type SettleOutcome = 'scored' | 'void' | 'not-scored';

export interface SettleResult {
  matchId: number;
  /** The match status read under the row lock. */
  status: MatchStatus;
  outcome: SettleOutcome;
  /** Predictions of the match, retroactive or not. */
  predictions: number;
  /** Predictions that now carry points. */
  scored: number;
  /** Predictions now void. */
  voided: number;
  /** Predictions whose stored settlement changed in this run. */
  changed: number;
  /** The quotas used; null unless the outcome is `scored`. */
  quotas: Quotas | null;
}

/** Edges settlement can be given; defaults are the real ones. */
export interface SettleOptions {
  clock?: Clock;
  logger?: Logger;
}

/**
 * Settles one match in one transaction: locks the match row (so two
 * settlements of the same match run one after the other), reads every
 * prediction of the match whenever it was made, computes the quotas from
 * all of them and rewrites each prediction's quota, points breakdown,
 * points, `void` and `scored_at`.
 *
 * Safe to repeat: a prediction whose settlement is unchanged is not
 * written, so its `scored_at` keeps the time it got these values.
 * Throws MatchNotFoundError (unrecoverable) for an unknown match id.
 *
 * Shortcoming: inserting a prediction does not take the match row lock,
 * so a prediction stored while a settlement runs stays unscored until the
 * match is settled again (the backfill settles after its predictions, so
 * this only bites a caller that inserts into a settled match and does not
 * settle). It can go once insertPrediction locks the match row too.
 *
 * Without a config, the constants come from the environment
 * (`SCORELINE_QUOTA_MIN` and the others, see scoring-config.ts), read on
 * every call, so a worker picks up the operator's settings.
 */
export async function settleMatch(
  db: Db,
  matchId: number,
  config: ScoringConfig = scoringConfigFromEnv(),
  options: SettleOptions = {},
): Promise<SettleResult> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? scopedLogger('settlement', { matchId });
  const started = Date.now();

  const result = await db.transaction(async (tx) => {
    const [match] = await tx
      .select({
        status: matches.status,
        homeGoals: matches.homeGoals,
        awayGoals: matches.awayGoals,
      })
      .from(matches)
      .where(eq(matches.id, matchId))
      .for('update');
    if (!match) throw new MatchNotFoundError(matchId);

    const rows = await listPredictions(tx, matchId);
    const status = match.status as MatchStatus;
    const plan = planSettlement(status, match, rows, config, clock.now());
    const changed = plan.scores.filter((score, i) =>
      differs(rows[i] as PredictionRow, score),
    );
    await writePredictionScores(tx, changed);

    return {
      matchId,
      status,
      outcome: plan.outcome,
      predictions: rows.length,
      scored: plan.outcome === 'scored' ? rows.length : 0,
      voided: plan.outcome === 'void' ? rows.length : 0,
      changed: changed.length,
      quotas: plan.quotas,
    } satisfies SettleResult;
  });

  logger.info(
    { ...result, durationMs: Date.now() - started },
    `settled match ${matchId}: ${result.outcome}`,
  );
  return result;
}

interface SettlementPlan {
  outcome: SettleOutcome;
  quotas: Quotas | null;
  /** One per prediction, in the same order. */
  scores: PredictionScore[];
}

/** The settlement columns every prediction of the match should have. */
function planSettlement(
  status: MatchStatus,
  score: { homeGoals: number | null; awayGoals: number | null },
  rows: readonly PredictionRow[],
  config: ScoringConfig,
  now: Date,
): SettlementPlan {
  const empty = { quota: null, pointsTendency: null,
    pointsGoalDifference: null, pointsExact: null, points: null };

  if (status === 'awarded') {
    return {
      outcome: 'void',
      quotas: null,
      scores: rows.map((row) => ({
        id: row.id, ...empty, void: true, scoredAt: now,
      })),
    };
  }
  if (
    status !== 'finished' ||
    score.homeGoals === null ||
    score.awayGoals === null
  ) {
    return {
      outcome: 'not-scored',
      quotas: null,
      scores: rows.map((row) => ({
        id: row.id, ...empty, void: false, scoredAt: null,
      })),
    };
  }

  const actual = { home: score.homeGoals, away: score.awayGoals };
  const quotas = quotasFor(
    // From the scores, like pointsFor, so the two can never disagree.
    countTendencies(rows.map((row) => tendencyOf(predictedScore(row)))),
    config,
  );
  return {
    outcome: 'scored',
    quotas,
    scores: rows.map((row) => {
      const points = pointsFor(predictedScore(row), actual, quotas, config);
      return {
        id: row.id,
        quota: points.quota,
        pointsTendency: points.tendency,
        pointsGoalDifference: points.goalDifference,
        pointsExact: points.exact,
        points: points.points,
        void: false,
        scoredAt: now,
      };
    }),
  };
}

function predictedScore(row: PredictionRow): Score {
  return { home: row.homeGoals, away: row.awayGoals };
}

function differs(row: PredictionRow, score: PredictionScore): boolean {
  return (
    row.quota !== score.quota ||
    row.pointsTendency !== score.pointsTendency ||
    row.pointsGoalDifference !== score.pointsGoalDifference ||
    row.pointsExact !== score.pointsExact ||
    row.points !== score.points ||
    row.void !== score.void ||
    (row.scoredAt === null) !== (score.scoredAt === null)
  );
}
