import type { MatchContext, TeamContext } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { localDateOf } from '../import/time-zone.ts';
import { listMissing } from './analysis-completeness.ts';
import {
  loadAnalysisInputs,
  type AnalysisInputs,
} from './load-analysis-inputs.ts';
import { toTableLine } from './query-table.ts';

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
  return assembleContext(await loadAnalysisInputs(db, matchId));
}

/** The context from what `loadAnalysisInputs` read. */
export function assembleContext(inputs: AnalysisInputs): MatchContext {
  const team = (teamId: number, name: string): TeamContext => {
    const row = inputs.table?.find((r) => r.teamId === teamId);
    return {
      teamId,
      name,
      form: inputs.form
        .filter((entry) => entry.teamId === teamId)
        .map(({ teamId: _teamId, ...entry }) => entry),
      table: row ? toTableLine(row) : null,
    };
  };
  const context: Omit<MatchContext, 'missing'> = {
    matchId: inputs.matchId,
    competitionId: inputs.competitionId,
    season: inputs.season,
    round: inputs.round,
    kickoff: inputs.kickoff,
    kickoffTimeKnown: inputs.kickoffTimeKnown,
    kickoffDate: localDateOf(new Date(inputs.kickoff), inputs.timeZone),
    asOf: inputs.kickoff,
    tableSize: inputs.table?.[0]?.tableSize ?? 0,
    home: team(inputs.homeTeamId, inputs.homeName),
    away: team(inputs.awayTeamId, inputs.awayName),
    headToHead: inputs.headToHead,
    odds: inputs.odds,
    // No offline source has injuries; API-Football could fill them later.
    injuries: null,
  };
  return { ...context, missing: listMissing(context) };
}
