import type { MatchContext } from '../core/types.ts';
import { findCompetitionInfo } from '../import/competition-catalog.ts';
import { localDateOf } from '../import/time-zone.ts';

/**
 * The local date (`YYYY-MM-DD`) of a kickoff in its competition's time
 * zone, as the sources and `export matches` give it. A kickoff without a
 * known time is stored as local midnight, the evening before in UTC for
 * European zones, so its UTC date would be a day early. A competition
 * outside the catalog has no known zone here: its UTC date is used.
 */
export function localDayOf(kickoff: string, competitionId: string): string {
  const timeZone = findCompetitionInfo(competitionId)?.timeZone ?? 'UTC';
  return localDateOf(new Date(kickoff), timeZone);
}

/**
 * The day an analysis's match is played on: its `kickoffDate` (from the
 * stored competition's zone), else the local day from the catalog for a
 * context stored before that field existed.
 */
export function kickoffDayOf(
  context: Pick<MatchContext, 'kickoff' | 'competitionId' | 'kickoffDate'>,
): string {
  return context.kickoffDate ??
    localDayOf(context.kickoff, context.competitionId);
}
