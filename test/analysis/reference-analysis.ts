import type {
  FormEntry,
  HeadToHeadEntry,
  MatchContext,
  RecordLine,
  TableLine,
} from '../../src/core/types.ts';
import type { Db } from '../../src/db/open-database.ts';
import {
  competitions,
  matchOdds,
  matches,
  teams,
} from '../../src/db/schema.ts';

/**
 * A second, independent implementation of the analysis in plain
 * TypeScript, used only by tests as an oracle. It works on a copy of the
 * data already cut at the match's kickoff (see `cutAtKickoff`) and uses
 * every row it is given, so it cannot see later data by construction.
 */

type MatchRow = typeof matches.$inferSelect;
type OddsRow = typeof matchOdds.$inferSelect;

export interface ReferenceData {
  matches: MatchRow[];
  teamNames: Map<number, string>;
  odds: OddsRow[];
  /** Time zone by competition id. */
  timeZones: Map<string, string>;
}

/** Reads every match, team and odds row. */
export async function loadReferenceData(db: Db): Promise<ReferenceData> {
  const [matchRows, teamRows, oddsRows, competitionRows] =
    await Promise.all([
      db.select().from(matches),
      db.select().from(teams),
      db.select().from(matchOdds),
      db.select().from(competitions),
    ]);
  return {
    matches: matchRows,
    teamNames: new Map(teamRows.map((t) => [t.id, t.name])),
    odds: oddsRows,
    timeZones: new Map(competitionRows.map((c) => [c.id, c.timeZone])),
  };
}

/**
 * The data as it stood at a match's kickoff: every match kicking off at or
 * after it removed, and the match itself reset to scheduled with no score.
 */
export function cutAtKickoff(
  data: ReferenceData,
  matchId: number,
): ReferenceData {
  const target = data.matches.find((m) => m.id === matchId);
  if (!target) throw new Error(`no match ${matchId}`);
  const cut = target.kickoff.getTime();
  const kept = data.matches
    .filter((m) => m.kickoff.getTime() < cut)
    .concat({ ...target, status: 'scheduled', homeGoals: null,
      awayGoals: null });
  const keptIds = new Set(kept.map((m) => m.id));
  return {
    matches: kept,
    teamNames: data.teamNames,
    odds: data.odds.filter((o) => keptIds.has(o.matchId)),
    timeZones: data.timeZones,
  };
}

/** The analysis of a match from cut data, computed the plain way. */
export function referenceAnalysis(
  data: ReferenceData,
  matchId: number,
): MatchContext {
  const target = data.matches.find((m) => m.id === matchId)!;
  const name = (id: number) => data.teamNames.get(id)!;
  const results = data.matches.filter(
    (m) => m.status === 'finished' && m.homeGoals !== null,
  );
  const newestFirst = (a: MatchRow, b: MatchRow) =>
    b.kickoff.getTime() - a.kickoff.getTime() || b.id - a.id;

  const formOf = (teamId: number): FormEntry[] =>
    results
      .filter((m) => m.homeTeamId === teamId || m.awayTeamId === teamId)
      .sort(newestFirst)
      .slice(0, 5)
      .map((m) => {
        const home = m.homeTeamId === teamId;
        const goalsFor = (home ? m.homeGoals : m.awayGoals)!;
        const goalsAgainst = (home ? m.awayGoals : m.homeGoals)!;
        return {
          matchId: m.id,
          kickoff: m.kickoff.toISOString(),
          competitionId: m.competitionId,
          opponent: name(home ? m.awayTeamId : m.homeTeamId),
          venue: home ? 'home' : 'away',
          goalsFor,
          goalsAgainst,
          result: goalsFor > goalsAgainst ? 'W'
            : goalsFor < goalsAgainst ? 'L' : 'D',
        };
      });

  const table = referenceTable(data, target, name);
  const headToHead: HeadToHeadEntry[] = results
    .filter((m) =>
      (m.homeTeamId === target.homeTeamId &&
        m.awayTeamId === target.awayTeamId) ||
      (m.homeTeamId === target.awayTeamId &&
        m.awayTeamId === target.homeTeamId))
    .sort(newestFirst)
    .slice(0, 6)
    .map((m) => ({
      matchId: m.id,
      kickoff: m.kickoff.toISOString(),
      competitionId: m.competitionId,
      homeTeam: name(m.homeTeamId),
      awayTeam: name(m.awayTeamId),
      homeGoals: m.homeGoals!,
      awayGoals: m.awayGoals!,
    }));

  const rank = (b: string) => (b === 'avg' ? 0 : b === 'b365' ? 1 : 2);
  const [oddsRow] = data.odds
    .filter((o) => o.matchId === matchId)
    .sort((a, b) => rank(a.bookmaker) - rank(b.bookmaker) ||
      (a.bookmaker < b.bookmaker ? -1 : a.bookmaker > b.bookmaker ? 1 : 0));

  const home = {
    teamId: target.homeTeamId, name: name(target.homeTeamId),
    form: formOf(target.homeTeamId),
    table: table.get(target.homeTeamId) ?? null,
  };
  const away = {
    teamId: target.awayTeamId, name: name(target.awayTeamId),
    form: formOf(target.awayTeamId),
    table: table.get(target.awayTeamId) ?? null,
  };
  const missing = [
    ...(home.form.length === 0 ? ['home.form'] : []),
    ...(away.form.length === 0 ? ['away.form'] : []),
    ...(oddsRow ? [] : ['odds']),
    'injuries',
  ];
  return {
    matchId,
    competitionId: target.competitionId,
    season: target.season,
    round: target.round,
    kickoff: target.kickoff.toISOString(),
    kickoffTimeKnown: target.kickoffTimeKnown,
    // en-CA writes dates as YYYY-MM-DD.
    kickoffDate: new Intl.DateTimeFormat('en-CA', {
      timeZone: data.timeZones.get(target.competitionId)!,
      year: 'numeric', month: '2-digit', day: '2-digit',
    }).format(target.kickoff),
    asOf: target.kickoff.toISOString(),
    tableSize: table.size,
    home,
    away,
    headToHead,
    odds: oddsRow
      ? {
        bookmaker: oddsRow.bookmaker, home: oddsRow.home,
        draw: oddsRow.draw, away: oddsRow.away, over25: oddsRow.over25,
        under25: oddsRow.under25,
      }
      : null,
    injuries: null,
    missing,
  };
}

function referenceTable(
  data: ReferenceData,
  target: MatchRow,
  name: (id: number) => string,
): Map<number, TableLine> {
  // In the Champions League only the league phase or group stage makes
  // the table; in a league every match does.
  const inTable = (m: MatchRow) => m.competitionId !== 'uefa.cl' ||
    /^(League, Matchday|Group Stage -|Matchday) \d+$/.test(m.round ?? '');
  const season = data.matches.filter(
    (m) => m.competitionId === target.competitionId &&
      m.season === target.season && (inTable(m) || m.id === target.id),
  );
  const empty = (): RecordLine => ({
    played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0,
  });
  const venues = new Map<number, { home: RecordLine; away: RecordLine }>();
  for (const m of season) {
    for (const id of [m.homeTeamId, m.awayTeamId]) {
      if (!venues.has(id)) venues.set(id, { home: empty(), away: empty() });
    }
  }
  const add = (r: RecordLine, gf: number, ga: number) => {
    r.played += 1;
    r.goalsFor += gf;
    r.goalsAgainst += ga;
    if (gf > ga) r.won += 1;
    else if (gf < ga) r.lost += 1;
    else r.drawn += 1;
  };
  for (const m of season) {
    if (m.status !== 'finished' || m.homeGoals === null) continue;
    add(venues.get(m.homeTeamId)!.home, m.homeGoals, m.awayGoals!);
    add(venues.get(m.awayTeamId)!.away, m.awayGoals!, m.homeGoals);
  }

  const lines = [...venues].map(([teamId, { home, away }]) => {
    const goalsFor = home.goalsFor + away.goalsFor;
    const goalsAgainst = home.goalsAgainst + away.goalsAgainst;
    const won = home.won + away.won;
    const drawn = home.drawn + away.drawn;
    const line: TableLine = {
      position: 0, played: home.played + away.played, won, drawn,
      lost: home.lost + away.lost, goalsFor, goalsAgainst,
      goalDifference: goalsFor - goalsAgainst, points: 3 * won + drawn,
      home, away,
    };
    return { teamId, teamName: name(teamId), line };
  });
  lines.sort((a, b) =>
    b.line.points - a.line.points ||
    b.line.goalDifference - a.line.goalDifference ||
    b.line.goalsFor - a.line.goalsFor ||
    (a.teamName < b.teamName ? -1 : a.teamName > b.teamName ? 1 : 0));
  lines.forEach((l, i) => (l.line.position = i + 1));
  return new Map(lines.map((l) => [l.teamId, l.line]));
}
