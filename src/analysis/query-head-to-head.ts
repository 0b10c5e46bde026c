import { sql, type SQL } from 'drizzle-orm';
import { isoInstant, isResult, TARGET } from './analysis-sql.ts';

/** How many earlier meetings the head-to-head shows. */
export const HEAD_TO_HEAD_LENGTH = 6;

/**
 * The last meetings of the two teams of `target` before its kickoff, in
 * any competition and at either venue, newest first (same kickoff: higher
 * match id first), as a JSON array of head-to-head entries.
 */
export function headToHeadJson(): SQL {
  const home = sql`${TARGET}.home_team_id`;
  const away = sql`${TARGET}.away_team_id`;
  return sql`(select coalesce(json_agg(json_build_object(
        'matchId', x.id,
        'kickoff', ${isoInstant(sql`x.kickoff`)},
        'competitionId', x.competition_id,
        'homeTeam', h.name,
        'awayTeam', a.name,
        'homeGoals', x.home_goals,
        'awayGoals', x.away_goals
      ) order by x.kickoff desc, x.id desc), '[]'::json)
    from (
      select m.* from matches m
      where ${isResult('m')} and m.kickoff < ${TARGET}.kickoff
        and ((m.home_team_id = ${home} and m.away_team_id = ${away})
          or (m.home_team_id = ${away} and m.away_team_id = ${home}))
      order by m.kickoff desc, m.id desc
      limit ${HEAD_TO_HEAD_LENGTH}
    ) x
    join teams h on h.id = x.home_team_id
    join teams a on a.id = x.away_team_id)`;
}
