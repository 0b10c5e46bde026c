/**
 * SQL pieces shared by the parts of the analysis query: the match being
 * analysed, what counts as a result, and instants as ISO text.
 */
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
 * score was given, not played. Known shortcoming: competitions do count
 * an awarded result in their table, so a table can differ from the
 * official one after an award; it can go if tables should follow
 * competition rules (count awarded matches in the table, not the form).
 *
 * Results count when their kickoff is strictly before the analysed
 * match's. A match without a known time starts at local midnight, so it
 * counts before every timed match of its day even if it was played later
 * that day: the cut stays on the safe side for the match of unknown time
 * itself, and is a known approximation for the others of that day.
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
