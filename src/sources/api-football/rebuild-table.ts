import type { RecordLine, TableLine } from '../../core/types.ts';
import type { SourceFixture } from './map-fixture.ts';

/** A rebuilt table line with the team it belongs to. */
export interface RebuiltLine {
  teamId: number;
  teamName: string;
  line: TableLine;
}

const emptyRecord = (): RecordLine => ({
  played: 0,
  won: 0,
  drawn: 0,
  lost: 0,
  goalsFor: 0,
  goalsAgainst: 0,
});

/**
 * A league table from results alone (3 points a win, 1 a draw; ranked by
 * points, goal difference, goals scored, then name). Pass only fixtures of
 * one league season already cut at kickoff (fixturesBeforeKickoff): the
 * provider's own table is the newest, which would leak later results.
 * Head-to-head tie-breaks and point deductions are not modelled.
 */
export function rebuildTable(
  fixtures: readonly SourceFixture[],
): RebuiltLine[] {
  type Split = { name: string; home: RecordLine; away: RecordLine };
  const byTeam = new Map<number, Split>();
  const entry = (id: number, name: string) => {
    let found = byTeam.get(id);
    if (!found) {
      found = { name, home: emptyRecord(), away: emptyRecord() };
      byTeam.set(id, found);
    }
    return found;
  };

  for (const fixture of fixtures) {
    if (fixture.status !== 'finished' || !fixture.score) continue;
    const { home, away } = fixture.score;
    add(entry(fixture.home.id, fixture.home.name).home, home, away);
    add(entry(fixture.away.id, fixture.away.name).away, away, home);
  }

  const lines = [...byTeam].map(([teamId, { name, home, away }]) => {
    const all = sum(home, away);
    const line: TableLine = {
      ...all,
      position: 0,
      goalDifference: all.goalsFor - all.goalsAgainst,
      points: all.won * 3 + all.drawn,
      home,
      away,
    };
    return { teamId, teamName: name, line };
  });
  lines.sort(
    (a, b) =>
      b.line.points - a.line.points ||
      b.line.goalDifference - a.line.goalDifference ||
      b.line.goalsFor - a.line.goalsFor ||
      a.teamName.localeCompare(b.teamName),
  );
  lines.forEach((entry, index) => (entry.line.position = index + 1));
  return lines;
}

function add(record: RecordLine, scored: number, conceded: number): void {
  record.played += 1;
  record.goalsFor += scored;
  record.goalsAgainst += conceded;
  if (scored > conceded) record.won += 1;
  else if (scored === conceded) record.drawn += 1;
  else record.lost += 1;
}

function sum(a: RecordLine, b: RecordLine): RecordLine {
  return {
    played: a.played + b.played,
    won: a.won + b.won,
    drawn: a.drawn + b.drawn,
    lost: a.lost + b.lost,
    goalsFor: a.goalsFor + b.goalsFor,
    goalsAgainst: a.goalsAgainst + b.goalsAgainst,
  };
}
