import { listModels } from '../db/models.ts';
import type { Db } from '../db/open-database.ts';
import type { Roster } from '../roster/roster.ts';

/**
 * The ids of the models active now, without writing anything: active in
 * the roster file (listed active, with its key set) and not disabled in
 * the models table (a model the table does not know yet is not disabled).
 * What the gap query takes, so that a dry run sees a newly activated
 * model without syncing the roster into the table. Sorted.
 */
export async function readActiveModelIds(
  db: Db,
  roster: Roster,
): Promise<string[]> {
  const disabled = new Set(
    (await listModels(db))
      .filter((row) => row.disabledAt !== null)
      .map((row) => row.id),
  );
  return roster.models
    .filter((model) => model.active && !disabled.has(model.id))
    .map((model) => model.id)
    .sort();
}
