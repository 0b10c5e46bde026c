import { eq, inArray } from 'drizzle-orm';
import { teamAliases, teams } from './schema.ts';
import type { Db } from './open-database.ts';

/** The ids of the stored teams with these canonical names. */
export async function findTeamIds(
  db: Db,
  names: string[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (names.length === 0) return found;
  const rows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inArray(teams.name, names));
  for (const row of rows) found.set(row.name, row.id);
  return found;
}

/**
 * Adds teams by canonical name and returns the ids of all of them, also of
 * names stored already or stored meanwhile by another transaction: the
 * insert skips names that exist (waiting for a transaction that is adding
 * the same name), and a second query reads every id. Names go in sorted
 * order, so that two imports lock them in the same order.
 */
export async function insertTeams(
  db: Db,
  names: string[],
): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const sorted = [...new Set(names)].sort();
  await db
    .insert(teams)
    .values(sorted.map((name) => ({ name })))
    .onConflictDoNothing({ target: teams.name });
  return findTeamIds(db, sorted);
}

/**
 * Adds aliases of teams; aliases already stored (also by a concurrent
 * transaction) keep their team. Returns how many were added.
 */
export async function insertTeamAliases(
  db: Db,
  rows: { alias: string; teamId: number }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const sorted = [...rows].sort((a, b) => a.alias.localeCompare(b.alias));
  const added = await db
    .insert(teamAliases)
    .values(sorted)
    .onConflictDoNothing()
    .returning({ alias: teamAliases.alias });
  return added.length;
}

/** The stored aliases among these names. */
export async function findTeamAliases(
  db: Db,
  aliases: string[],
): Promise<Set<string>> {
  if (aliases.length === 0) return new Set();
  const rows = await db
    .select({ alias: teamAliases.alias })
    .from(teamAliases)
    .where(inArray(teamAliases.alias, aliases));
  return new Set(rows.map((row) => row.alias));
}

/** The team a stored alias stands for, or null. */
export async function findTeamIdByAlias(
  db: Db,
  alias: string,
): Promise<number | null> {
  const [row] = await db
    .select({ teamId: teamAliases.teamId })
    .from(teamAliases)
    .where(eq(teamAliases.alias, alias));
  return row?.teamId ?? null;
}
