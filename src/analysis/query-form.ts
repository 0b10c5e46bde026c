import { sql, type SQL } from 'drizzle-orm';
import { isoInstant, isResult, TARGET } from './analysis-sql.ts';

/** How many results make a team's form. */
export const FORM_LENGTH = 5;

/**
 * Both teams' last results before the kickoff of `target`, in every
 * competition, as a JSON array of form entries with a `teamId`, per team
 * newest first (same kickoff: higher match id first). Per team, the last
 * few home and the last few away results are read backwards along the
 * team and kickoff indexes and merged, so the cost does not grow with the
 * length of the history.
 */
export function formJson(): SQL {
  const side = (team: SQL, opponent: SQL, goalsFor: SQL, against: SQL,
    venue: string) => sql`(select m.id, m.competition_id, m.kickoff,
        ${opponent} as opponent_id, ${sql.raw(`'${venue}'`)} as venue,
        ${goalsFor} as goals_for, ${against} as goals_against
      from matches m
      where ${team} = t.team_id and m.kickoff < ${TARGET}.kickoff
        and ${isResult('m')}
      order by m.kickoff desc, m.id desc
      limit ${FORM_LENGTH})`;
  return sql`(select coalesce(json_agg(json_build_object(
        'teamId', t.team_id,
        'matchId', f.id,
        'kickoff', ${isoInstant(sql`f.kickoff`)},
        'competitionId', f.competition_id,
        'opponent', o.name,
        'venue', f.venue,
        'goalsFor', f.goals_for,
        'goalsAgainst', f.goals_against,
        'result', case when f.goals_for > f.goals_against then 'W'
          when f.goals_for < f.goals_against then 'L' else 'D' end
      ) order by t.team_id, f.kickoff desc, f.id desc), '[]'::json)
    from (values (${TARGET}.home_team_id), (${TARGET}.away_team_id))
      as t(team_id)
    cross join lateral (
      select * from (
        ${side(sql`m.home_team_id`, sql`m.away_team_id`, sql`m.home_goals`,
          sql`m.away_goals`, 'home')}
        union all
        ${side(sql`m.away_team_id`, sql`m.home_team_id`, sql`m.away_goals`,
          sql`m.home_goals`, 'away')}
      ) both_sides
      order by kickoff desc, id desc
      limit ${FORM_LENGTH}
    ) f
    join teams o on o.id = f.opponent_id)`;
}
