import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/open-database.ts';
import { matches, predictions, teams } from '../db/schema.ts';

/** One exported prediction: strings, numbers, booleans or null. */
export type PredictionExportRow = Record<
  string,
  string | number | boolean | null
>;

/**
 * The `predictions` kind of `scoreline export`: every prediction with its
 * match, the regular-time score and its settlement. Kickoff, creation and
 * scoring times are ISO UTC. `quota` is the quota of the prediction's own
 * tendency; points and its parts are empty until the match is settled,
 * and stay empty when the prediction is void. When `kickoff_time_known`
 * is false, the kickoff is local midnight of the match day, as stored.
 *
 * Shortcoming: all rows are loaded into memory before they are written
 * (the export kinds return arrays). Fine for tens of thousands of
 * predictions; a season of many competitions and 40+ models would want a
 * streamed export, which the export command would have to support first.
 */
export const predictionsExport = {
  columns: [
    'match_id', 'kickoff', 'kickoff_time_known', 'competition', 'home_team', 'away_team',
    'match_status', 'home_goals', 'away_goals', 'model',
    'predicted_home_goals', 'predicted_away_goals', 'retroactive',
    'created_at', 'quota', 'points_tendency', 'points_goal_difference',
    'points_exact', 'points', 'void', 'scored_at',
  ] as const,
  load: loadPredictionExport,
};

/** Every prediction, by kickoff, match and model. */
export async function loadPredictionExport(
  db: Db,
): Promise<PredictionExportRow[]> {
  const home = alias(teams, 'home_team');
  const away = alias(teams, 'away_team');
  const rows = await db
    .select({
      match: matches,
      homeTeam: home.name,
      awayTeam: away.name,
      prediction: predictions,
    })
    .from(predictions)
    .innerJoin(matches, eq(matches.id, predictions.matchId))
    .innerJoin(home, eq(home.id, matches.homeTeamId))
    .innerJoin(away, eq(away.id, matches.awayTeamId))
    .orderBy(asc(matches.kickoff), asc(matches.id), asc(predictions.modelId));

  return rows.map(({ match, homeTeam, awayTeam, prediction: p }) => ({
    match_id: match.id,
    kickoff: match.kickoff.toISOString(),
    kickoff_time_known: match.kickoffTimeKnown,
    competition: match.competitionId,
    home_team: homeTeam,
    away_team: awayTeam,
    match_status: match.status,
    home_goals: match.homeGoals,
    away_goals: match.awayGoals,
    model: p.modelId,
    predicted_home_goals: p.homeGoals,
    predicted_away_goals: p.awayGoals,
    retroactive: p.retroactive,
    created_at: p.createdAt.toISOString(),
    quota: p.quota,
    points_tendency: p.pointsTendency,
    points_goal_difference: p.pointsGoalDifference,
    points_exact: p.pointsExact,
    points: p.points,
    void: p.void,
    scored_at: p.scoredAt?.toISOString() ?? null,
  }));
}
