import { sql } from 'drizzle-orm';
import type { FormEntry } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { instantParam, isoInstant, isResult } from './iso-instant.ts';

/** How many results make a team's form. */
export const FORM_LENGTH = 5;

interface FormRow extends FormEntry {
  teamId: number;
}

/**
 * The last results of each team before `asOf`, in every competition,
 * newest first (same kickoff: higher match id first). One query: both
 * teams' results seen from each side, numbered per team by a window.
 */
export async function queryForm(
  db: Db,
  asOf: string,
  teamIds: readonly [number, number],
): Promise<Map<number, FormEntry[]>> {
  const [first, second] = teamIds;
  const rows = await queryRows<FormRow>(
    db,
    sql`with results as (
        select m.id, m.competition_id, m.kickoff, m.home_team_id,
          m.away_team_id, m.home_goals, m.away_goals
        from matches m
        where ${isResult('m')} and m.kickoff < ${instantParam(asOf)}
          and (m.home_team_id in (${first}, ${second})
            or m.away_team_id in (${first}, ${second}))
      ), sides as (
        select id, competition_id, kickoff, home_team_id as team_id,
          away_team_id as opponent_id, 'home' as venue,
          home_goals as goals_for, away_goals as goals_against
        from results
        union all
        select id, competition_id, kickoff, away_team_id, home_team_id,
          'away', away_goals, home_goals
        from results
      ), ranked as (
        select s.*, row_number() over (
          partition by s.team_id order by s.kickoff desc, s.id desc) as n
        from sides s
        where s.team_id in (${first}, ${second})
      )
      select r.team_id as "teamId", r.id as "matchId",
        ${isoInstant(sql`r.kickoff`)} as kickoff,
        r.competition_id as "competitionId", o.name as opponent,
        r.venue, r.goals_for as "goalsFor",
        r.goals_against as "goalsAgainst",
        case when r.goals_for > r.goals_against then 'W'
          when r.goals_for < r.goals_against then 'L' else 'D' end as result
      from ranked r
      join teams o on o.id = r.opponent_id
      where r.n <= ${FORM_LENGTH}
      order by r.team_id, r.n`,
  );

  const form = new Map<number, FormEntry[]>([
    [first, []],
    [second, []],
  ]);
  for (const { teamId, ...entry } of rows) form.get(teamId)?.push(entry);
  return form;
}
