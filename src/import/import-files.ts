import { systemClock, type Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { insertCompetitions } from '../db/competitions.ts';
import {
  findMatchesByKeys,
  insertMatches,
  makeMatchKey,
  updateMatch,
  upsertMatchOdds,
} from '../db/matches.ts';
import type { Db } from '../db/open-database.ts';
import {
  findTeamAliases,
  findTeamIds,
  insertTeamAliases,
  insertTeams,
} from '../db/teams.ts';
import { collectImportFiles } from './collect-import-files.ts';
import { findCompetitionInfo } from './competition-catalog.ts';
import type {
  MatchState,
  OddsRecord,
  SourceMatch,
  TeamNameSeen,
} from './match-record.ts';
import { matchStateOfRow } from './match-state-of-row.ts';
import { matchStateChanged, mergeMatch } from './merge-match.ts';
import { readFootballData } from './read-football-data.ts';
import { readOpenfootball } from './read-openfootball.ts';
import { aliasesOf } from './team-aliases.ts';

/** What an import did. */
export interface ImportSummary {
  files: number;
  skippedFiles: number;
  matchesInserted: number;
  matchesUpdated: number;
  matchesUnchanged: number;
  /** Odds rows added or changed. */
  oddsWritten: number;
  /** Odds rows read that were already stored as they are. */
  oddsUnchanged: number;
}

/**
 * Imports openfootball and football-data.co.uk files and folders. Every
 * file is read and checked first; then everything is written in one
 * transaction, so bad input leaves the database exactly as it was. The same
 * match from several files is one match (see `makeMatchKey`); later files
 * win as `mergeMatch` says. Importing the same files again changes no row.
 */
export async function importFiles(
  db: Db,
  paths: string[],
  logger: Logger,
  clock: Clock = systemClock,
): Promise<ImportSummary> {
  const started = Date.now();
  const { files, skipped } = collectImportFiles(paths, logger);
  const teamNames: TeamNameSeen[] = [];
  const sourceMatches: SourceMatch[] = [];
  for (const file of files) {
    const read = file.kind === 'openfootball'
      ? readOpenfootball(file.file, file.json, teamNames)
      : readFootballData(file.file, file.text, teamNames);
    logger.debug({ file: file.file, matches: read.length }, 'read a file');
    sourceMatches.push(...read);
  }

  const summary = await db.transaction(async (tx) =>
    writeMatches(tx as unknown as Db, sourceMatches, teamNames, clock));
  const result = { files: files.length, skippedFiles: skipped.length,
    ...summary };
  logger.info({ ...result, durationMs: Date.now() - started },
    'import done');
  return result;
}

async function writeMatches(
  db: Db,
  sourceMatches: SourceMatch[],
  teamNames: TeamNameSeen[],
  clock: Clock,
): Promise<Omit<ImportSummary, 'files' | 'skippedFiles'>> {
  const competitionIds = [...new Set(sourceMatches.map((m) => m.competitionId))];
  await insertCompetitions(db, competitionIds.map((id) => {
    const info = findCompetitionInfo(id)!;
    return { id, name: info.name, timeZone: info.timeZone };
  }));
  const teamIds = await storeTeams(db, teamNames);

  // Every report on a match, in file order, grouped by the match's key.
  const reports = new Map<string, { state: MatchState; odds: OddsRecord[] }[]>();
  for (const source of sourceMatches) {
    const state = toMatchState(source, teamIds);
    const cup = findCompetitionInfo(source.competitionId)!.cup;
    const key = makeMatchKey(state, cup);
    const list = reports.get(key) ?? [];
    list.push({ state, odds: source.odds });
    reports.set(key, list);
  }

  const stored = new Map((await findMatchesByKeys(db, [...reports.keys()]))
    .map((row) => [row.matchKey, row]));
  const toInsert: (MatchState & { matchKey: string })[] = [];
  const matchIds = new Map<string, number>();
  let matchesUpdated = 0;
  let matchesUnchanged = 0;
  const now = clock.now();
  for (const [matchKey, list] of reports) {
    const row = stored.get(matchKey);
    const before = row ? matchStateOfRow(row) : null;
    const zone = findCompetitionInfo(list[0]!.state.competitionId)!.timeZone;
    let state = before;
    for (const report of list) state = mergeMatch(state, report.state, zone);
    if (!row) toInsert.push({ ...state!, matchKey });
    else {
      matchIds.set(matchKey, row.id);
      if (matchStateChanged(before!, state!)) {
        await updateMatch(db, row.id, state!, now);
        matchesUpdated += 1;
      } else matchesUnchanged += 1;
    }
  }
  for (const [key, id] of await insertMatches(db, toInsert, now)) {
    matchIds.set(key, id);
  }

  const odds = collectOdds(reports, matchIds);
  const oddsWritten = await upsertMatchOdds(db, odds);
  return {
    matchesInserted: toInsert.length,
    matchesUpdated,
    matchesUnchanged,
    oddsWritten,
    oddsUnchanged: odds.length - oddsWritten,
  };
}

/** Team ids by canonical name, adding missing teams and aliases. */
async function storeTeams(
  db: Db,
  teamNames: TeamNameSeen[],
): Promise<Map<string, number>> {
  const canonicals = [...new Set(teamNames.map((t) => t.canonical))];
  const ids = await findTeamIds(db, canonicals);
  const missing = canonicals.filter((name) => !ids.has(name));
  for (const [name, id] of await insertTeams(db, missing)) ids.set(name, id);

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
