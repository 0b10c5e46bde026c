import path from 'node:path';
import { InputError } from '../core/errors.ts';
import { parseCsv } from './csv.ts';
import {
  FOOTBALL_DATA_DIVISIONS,
  FOOTBALL_DATA_TIME_ZONE,
  findCompetitionInfo,
} from './competition-catalog.ts';
import type { OddsRecord, SourceMatch, TeamNameSeen } from './match-record.ts';
import { resolveTeamName } from './resolve-team-name.ts';
import { localToUtc } from './time-zone.ts';

const REQUIRED = ['Div', 'Date', 'HomeTeam', 'AwayTeam', 'FTHG', 'FTAG'];

/** Bookmakers kept, by our id and the column prefixes in the file. */
const BOOKMAKERS = [
  { id: 'avg', prefix: 'Avg', over: 'Avg>2.5', under: 'Avg<2.5' },
  { id: 'b365', prefix: 'B365', over: 'B365>2.5', under: 'B365<2.5' },
];

/** True when the first CSV row is a football-data.co.uk header. */
export function isFootballDataHeader(header: string[] | undefined): boolean {
  return !!header && REQUIRED.every((column) => header.includes(column));
}

/**
 * The matches of a football-data.co.uk results file, with Avg and B365
 * 1X2 odds and Avg (and B365) over/under 2.5 goals. Columns are found by
 * name, since the set changes from season to season. Times are UK local
 * time for every league. An empty full-time score is a fixture not yet
 * played.
 *
 * Awarded matches cannot be told apart: the file records them as a plain
 * result (Union Berlin v Bochum, 14/12/2024, 0-2 with an empty half-time
 * score), and an empty half-time score alone does not prove it. They stay
 * finished with the recorded score.
 */
export function readFootballData(
  file: string,
  text: string,
  teamNames: TeamNameSeen[],
): SourceMatch[] {
  const [header, ...rows] = parseCsv(text);
  if (!isFootballDataHeader(header)) {
    throw new InputError(
      `not a football-data.co.uk results file: the header needs the columns ${REQUIRED.join(', ')}`,
      file,
    );
  }
  const column = new Map(header!.map((name, index) => [name, index]));
  const season = seasonFromFileName(file);
  const matches = rows.map((row, index) => {
    const line = index + 2;
    const cell = (name: string) => {
      const at = column.get(name);
      const value = at === undefined ? '' : (row[at] ?? '').trim();
      return value === '' ? null : value;
    };
    return readRow(file, line, cell, teamNames);
  });
  const seasonOfRows = season ?? seasonFromDates(file, matches);
  return matches.map((match) => ({ ...match, season: seasonOfRows }));
}

function readRow(
  file: string,
  line: number,
  cell: (name: string) => string | null,
  teamNames: TeamNameSeen[],
): SourceMatch {
  const fail = (problem: string) =>
    new InputError(`line ${line}: ${problem}`, file);
  const division = cell('Div') ?? '';
  const competitionId = FOOTBALL_DATA_DIVISIONS[division];
  if (!competitionId || !findCompetitionInfo(competitionId)) {
    throw fail(`unknown division '${division}'; add it to FOOTBALL_DATA_DIVISIONS in src/import/competition-catalog.ts`);
  }
  const date = isoDate(cell('Date'));
  if (!date) throw fail(`date '${cell('Date')}' is not dd/mm/yyyy`);
  const time = cell('Time');
  if (time !== null && !/^\d{1,2}:\d{2}$/.test(time)) {
    throw fail(`time '${time}' is not HH:MM`);
  }

  const goals = (name: string) => {
    const value = cell(name);
    if (value === null) return null;
    if (!/^\d+$/.test(value)) {
      throw fail(`${name} '${value}' is not a goal count`);
    }
    return Number(value);
  };
  const homeGoals = goals('FTHG');
  const awayGoals = goals('FTAG');
  if ((homeGoals === null) !== (awayGoals === null)) {
    throw fail('only one of FTHG and FTAG is filled');
  }
  const halfHome = goals('HTHG');
  const halfAway = goals('HTAG');
  const hasHalf = halfHome !== null && halfAway !== null;

  return {
    competitionId,
    season: '',
    round: null,
    homeTeam: resolveTeamName(file, cell('HomeTeam'), teamNames),
    awayTeam: resolveTeamName(file, cell('AwayTeam'), teamNames),
    // Without a time the kickoff is local midnight of the league's zone,
    // the same as openfootball, so both sources agree on the day.
    kickoff: time
      ? localToUtc(date, time, FOOTBALL_DATA_TIME_ZONE)
      : localToUtc(date, null, findCompetitionInfo(competitionId)!.timeZone),
    kickoffTimeKnown: time !== null,
    status: homeGoals === null ? 'scheduled' : 'finished',
    homeGoals,
    awayGoals,
    halfTimeHomeGoals: hasHalf ? halfHome : null,
    halfTimeAwayGoals: hasHalf ? halfAway : null,
    extraTimeHomeGoals: null,
    extraTimeAwayGoals: null,
    penaltyHomeGoals: null,
    penaltyAwayGoals: null,
    odds: readOdds(cell, fail),
  };
}

function readOdds(
  cell: (name: string) => string | null,
  fail: (problem: string) => InputError,
): OddsRecord[] {
  const price = (name: string) => {
    const value = cell(name);
    if (value === null) return null;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 1) {
      throw fail(`odds ${name} '${value}' is not a decimal price above 1`);
    }
    return number;
  };
  const odds: OddsRecord[] = [];
  for (const bookmaker of BOOKMAKERS) {
    const home = price(`${bookmaker.prefix}H`);
    const draw = price(`${bookmaker.prefix}D`);
    const away = price(`${bookmaker.prefix}A`);
    if (home === null || draw === null || away === null) continue;
    const over25 = price(bookmaker.over);
    const under25 = price(bookmaker.under);
    const bothTotals = over25 !== null && under25 !== null;
    odds.push({
      bookmaker: bookmaker.id,
      home,
      draw,
      away,
      over25: bothTotals ? over25 : null,
      under25: bothTotals ? under25 : null,
    });
  }
  return odds;
}

/** `dd/mm/yyyy` (or `dd/mm/yy` in old files) as `yyyy-mm-dd`. */
function isoDate(value: string | null): string | null {
  const parts = value ? /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})$/.exec(value) : null;
  if (!parts) return null;
  const year = parts[3]!.length === 2 ? `20${parts[3]}` : parts[3]!;
  return `${year}-${parts[2]}-${parts[1]}`;
}

function seasonFromFileName(file: string): string | null {
  const match = /(\d{4})-(\d{2})/.exec(path.basename(file));
  return match ? `${match[1]}-${match[2]}` : null;
}

/** A season runs from August to July: the first match decides. */
function seasonFromDates(file: string, matches: SourceMatch[]): string {
  const first = matches[0];
  if (!first) {
    throw new InputError('no matches and no season in the file name', file);
  }
  const year = first.kickoff.getUTCFullYear();
  const start = first.kickoff.getUTCMonth() >= 7 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
