import { sql, type SQL } from 'drizzle-orm';
import { isoInstant, isResult, TARGET } from './iso-instant.ts';

/** How many results make a team's form. */
export const FORM_LENGTH = 5;

/**
 * Both teams' last results before the kickoff of `target`, in every
 * competition, as a JSON array of form entries with a `teamId`, per team
 * newest first (same kickoff: higher match id first). The results are
 * seen from each side (each half can use the team and kickoff index) and
 * numbered per team by a window.
 */
export function formJson(): SQL {
  const teams = sql`(${TARGET}.home_team_id, ${TARGET}.away_team_id)`;
  return sql`(with sides as (
      select m.id, m.competition_id, m.kickoff, m.home_team_id as team_id,
        m.away_team_id as opponent_id, 'home' as venue,
        m.home_goals as goals_for, m.away_goals as goals_against
      from matches m
      where m.home_team_id in ${teams} and m.kickoff < ${TARGET}.kickoff
        and ${isResult('m')}
      union all
      select m.id, m.competition_id, m.kickoff, m.away_team_id,
        m.home_team_id, 'away', m.away_goals, m.home_goals
      from matches m
      where m.away_team_id in ${teams} and m.kickoff < ${TARGET}.kickoff
        and ${isResult('m')}
    ), ranked as (
      select s.*, row_number() over (
        partition by s.team_id order by s.kickoff desc, s.id desc) as n
      from sides s
    )
    select coalesce(json_agg(json_build_object(
        'teamId', r.team_id,
        'matchId', r.id,
        'kickoff', ${isoInstant(sql`r.kickoff`)},
        'competitionId', r.competition_id,
        'opponent', o.name,
        'venue', r.venue,
        'goalsFor', r.goals_for,
        'goalsAgainst', r.goals_against,
        'result', case when r.goals_for > r.goals_against then 'W'
          when r.goals_for < r.goals_against then 'L' else 'D' end
      ) order by r.team_id, r.n), '[]'::json)
    from ranked r
    join teams o on o.id = r.opponent_id
    where r.n <= ${FORM_LENGTH})`;
}
