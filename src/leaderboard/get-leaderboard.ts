import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';

/** Which predictions count, by when they were made. */
export const RETROACTIVE_CHOICES = ['include', 'exclude', 'only'] as const;
export type RetroactiveChoice = (typeof RETROACTIVE_CHOICES)[number];

/** Which settled predictions the leaderboard counts. */
export interface LeaderboardFilter {
  competitionId?: string;
  /** Kickoff at or after this instant. */
  from?: Date;
  /** Kickoff strictly before this instant. */
  to?: Date;
  /**
   * `include` all predictions, `exclude` retroactive ones, or count `only`
   * retroactive ones. Quotas are not recomputed: they always come from all
   * predictions of the match, as settled.
   */
  retroactive: RetroactiveChoice;
}

/** One model's line. Rates are fractions from 0 to 1. */
export interface LeaderboardRow {
  /** 1 for the best; models equal in total and average share a rank. */
  rank: number;
  modelId: string;
  displayName: string;
  /** Settled, non-void predictions counted. */
  matches: number;
  totalPoints: number;
  averagePoints: number;
  exactHits: number;
  exactRate: number;
  tendencyHits: number;
  tendencyRate: number;
}

/**
 * The leaderboard: per model, over its settled and not void predictions
 * that pass the filter, ranked by total points, then average points (then
 * model id, for a stable order). Models with no such prediction are left
 * out. Hits compare the prediction with the match's regular-time score.
 */
export async function getLeaderboard(
  db: Db,
  filter: LeaderboardFilter,
): Promise<LeaderboardRow[]> {
  const rows = await queryRows<LeaderboardRow>(
    db,
    sql`with lines as (
        select p.model_id, mo.display_name,
          count(*)::int as matches,
          sum(p.points)::int as total_points,
          (sum(p.points)::float8 / count(*)) as average_points,
          (count(*) filter (where p.home_goals = m.home_goals
            and p.away_goals = m.away_goals))::int as exact_hits,
          (count(*) filter (where sign(p.home_goals - p.away_goals)
            = sign(m.home_goals - m.away_goals)))::int as tendency_hits
        from predictions p
        join matches m on m.id = p.match_id
        join models mo on mo.id = p.model_id
        where ${sql.join(conditions(filter), sql` and `)}
        group by p.model_id, mo.display_name
      )
      select
        (rank() over (order by total_points desc,
          average_points desc))::int as "rank",
        model_id as "modelId", display_name as "displayName",
        matches, total_points as "totalPoints",
        average_points as "averagePoints",
        exact_hits as "exactHits",
        (exact_hits::float8 / matches) as "exactRate",
        tendency_hits as "tendencyHits",
        (tendency_hits::float8 / matches) as "tendencyRate"
      from lines
      order by total_points desc, average_points desc, model_id`,
  );
  return rows;
}

function conditions(filter: LeaderboardFilter): SQL[] {
  const where = [sql`p.points is not null`, sql`not p.void`];
  if (filter.competitionId !== undefined) {
    where.push(sql`m.competition_id = ${filter.competitionId}`);
  }
  if (filter.from) {
    where.push(sql`m.kickoff >= ${filter.from.toISOString()}::timestamptz`);
  }
  if (filter.to) {
    where.push(sql`m.kickoff < ${filter.to.toISOString()}::timestamptz`);
  }
  if (filter.retroactive === 'exclude') where.push(sql`not p.retroactive`);
  if (filter.retroactive === 'only') where.push(sql`p.retroactive`);
  return where;
}
