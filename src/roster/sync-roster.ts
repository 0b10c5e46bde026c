import { deactivateModelsExcept, upsertModels } from '../db/models.ts';
import type { Db } from '../db/open-database.ts';
import type { Roster } from './roster.ts';

/** What a sync changed. */
export interface SyncRosterResult {
  /** Roster models written (inserted or updated). */
  synced: number;
  /** Models in the database but no longer in the roster, now inactive. */
  deactivated: string[];
}

/**
 * Brings the models table in line with the roster: names and active flags
 * from the roster (a model whose key is unset is inactive), health columns
 * kept; models no longer in the roster become inactive.
 */
export async function syncRoster(
  db: Db,
  roster: Roster,
  at: Date = new Date(),
): Promise<SyncRosterResult> {
  const entries = roster.models.map((model) => ({
    id: model.id,
    provider: model.provider,
    apiModel: model.model,
    displayName: model.displayName,
    kind: model.kind,
    active: model.active,
  }));
  return db.transaction(async (tx) => {
    const scoped = tx as unknown as Db;
    await upsertModels(scoped, entries, at);
    const deactivated = await deactivateModelsExcept(
      scoped,
      entries.map((entry) => entry.id),
      at,
    );
    return { synced: entries.length, deactivated };
  });
}
