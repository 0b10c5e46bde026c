import { competitions } from './schema.ts';
import type { Db } from './open-database.ts';

export type CompetitionRow = typeof competitions.$inferSelect;

/**
 * Adds competitions that are not stored yet; stored ones (also those a
 * concurrent transaction just added) stay as they are.
 */
export async function insertCompetitions(
  db: Db,
  rows: (typeof competitions.$inferInsert)[],
): Promise<number> {
  if (rows.length === 0) return 0;
  // Sorted, so that concurrent imports take the row locks in one order.
  const sorted = [...rows].sort((a, b) => a.id.localeCompare(b.id));
  const added = await db
    .insert(competitions)
    .values(sorted)
    .onConflictDoNothing()
    .returning({ id: competitions.id });
  return added.length;
}

/** Every stored competition. */
export async function listCompetitions(db: Db): Promise<CompetitionRow[]> {
  return db.select().from(competitions).orderBy(competitions.id);
}
