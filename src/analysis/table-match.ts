import { sql, type SQL } from 'drizzle-orm';
import { COMPETITIONS } from '../import/competition-catalog.ts';

/**
 * The rounds of a cup that form a table: the league phase (openfootball
 * `League, Matchday 3`; API-Football `League Stage - 3` is stored under
 * that name) and a group stage (API-Football `Group Stage - 2`; older
 * openfootball files call group games `Matchday 2`). Everything else in a
 * cup is a qualifying, play-off or knockout round (`Playoffs, Matchday 1`,
 * `Finals, Round of 16`, `Knockout Round Play-offs`, ...) and never
 * counts in a table.
 */
const CUP_TABLE_ROUND = '^(League, Matchday|Group Stage -|Matchday) [0-9]+$';

/** Ids of the cups of the catalog, whose rounds decide what counts. */
const CUP_IDS = COMPETITIONS.filter((c) => c.cup).map((c) => c.id);

/**
 * The condition for a row of `matches` (under the given alias) to count in
 * its competition's table. In a league every match counts, whatever its
 * round (openfootball `Matchday 12`, none from football-data). In a cup
 * only the league phase or group stage counts (see CUP_TABLE_ROUND), so
 * the table before a final is the league-phase table, not league phase
 * plus knockout games.
 *
 * Known shortcoming: a group stage gives one table over all groups, since
 * matches carry no group; a team's position is then among every group's
 * teams, not its own group's. It can go once matches store their group.
 */
export function isTableMatch(alias: string): SQL {
  const m = sql.raw(alias);
  if (CUP_IDS.length === 0) return sql`true`;
  const cups = sql.join(CUP_IDS.map((id) => sql`${id}`), sql`, `);
  return sql`(${m}.competition_id not in (${cups})
    or coalesce(${m}.round ~ ${CUP_TABLE_ROUND}, false))`;
}
