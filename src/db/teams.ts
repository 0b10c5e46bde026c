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

/** Adds teams by canonical name; names already stored are left alone. */
export async function insertTeams(
  db: Db,
  names: string[],
): Promise<Map<string, number>> {
  const added = new Map<string, number>();
  if (names.length === 0) return added;
  const rows = await db
    .insert(teams)
    .values(names.map((name) => ({ name })))
    .onConflictDoNothing()
    .returning({ id: teams.id, name: teams.name });
  for (const row of rows) added.set(row.name, row.id);
  return added;
}

/** Adds aliases of teams; aliases already stored keep their team. */
export async function insertTeamAliases(
  db: Db,
  rows: { alias: string; teamId: number }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const added = await db
    .insert(teamAliases)
    .values(rows)
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
