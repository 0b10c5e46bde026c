import { sql, type SQL } from 'drizzle-orm';

/**
 * A `timestamptz` expression as the string `Date.toISOString()` gives, so
 * that both database drivers hand back the same text.
 */
export function isoInstant(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC',
    'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The condition for a row of `matches` (under the given alias) to count
 * as a result: finished, with a score. Awarded matches are left out: their
 * score was given, not played.
 */
export function isResult(alias: string): SQL {
  const m = sql.raw(alias);
  return sql`(${m}.status = 'finished' and ${m}.home_goals is not null)`;
}

/**
 * The match being analysed: the analysis query reads it as
 * `from matches target`, and the parts of the context are correlated
 * subqueries on its columns (kickoff, teams, competition, season).
 */
export const TARGET = sql.raw('target');
