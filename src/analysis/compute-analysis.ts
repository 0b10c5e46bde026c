import type { MatchContext, TeamContext } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { listMissing } from './analysis-completeness.ts';
import {
  loadAnalysisTarget,
  type AnalysisTarget,
} from './load-analysis-target.ts';
import { queryForm } from './query-form.ts';
import { queryHeadToHead } from './query-head-to-head.ts';
import { queryOdds } from './query-odds.ts';
import { queryTable } from './query-table.ts';

/**
 * The pre-match context of a match as of its kickoff, from stored data
 * only: results with a kickoff strictly before this match's kickoff count,
 * never this match's own result or anything later. Throws an
 * AnalysisError when the match does not exist.
 */
export async function computeAnalysis(
  db: Db,
  matchId: number,
): Promise<MatchContext> {
  return computeAnalysisOf(db, await loadAnalysisTarget(db, matchId));
}

/** The same, for a match already read. */
export async function computeAnalysisOf(
  db: Db,
  target: AnalysisTarget,
): Promise<MatchContext> {
  const asOf = target.kickoff;
  const teamIds = [target.homeTeamId, target.awayTeamId] as const;
  const [form, table, headToHead, odds] = await Promise.all([
    queryForm(db, asOf, teamIds),
    queryTable(
      db,
      { competitionId: target.competitionId, season: target.season, asOf },
      teamIds,
    ),
    queryHeadToHead(db, asOf, teamIds),
    queryOdds(db, target.matchId),
  ]);

  const team = (teamId: number, name: string): TeamContext => ({
    teamId,
    name,
    form: form.get(teamId) ?? [],
    table: table.lines.get(teamId) ?? null,
  });
  const context: Omit<MatchContext, 'missing'> = {
    matchId: target.matchId,
    competitionId: target.competitionId,
    season: target.season,
    round: target.round,
    kickoff: target.kickoff,
    kickoffTimeKnown: target.kickoffTimeKnown,
    asOf,
    tableSize: table.tableSize,
    home: team(target.homeTeamId, target.homeName),
    away: team(target.awayTeamId, target.awayName),
    headToHead,
    odds,
    // No offline source has injuries; API-Football could fill them later.
    injuries: null,
  };
  return { ...context, missing: listMissing(context) };
}
