import { and, asc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MatchStatus } from '../core/types.ts';
import type { MatchState, OddsRecord } from '../import/match-record.ts';
import { competitions, matches, matchOdds, teams } from './schema.ts';
import type { Db } from './open-database.ts';

export type MatchRow = typeof matches.$inferSelect;

/**
 * The natural identity of a match, the same from every source:
 * competition, season, home and away team, and the round in cups (where two
 * teams can meet twice with the same home team).
 *
 * Shortcoming: in cups the round is taken as the source writes it, so the
 * same cup match named `League, Matchday 1` by openfootball and
 * `League Stage - 1` by API-Football gets two keys. It can go once a source
 * maps its cup rounds to the openfootball names before calling this.
 */
export function makeMatchKey(
  state: Pick<MatchState,
    'competitionId' | 'season' | 'homeTeamId' | 'awayTeamId' | 'round'>,
  cup: boolean,
): string {
  const base = `${state.competitionId}/${state.season}/` +
    `${state.homeTeamId}-${state.awayTeamId}`;
  return cup ? `${base}/${state.round ?? ''}` : base;
}

/** The stored match with this id, or null. */
export async function findMatch(db: Db, id: number): Promise<MatchRow | null> {
  const [row] = await db.select().from(matches).where(eq(matches.id, id));
  return row ?? null;
}

/** The stored match with this key, or null. */
export async function findMatchByKey(
  db: Db,
  matchKey: string,
): Promise<MatchRow | null> {
  const [row] = await db
    .select()
    .from(matches)
    .where(eq(matches.matchKey, matchKey));
  return row ?? null;
}

/** The stored matches with these keys (any number of keys). */
export async function findMatchesByKeys(
  db: Db,
  keys: string[],
): Promise<MatchRow[]> {
  const rows: MatchRow[] = [];
  for (let at = 0; at < keys.length; at += 1000) {
    const chunk = keys.slice(at, at + 1000);
    rows.push(...await db
      .select()
      .from(matches)
      .where(inArray(matches.matchKey, chunk)));
  }
  return rows;
}

/**
 * Adds new matches stamped `now`, in key order; returns the ids of those
 * added by key. A match whose key another transaction stored meanwhile is
 * not added and has no id in the answer: the caller reads and merges it.
 */
export async function insertMatches(
  db: Db,
  rows: (MatchState & { matchKey: string })[],
  now: Date,
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const sorted = [...rows].sort((a, b) => compareText(a.matchKey, b.matchKey));
  // 19 columns a row: 500 rows stay far below the 65535 parameter limit.
  for (let at = 0; at < sorted.length; at += 500) {
    const added = await db
      .insert(matches)
      .values(sorted.slice(at, at + 500)
        .map((row) => ({ ...row, updatedAt: now })))
      .onConflictDoNothing({ target: matches.matchKey })
      .returning({ id: matches.id, matchKey: matches.matchKey });
    for (const row of added) ids.set(row.matchKey, row.id);
  }
  return ids;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Replaces the state of a stored match and stamps `updated_at`. */
export async function updateMatch(
  db: Db,
  id: number,
  state: MatchState,
  now: Date,
): Promise<void> {
  await db
    .update(matches)
    .set({ ...state, updatedAt: now })
    .where(eq(matches.id, id));
}

/**
 * Stores odds of matches, replacing a bookmaker's earlier odds of the same
 * match; rows that are already stored as they are stay untouched. Returns
 * how many rows were added or changed.
 */
export async function upsertMatchOdds(
  db: Db,
  rows: (OddsRecord & { matchId: number })[],
): Promise<number> {
  let written = 0;
  // In one order, so that concurrent imports lock the rows alike.
  const sorted = [...rows].sort((a, b) => a.matchId - b.matchId ||
    compareText(a.bookmaker, b.bookmaker));
  for (let at = 0; at < sorted.length; at += 1000) {
    const changed = await db
      .insert(matchOdds)
      .values(sorted.slice(at, at + 1000))
      .onConflictDoUpdate({
        target: [matchOdds.matchId, matchOdds.bookmaker],
        set: {
          home: sql`excluded.home`,
          draw: sql`excluded.draw`,
          away: sql`excluded.away`,
          over25: sql`excluded.over_2_5`,
          under25: sql`excluded.under_2_5`,
        },
        setWhere: sql`(${matchOdds.home}, ${matchOdds.draw},
          ${matchOdds.away}, ${matchOdds.over25}, ${matchOdds.under25})
          is distinct from (excluded.home, excluded.draw, excluded.away,
          excluded.over_2_5, excluded.under_2_5)`,
      })
      .returning({ matchId: matchOdds.matchId });
    written += changed.length;
  }
  return written;
}

/** Which matches `listMatches` returns; every field is optional. */
export interface MatchFilter {
  competitionId?: string;
  season?: string;
  status?: MatchStatus;
  /** Kickoff at or after this instant. */
  from?: Date;
  /** Kickoff before this instant. */
  to?: Date;
}

/** A stored match with its teams' canonical names and the local zone. */
export interface MatchListing extends MatchRow {
  homeTeam: string;
  awayTeam: string;
  timeZone: string;
}

/** Matches with team names, by kickoff then id. */
export async function listMatches(
  db: Db,
  filter: MatchFilter = {},
): Promise<MatchListing[]> {
  const home = alias(teams, 'home_team');
  const away = alias(teams, 'away_team');
  const conditions: SQL[] = [];
  if (filter.competitionId) {
    conditions.push(eq(matches.competitionId, filter.competitionId));
  }
  if (filter.season) conditions.push(eq(matches.season, filter.season));
  if (filter.status) conditions.push(eq(matches.status, filter.status));
  if (filter.from) conditions.push(gte(matches.kickoff, filter.from));
  if (filter.to) conditions.push(lt(matches.kickoff, filter.to));

  const rows = await db
    .select({
      match: matches,
      homeTeam: home.name,
      awayTeam: away.name,
      timeZone: competitions.timeZone,
    })
    .from(matches)
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .innerJoin(competitions, eq(competitions.id, matches.competitionId))
    .where(and(...conditions))
    .orderBy(asc(matches.kickoff), asc(matches.id));
  return rows.map((row) => ({
    ...row.match,
    homeTeam: row.homeTeam,
    awayTeam: row.awayTeam,
    timeZone: row.timeZone,
  }));
}
