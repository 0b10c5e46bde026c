import { InputError } from '../core/errors.ts';
import type { TeamNameSeen } from './match-record.ts';
import { canonicalTeamName } from './team-aliases.ts';

/**
 * The canonical name of a team name read from a file, remembered in
 * `seen` so the alias can be stored. An unknown name is an InputError.
 */
export function resolveTeamName(
  file: string,
  name: string | null,
  seen: TeamNameSeen[],
): string {
  if (!name) throw new InputError('a match has no team name', file);
  const canonical = canonicalTeamName(name);
  if (!canonical) {
    throw new InputError(
      `unknown team name '${name}'; add it to TEAM_ALIASES in src/import/team-aliases.ts`,
      file,
    );
  }
  seen.push({ alias: name, canonical });
  return canonical;
}
