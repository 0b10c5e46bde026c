import { asc, eq, sql } from 'drizzle-orm';
import { tendencyOf } from '../core/types.ts';
import type { Db } from './open-database.ts';
import { queryRows } from './query-rows.ts';
import { predictions } from './schema.ts';

/**
 * The predictions table: one prediction per (match, model). Reads first,
 * then one function per state-changing query.
 */

/** A stored prediction, as drizzle reads it. */
export type PredictionRow = typeof predictions.$inferSelect;

// ---------------------------------------------------------------- reads

/** How many predictions a match has (from any model, active or not). */
export async function countPredictions(
  db: Db,
  matchId: number,
): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(predictions)
    .where(eq(predictions.matchId, matchId));
  return row?.count ?? 0;
}

/** Every prediction of a match, ordered by model id. */
export async function listPredictions(
  db: Db,
  matchId: number,
): Promise<PredictionRow[]> {
  return db
    .select()
    .from(predictions)
    .where(eq(predictions.matchId, matchId))
    .orderBy(asc(predictions.modelId));
}

// --------------------------------------------------------------- writes

/** What a new prediction needs; the tendency follows from the score. */
export interface NewPrediction {
  matchId: number;
  modelId: string;
  homeGoals: number;
  awayGoals: number;
  /** Made by the backfill after the normal prediction time. Default false. */
  retroactive?: boolean;
  rawAnswer?: string | null;
  /** Default: the database's now(). */
  createdAt?: Date;
}

/**
 * Stores a prediction unless the model already has one for the match
 * (`on conflict do nothing`: the first answer stays). Returns true when
 * it inserted a row.
 */
export async function insertPrediction(
  db: Db,
  row: NewPrediction,
): Promise<boolean> {
  const inserted = await db
    .insert(predictions)
    .values({
      matchId: row.matchId,
      modelId: row.modelId,
      homeGoals: row.homeGoals,
      awayGoals: row.awayGoals,
      tendency: tendencyOf({ home: row.homeGoals, away: row.awayGoals }),
      retroactive: row.retroactive ?? false,
      rawAnswer: row.rawAnswer ?? null,
      ...(row.createdAt ? { createdAt: row.createdAt } : {}),
    })
    .onConflictDoNothing({
      target: [predictions.matchId, predictions.modelId],
    })
    .returning({ id: predictions.id });
  return inserted.length > 0;
}

/** The settlement columns of one prediction; all null when unscored. */
export interface PredictionScore {
  id: number;
  quota: number | null;
  pointsTendency: number | null;
  pointsGoalDifference: number | null;
  pointsExact: number | null;
  points: number | null;
  void: boolean;
  scoredAt: Date | null;
}

/**
 * Writes the settlement columns of many predictions in one statement.
 * Returns the number of rows updated.
 */
export async function writePredictionScores(
  db: Db,
  scores: readonly PredictionScore[],
): Promise<number> {
  if (scores.length === 0) return 0;
  const values = sql.join(
    scores.map(
      (s) => sql`(${s.id}::int, ${s.quota}::int, ${s.pointsTendency}::int,
        ${s.pointsGoalDifference}::int, ${s.pointsExact}::int,
        ${s.points}::int, ${s.void}::boolean,
        ${s.scoredAt?.toISOString() ?? null}::timestamptz)`,
    ),
    sql`, `,
  );
  const rows = await queryRows<{ id: number }>(
    db,
    sql`update predictions as p set
        quota = v.quota,
        points_tendency = v.points_tendency,
        points_goal_difference = v.points_goal_difference,
        points_exact = v.points_exact,
        points = v.points,
        void = v.void,
        scored_at = v.scored_at
      from (values ${values}) as v(id, quota, points_tendency,
        points_goal_difference, points_exact, points, void, scored_at)
      where p.id = v.id
      returning p.id`,
  );
  return rows.length;
}
