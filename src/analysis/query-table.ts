import { sql, type SQL } from 'drizzle-orm';
import type { RecordLine, TableLine } from '../core/types.ts';
import { isResult, TARGET } from './analysis-sql.ts';
import { isTableMatch } from './table-match.ts';

/** One team's line as the table query returns it, per venue. */
export interface TableRow {
  teamId: number;
  position: number;
  tableSize: number;
  home: RecordLine;
  away: RecordLine;
}

/**
 * The table of `target`'s competition season as of its kickoff, from the
 * results before it, as a JSON array with the lines of its two teams.
 * Only matches that form a table count (`isTableMatch`: in a cup, the
 * league phase or group stage, never a knockout round).
 * Teams in the table: every team of such a match of this competition
 * season with an earlier kickoff (whatever its status), plus the two
 * teams, so that a team without a result yet stands with zeros. Later
 * fixtures are not used: they would make the table depend on data stored
 * after kickoff. Order: points, goal difference, goals scored, then name in
 * byte order (collation "C", the same on every server).
 *
 * Known shortcomings: on a season's first days the table lists only the
 * teams seen so far (fewer than all teams of the league), and ties past
 * goals scored are broken by name, not by the competition's own rules
 * (head-to-head, play-offs). Both can go once competitions carry their
 * team list and tie-break rules.
 */
export function tableJson(): SQL {
  const teams = sql`(${TARGET}.home_team_id, ${TARGET}.away_team_id)`;
  return sql`(with earlier as (
      select m.home_team_id, m.away_team_id, m.home_goals, m.away_goals,
        ${isResult('m')} as is_result
      from matches m
      where m.competition_id = ${TARGET}.competition_id
        and m.season = ${TARGET}.season
        and m.kickoff < ${TARGET}.kickoff
        and ${isTableMatch('m')}
    ), members as (
      select home_team_id as team_id from earlier
      union select away_team_id from earlier
      union select ${TARGET}.home_team_id
      union select ${TARGET}.away_team_id
    ), sides as (
      select home_team_id as team_id, true as at_home,
        home_goals as gf, away_goals as ga
      from earlier where is_result
      union all
      select away_team_id, false, away_goals, home_goals
      from earlier where is_result
    ), lines as (
      select t.id as team_id, t.name,
        ${recordColumns('home', sql`s.at_home`)},
        ${recordColumns('away', sql`not s.at_home`)}
      from members x
      join teams t on t.id = x.team_id
      left join sides s on s.team_id = x.team_id
      group by t.id, t.name
    ), ranked as (
      select l.*, row_number() over (order by
          3 * (l.home_won + l.away_won) + l.home_drawn + l.away_drawn desc,
          l.home_gf + l.away_gf - l.home_ga - l.away_ga desc,
          l.home_gf + l.away_gf desc,
          l.name collate "C") as position,
        count(*) over () as table_size
      from lines l
    )
    select json_agg(json_build_object(
      'teamId', team_id,
      'position', position,
      'tableSize', table_size,
      'home', ${recordJson('home')},
      'away', ${recordJson('away')}))
    from ranked
    where team_id in ${teams})`;
}

/** Played, won, drawn, lost and goals of one venue, as columns. */
function recordColumns(prefix: 'home' | 'away', venue: SQL): SQL {
  const p = (name: string) => sql.raw(`${prefix}_${name}`);
  return sql`count(s.team_id) filter (where ${venue}) as ${p('played')},
    count(*) filter (where ${venue} and s.gf > s.ga) as ${p('won')},
    count(*) filter (where ${venue} and s.gf = s.ga) as ${p('drawn')},
    count(*) filter (where ${venue} and s.gf < s.ga) as ${p('lost')},
    coalesce(sum(s.gf) filter (where ${venue}), 0) as ${p('gf')},
    coalesce(sum(s.ga) filter (where ${venue}), 0) as ${p('ga')}`;
}

function recordJson(prefix: 'home' | 'away'): SQL {
  const p = (name: string) => sql.raw(`${prefix}_${name}`);
  return sql`json_build_object('played', ${p('played')},
    'won', ${p('won')}, 'drawn', ${p('drawn')}, 'lost', ${p('lost')},
    'goalsFor', ${p('gf')}, 'goalsAgainst', ${p('ga')})`;
}

/** A table line with totals, points and goal difference. */
export function toTableLine(row: TableRow): TableLine {
  const { home, away } = row;
  const sum = (key: keyof RecordLine) => home[key] + away[key];
  const goalsFor = sum('goalsFor');
  const goalsAgainst = sum('goalsAgainst');
  return {
    position: row.position,
    played: sum('played'),
    won: sum('won'),
    drawn: sum('drawn'),
    lost: sum('lost'),
    goalsFor,
    goalsAgainst,
    goalDifference: goalsFor - goalsAgainst,
    points: 3 * sum('won') + sum('drawn'),
    home: { ...home },
    away: { ...away },
  };
}
