import type {
  FormEntry,
  MatchContext,
  RecordLine,
  TableLine,
} from '../../src/core/types.ts';
import type {
  ForecastInput,
  PastResult,
} from '../../src/models/forecaster.ts';
import type { HistoricMatch } from './football-data-season.ts';

/**
 * Forecast inputs for historic matches, built only from the matches that
 * kicked off strictly before each one, the way the analysis stage should.
 */
export function makeForecastInput(
  matches: readonly HistoricMatch[],
  match: HistoricMatch,
  teamIds: ReadonlyMap<string, number>,
): ForecastInput {
  const before = matches.filter(
    (other) => other.kickoff.getTime() < match.kickoff.getTime(),
  );
  const idOf = (name: string): number => {
    const id = teamIds.get(name);
    if (id === undefined) throw new Error(`unknown team ${name}`);
    return id;
  };
  const table = tableOf(
    before.filter(
      (other) =>
        other.season === match.season &&
        other.competitionId === match.competitionId,
    ),
  );
  const context: MatchContext = {
    matchId: match.matchId,
    competitionId: match.competitionId,
    season: match.season,
    round: null,
    kickoff: match.kickoff.toISOString(),
    kickoffTimeKnown: true,
    asOf: match.kickoff.toISOString(),
    tableSize: table.size,
    home: {
      teamId: idOf(match.homeTeam),
      name: match.homeTeam,
      form: formOf(before, match.homeTeam),
      table: table.get(match.homeTeam) ?? null,
    },
    away: {
      teamId: idOf(match.awayTeam),
      name: match.awayTeam,
      form: formOf(before, match.awayTeam),
      table: table.get(match.awayTeam) ?? null,
    },
    headToHead: before
      .filter((other) =>
        [other.homeTeam, other.awayTeam].every((team) =>
          [match.homeTeam, match.awayTeam].includes(team),
        ),
      )
      .reverse()
      .slice(0, 5)
      .map((other) => ({
        matchId: other.matchId,
        kickoff: other.kickoff.toISOString(),
        competitionId: other.competitionId,
        homeTeam: other.homeTeam,
        awayTeam: other.awayTeam,
        homeGoals: other.homeGoals,
        awayGoals: other.awayGoals,
      })),
    odds: { bookmaker: 'average', ...match.odds },
    injuries: null,
    missing: [],
  };
  const pastResults: PastResult[] = before.map((other) => ({
    matchId: other.matchId,
    competitionId: other.competitionId,
    season: other.season,
    kickoff: other.kickoff,
    homeTeamId: idOf(other.homeTeam),
    awayTeamId: idOf(other.awayTeam),
    homeGoals: other.homeGoals,
    awayGoals: other.awayGoals,
  }));
  return { context, pastResults: async () => pastResults };
}

/** Team ids numbered from 1 in alphabetical order of the names. */
export function makeTeamIds(
  matches: readonly HistoricMatch[],
): Map<string, number> {
  const names = [
    ...new Set(matches.flatMap((m) => [m.homeTeam, m.awayTeam])),
  ].sort();
  return new Map(names.map((name, index) => [name, index + 1]));
}

function formOf(before: readonly HistoricMatch[], team: string): FormEntry[] {
  return before
    .filter((m) => m.homeTeam === team || m.awayTeam === team)
    .slice(-5)
    .reverse()
    .map((m) => {
      const home = m.homeTeam === team;
      const goalsFor = home ? m.homeGoals : m.awayGoals;
      const goalsAgainst = home ? m.awayGoals : m.homeGoals;
      return {
        matchId: m.matchId,
        kickoff: m.kickoff.toISOString(),
        competitionId: m.competitionId,
        opponent: home ? m.awayTeam : m.homeTeam,
        venue: home ? 'home' : 'away',
        goalsFor,
        goalsAgainst,
        result:
          goalsFor > goalsAgainst ? 'W' : goalsFor < goalsAgainst ? 'L' : 'D',
      };
    });
}

function tableOf(season: readonly HistoricMatch[]): Map<string, TableLine> {
  const lines = new Map<string, { home: RecordLine; away: RecordLine }>();
  const lineOf = (team: string) => {
    let line = lines.get(team);
    if (!line) {
      line = { home: emptyRecord(), away: emptyRecord() };
      lines.set(team, line);
    }
    return line;
  };
  for (const m of season) {
    addResult(lineOf(m.homeTeam).home, m.homeGoals, m.awayGoals);
    addResult(lineOf(m.awayTeam).away, m.awayGoals, m.homeGoals);
  }
  const table = [...lines.entries()].map(([team, { home, away }]) => {
    const total = emptyRecord();
    for (const key of Object.keys(total) as (keyof RecordLine)[]) {
      total[key] = home[key] + away[key];
    }
    return {
      team,
      line: {
        ...total,
        position: 0,
        goalDifference: total.goalsFor - total.goalsAgainst,
        points: 3 * total.won + total.drawn,
        home,
        away,
      },
    };
  });
  table.sort(
    (a, b) =>
      b.line.points - a.line.points ||
      b.line.goalDifference - a.line.goalDifference ||
      b.line.goalsFor - a.line.goalsFor ||
      a.team.localeCompare(b.team),
  );
  table.forEach((entry, index) => (entry.line.position = index + 1));
  return new Map(table.map((entry) => [entry.team, entry.line]));
}

function emptyRecord(): RecordLine {
  return { played: 0, won: 0, drawn: 0, lost: 0, goalsFor: 0, goalsAgainst: 0 };
}

function addResult(line: RecordLine, scored: number, conceded: number): void {
  line.played += 1;
  line.goalsFor += scored;
  line.goalsAgainst += conceded;
  if (scored > conceded) line.won += 1;
  else if (scored < conceded) line.lost += 1;
  else line.drawn += 1;
}
