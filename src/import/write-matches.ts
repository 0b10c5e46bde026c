import { sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import { InternalError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { insertCompetitions } from '../db/competitions.ts';
import {
  findMatchesByKeys,
  insertMatches,
  makeMatchKey,
  updateMatch,
  upsertMatchOdds,
  type MatchRow,
} from '../db/matches.ts';
import type { Db } from '../db/open-database.ts';
import {
  findTeamAliases,
  insertTeamAliases,
  insertTeams,
} from '../db/teams.ts';
import { findCompetitionInfo } from './competition-catalog.ts';
import { assertNotInterrupted } from './import-interrupted-error.ts';
import type {
  MatchState,
  OddsRecord,
  SourceMatch,
  TeamNameSeen,
} from './match-record.ts';
import { matchStateOfRow } from './match-state-of-row.ts';
import {
  matchStateChanged,
  mergeMatch,
  resultsDisagree,
} from './merge-match.ts';
import { aliasesOf } from './team-aliases.ts';

/**
 * Key of the transaction-level advisory lock that imports take: two
 * imports on one PostgreSQL database write one after the other, each
 * merging into what the other committed (open-database uses 727_001).
 *
 * Shortcoming: an import waiting for this lock does not see Ctrl+C until
 * the other import commits (the wait is one SQL statement); it then stops
 * and rolls back. It can go once the wait is cancelled on abort.
 */
const IMPORT_LOCK_KEY = 727_002;

/** A match read from a file, with the file, for messages. */
export interface SourceReport {
  file: string;
  match: SourceMatch;
}

/** What writing the matches did. */
export interface WriteSummary {
  matchesInserted: number;
  matchesUpdated: number;
  matchesUnchanged: number;
  /** Matches on which two reports gave different results. */
  resultConflicts: number;
  oddsWritten: number;
  oddsUnchanged: number;
}

interface Report {
  file: string;
  state: MatchState;
  odds: OddsRecord[];
}

/**
 * Writes what the files said, inside the caller's transaction: teams,
 * aliases and competitions are added race-safely, matches are merged
 * (`mergeMatch`, in file order) with what is stored, odds upserted. Two
 * reports that disagree on a result log a warning and are counted; the
 * later one wins. The signal is checked between steps, so that Ctrl+C
 * rolls the transaction back.
 */
export async function writeMatches(
  db: Db,
  sources: SourceReport[],
  teamNames: TeamNameSeen[],
  options: { clock: Clock; logger: Logger; signal?: AbortSignal },
): Promise<WriteSummary> {
  const { clock, logger, signal } = options;
  await db.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`);
  assertNotInterrupted(signal);
  const competitionIds =
    [...new Set(sources.map((s) => s.match.competitionId))];
  await insertCompetitions(db, competitionIds.map((id) => {
    const info = findCompetitionInfo(id)!;
    return { id, name: info.name, timeZone: info.timeZone };
  }));
  const teamIds = await storeTeams(db, teamNames);
  const teamNamesById = new Map([...teamIds].map(([name, id]) => [id, name]));
  assertNotInterrupted(signal);

  // Every report on a match, in file order, grouped by the match's key.
  const reports = new Map<string, Report[]>();
  for (const { file, match } of sources) {
    const state = toMatchState(match, teamIds);
    const cup = findCompetitionInfo(match.competitionId)!.cup;
    const key = makeMatchKey(state, cup);
    const list = reports.get(key) ?? [];
    list.push({ file, state, odds: match.odds });
    reports.set(key, list);
  }

  const counts = { inserted: 0, updated: 0, unchanged: 0, conflicts: 0 };
  const now = clock.now();
  const merge = (row: MatchRow | undefined, list: Report[]) => {
    const before = row ? matchStateOfRow(row) : null;
    const zone = findCompetitionInfo(list[0]!.state.competitionId)!.timeZone;
    let state = before;
    let source = 'the database';
    let conflict = false;
    for (const report of list) {
      if (resultsDisagree(state, report.state)) {
        conflict = true;
        logConflict(logger, state!, report, source, teamNamesById);
      }
      state = mergeMatch(state, report.state, zone);
      source = report.file;
    }
    if (conflict) counts.conflicts += 1;
    return { before, after: state! };
  };
  const save = async (row: MatchRow, list: Report[]) => {
    const { before, after } = merge(row, list);
    if (matchStateChanged(before!, after)) {
      await updateMatch(db, row.id, after, now);
      counts.updated += 1;
    } else counts.unchanged += 1;
    assertNotInterrupted(signal);
  };

  const keys = [...reports.keys()].sort();
  const stored = new Map((await findMatchesByKeys(db, keys))
    .map((row) => [row.matchKey, row]));
  const matchIds = new Map<string, number>();
  const toInsert: (MatchState & { matchKey: string })[] = [];
  for (const key of keys) {
    const row = stored.get(key);
    if (!row) toInsert.push({ ...merge(undefined, reports.get(key)!).after,
      matchKey: key });
    else {
      matchIds.set(key, row.id);
      await save(row, reports.get(key)!);
    }
  }
  const added = await insertMatches(db, toInsert, now);
  counts.inserted = added.size;
  for (const [key, id] of added) matchIds.set(key, id);
  // Keys another writer stored meanwhile (one that does not take the
  // import lock, such as sync-fixtures): merge into its row.
  const lateKeys = toInsert.map((row) => row.matchKey)
    .filter((key) => !added.has(key));
  for (const row of await findMatchesByKeys(db, lateKeys)) {
    matchIds.set(row.matchKey, row.id);
    await save(row, reports.get(row.matchKey)!);
  }
  if (lateKeys.some((key) => !matchIds.has(key))) {
    throw new InternalError('a match was neither added nor found by key');
  }
  assertNotInterrupted(signal);

  const odds = collectOdds(reports, matchIds);
  const oddsWritten = await upsertMatchOdds(db, odds);
  assertNotInterrupted(signal);
  return {
    matchesInserted: counts.inserted,
    matchesUpdated: counts.updated,
    matchesUnchanged: counts.unchanged,
    resultConflicts: counts.conflicts,
    oddsWritten,
    oddsUnchanged: odds.length - oddsWritten,
  };
}

function logConflict(
  logger: Logger,
  earlier: MatchState,
  later: Report,
  earlierSource: string,
  teamNamesById: Map<number, string>,
): void {
  const home = teamNamesById.get(later.state.homeTeamId);
  const away = teamNamesById.get(later.state.awayTeamId);
  logger.warn({
    competitionId: later.state.competitionId,
    season: later.state.season,
    match: `${home} v ${away}`,
    kickoff: later.state.kickoff.toISOString(),
    earlierResult: `${earlier.homeGoals}-${earlier.awayGoals}`,
    earlierSource,
    laterResult: `${later.state.homeGoals}-${later.state.awayGoals}`,
    laterSource: later.file,
  }, `two sources disagree on the result of ${home} v ${away} ` +
    `(${earlier.homeGoals}-${earlier.awayGoals} in ${earlierSource}, ` +
    `${later.state.homeGoals}-${later.state.awayGoals} in ${later.file}); ` +
    'the later file wins, check which is right');
}

/** Team ids by canonical name, adding missing teams and aliases. */
async function storeTeams(
  db: Db,
  teamNames: TeamNameSeen[],
): Promise<Map<string, number>> {
  const canonicals = [...new Set(teamNames.map((t) => t.canonical))];
  const ids = await insertTeams(db, canonicals);
  const missing = canonicals.filter((name) => !ids.has(name));
  if (missing.length > 0) {
    throw new InternalError(`teams neither added nor found: ${missing.join(', ')}`);
  }

  const aliases = new Map<string, number>();
  for (const canonical of canonicals) {
    for (const alias of aliasesOf(canonical)) {
      aliases.set(alias, ids.get(canonical)!);
    }
  }
  for (const { alias, canonical } of teamNames) {
    aliases.set(alias, ids.get(canonical)!);
  }
  const known = await findTeamAliases(db, [...aliases.keys()]);
  await insertTeamAliases(db, [...aliases]
    .filter(([alias]) => !known.has(alias))
    .map(([alias, teamId]) => ({ alias, teamId })));
  return ids;
}

function toMatchState(
  source: SourceMatch,
  teamIds: Map<string, number>,
): MatchState {
  const { homeTeam, awayTeam, odds: _odds, ...rest } = source;
  return {
    ...rest,
    venue: null,
    homeTeamId: teamIds.get(homeTeam)!,
    awayTeamId: teamIds.get(awayTeam)!,
    apiFootballFixtureId: null,
  };
}

/** The last odds of each bookmaker per match. */
function collectOdds(
  reports: Map<string, { odds: OddsRecord[] }[]>,
  matchIds: Map<string, number>,
): (OddsRecord & { matchId: number })[] {
  const rows: (OddsRecord & { matchId: number })[] = [];
  for (const [key, list] of reports) {
    const latest = new Map<string, OddsRecord>();
    for (const report of list) {
      for (const odds of report.odds) latest.set(odds.bookmaker, odds);
    }
    const matchId = matchIds.get(key)!;
    for (const odds of latest.values()) rows.push({ ...odds, matchId });
  }
  return rows;
}
