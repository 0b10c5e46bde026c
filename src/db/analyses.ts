import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { MatchContext } from '../core/types.ts';
import type { Db } from './open-database.ts';
import { analyses } from './schema.ts';

/** One stored analysis row. */
export interface StoredAnalysis {
  matchId: number;
  asOf: Date;
  context: MatchContext | null;
  complete: boolean;
  missing: string[];
  computedAt: Date;
}

/** What is written for one match's analysis. */
export interface AnalysisRow {
  matchId: number;
  asOf: Date;
  context: MatchContext;
  complete: boolean;
  missing: string[];
  /** Default: the database's current time. */
  computedAt?: Date;
}

/** Stores a match's analysis, replacing any earlier one (idempotent). */
export async function upsertAnalysis(db: Db, row: AnalysisRow): Promise<void> {
  const { matchId: _matchId, ...values } = row;
  const set = { ...values, computedAt: row.computedAt ?? sql`now()` };
  await db
    .insert(analyses)
    .values(row)
    .onConflictDoUpdate({ target: analyses.matchId, set });
}

/** The stored analysis of a match, or null when it has none. */
export async function getAnalysis(
  db: Db,
  matchId: number,
): Promise<StoredAnalysis | null> {
  const rows = await db
    .select()
    .from(analyses)
    .where(eq(analyses.matchId, matchId));
  return rows[0] ?? null;
}

/**
 * Whether the match has analysis: a stored row whose core fields were
 * really filled, not merely a row.
 */
export async function hasCompleteAnalysis(
  db: Db,
  matchId: number,
): Promise<boolean> {
  const rows = await db
    .select({ matchId: analyses.matchId })
    .from(analyses)
    .where(
      and(
        eq(analyses.matchId, matchId),
        eq(analyses.complete, true),
        isNotNull(analyses.context),
      ),
    );
  return rows.length > 0;
}
