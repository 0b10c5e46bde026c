import { sql } from 'drizzle-orm';
import type { RecordLine, TableLine } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { instantParam, isResult } from './iso-instant.ts';

/** Where the table is taken: one competition season, as of a kickoff. */
export interface TableScope {
  competitionId: string;
  season: string;
  asOf: string;
}

/** The lines of the two teams and the number of teams in the table. */
export interface TableLines {
  lines: Map<number, TableLine>;
  tableSize: number;
}

interface TableRow {
  teamId: number;
  position: number;
  tableSize: number;
  homePlayed: number;
  homeWon: number;
  homeDrawn: number;
  homeLost: number;
  homeGoalsFor: number;
  homeGoalsAgainst: number;
  awayPlayed: number;
  awayWon: number;
  awayDrawn: number;
  awayLost: number;
  awayGoalsFor: number;
  awayGoalsAgainst: number;
}

/**
 * The competition table as of a kickoff, from the results before it, and
 * the lines of the two given teams. Teams in the table: every team of a
 * match of this competition season with an earlier kickoff (whatever its
 * status), plus the two given teams, so that a team without a result yet
 * stands with zeros. Later fixtures are not used: they are not needed and
 * would make the table depend on data stored after kickoff. Order: points,
 * goal difference, goals scored, then name in byte order (collation "C",
 * the same on every server).
 */
export async function queryTable(
  db: Db,
  scope: TableScope,
  teamIds: readonly [number, number],
): Promise<TableLines> {
  const [first, second] = teamIds;
  const { competitionId, season } = scope;
  const asOf = instantParam(scope.asOf);
  const rows = await queryRows<TableRow>(
    db,
    sql`with earlier as (
        select m.* from matches m
        where m.competition_id = ${competitionId}
          and m.season = ${season} and m.kickoff < ${asOf}
      ), members as (
        select home_team_id as team_id from earlier
        union select away_team_id from earlier
        union select ${first}::int union select ${second}::int
      ), sides as (
        select home_team_id as team_id, true as at_home,
          home_goals as gf, away_goals as ga
        from earlier m where ${isResult('m')}
        union all
        select away_team_id, false, away_goals, home_goals
        from earlier m where ${isResult('m')}
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
      select team_id as "teamId", position::int as position,
        table_size::int as "tableSize",
        home_played as "homePlayed", home_won as "homeWon",
        home_drawn as "homeDrawn", home_lost as "homeLost",
        home_gf as "homeGoalsFor", home_ga as "homeGoalsAgainst",
        away_played as "awayPlayed", away_won as "awayWon",
        away_drawn as "awayDrawn", away_lost as "awayLost",
        away_gf as "awayGoalsFor", away_ga as "awayGoalsAgainst"
      from ranked
      where team_id in (${first}, ${second})`,
  );

  const lines = new Map<number, TableLine>();
  for (const row of rows) lines.set(row.teamId, toTableLine(row));
  return { lines, tableSize: rows[0]?.tableSize ?? 0 };
}

/** Played, won, drawn, lost and goals of one venue, as `int` columns. */
function recordColumns(prefix: 'home' | 'away', venue: ReturnType<typeof sql>) {
  const p = (name: string) => sql.raw(`${prefix}_${name}`);
  return sql`count(s.team_id) filter (where ${venue})::int as ${p('played')},
    count(*) filter (where ${venue} and s.gf > s.ga)::int as ${p('won')},
    count(*) filter (where ${venue} and s.gf = s.ga)::int as ${p('drawn')},
    count(*) filter (where ${venue} and s.gf < s.ga)::int as ${p('lost')},
    coalesce(sum(s.gf) filter (where ${venue}), 0)::int as ${p('gf')},
    coalesce(sum(s.ga) filter (where ${venue}), 0)::int as ${p('ga')}`;
}

function toTableLine(row: TableRow): TableLine {
  const home: RecordLine = {
    played: row.homePlayed,
    won: row.homeWon,
    drawn: row.homeDrawn,
    lost: row.homeLost,
    goalsFor: row.homeGoalsFor,
    goalsAgainst: row.homeGoalsAgainst,
  };
  const away: RecordLine = {
    played: row.awayPlayed,
    won: row.awayWon,
    drawn: row.awayDrawn,
    lost: row.awayLost,
    goalsFor: row.awayGoalsFor,
    goalsAgainst: row.awayGoalsAgainst,
  };
  const total = addRecords(home, away);
  return {
    position: row.position,
    ...total,
    goalDifference: total.goalsFor - total.goalsAgainst,
    points: 3 * total.won + total.drawn,
    home,
    away,
  };
}

function addRecords(a: RecordLine, b: RecordLine): RecordLine {
  return {
    played: a.played + b.played,
    won: a.won + b.won,
    drawn: a.drawn + b.drawn,
    lost: a.lost + b.lost,
    goalsFor: a.goalsFor + b.goalsFor,
    goalsAgainst: a.goalsAgainst + b.goalsAgainst,
  };
}
