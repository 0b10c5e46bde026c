import type { MatchContext } from '../core/types.ts';

type ContextWithoutMissing = Omit<MatchContext, 'missing'>;

/**
 * The fields of a context that could not be filled as of kickoff:
 * - `home.form` / `away.form`: the team has no result before kickoff in
 *   the stored data (its first match of the data);
 * - `home.table` / `away.table`: no table line (does not happen for a
 *   stored match, both teams always stand in its table);
 * - `odds`: no bookmaker odds stored for the match;
 * - `injuries`: no data source in use has them.
 * An empty head-to-head is not listed: two teams that never met is a fact,
 * not a gap.
 */
export function listMissing(context: ContextWithoutMissing): string[] {
  const missing: string[] = [];
  for (const side of ['home', 'away'] as const) {
    if (context[side].form.length === 0) missing.push(`${side}.form`);
    if (!context[side].table) missing.push(`${side}.table`);
  }
  if (!context.odds) missing.push('odds');
  if (!context.injuries) missing.push('injuries');
  return missing;
}

/**
 * Whether the core of a context was really filled. Core: both teams' form
 * lists and table lines exist, and at least one of the two teams has a
 * result before kickoff. A team's form may be empty (its first match of
 * the data), but a match with no earlier result for either team carries
 * no information and is not complete. Odds and injuries are not core.
 */
export function isCoreFilled(context: ContextWithoutMissing): boolean {
  const { home, away } = context;
  if (!Array.isArray(home.form) || !Array.isArray(away.form)) return false;
  if (!home.table || !away.table) return false;
  return home.form.length + away.form.length > 0;
}
