import { UsageError } from '../core/errors.ts';
import { listCompetitions } from '../db/competitions.ts';
import type { Db } from '../db/open-database.ts';

/**
 * An unknown competition id is a usage error naming the known ones, not an
 * empty result that reads as "nothing to do". `flag` names the option.
 */
export async function assertKnownCompetition(
  db: Db,
  id: string,
  flag = '--competition',
): Promise<void> {
  const known = (await listCompetitions(db)).map((row) => row.id);
  if (known.includes(id)) return;
  const list = known.length > 0
    ? `known ids: ${known.join(', ')}`
    : 'no competitions are stored yet; import matches first';
  throw new UsageError(`${flag} '${id}' is not a known competition; ${list}`);
}
