import path from 'node:path';
import { InputError } from '../core/errors.ts';
import { parseCsvRecords } from './csv.ts';
import {
  FOOTBALL_DATA_DIVISIONS,
  FOOTBALL_DATA_TIME_ZONE,
  findCompetitionInfo,
} from './competition-catalog.ts';
import { isGoalCount, MAX_GOALS } from './goal-count.ts';
import { parseClockTime, parseDayMonthYear } from './local-date-time.ts';
import type { OddsRecord, SourceMatch, TeamNameSeen } from './match-record.ts';
import { resolveTeamName } from './resolve-team-name.ts';
import {
  resolveSeason,
  seasonInName,
  type DatedEntry,
} from './season-of-dates.ts';
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
 * played. The season comes from the days of the matches and must agree
 * with a season in the file name (`resolveSeason`). Days, times, goal
 * counts and field counts are checked strictly: bad input is an
 * InputError naming the line and the value.
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
  const [head, ...records] = parseCsvRecords(text);
  const header = head?.cells;
  if (!isFootballDataHeader(header)) {
    throw new InputError(
      `not a football-data.co.uk results file: the header needs the columns ${REQUIRED.join(', ')}`,
      file,
    );
  }
  const column = new Map(header!.map((name, index) => [name, index]));
  const days: DatedEntry[] = [];
  // Rows of empty cells (`,,,,`), as spreadsheets leave at the end, are no
  // matches and are left out.
  const filled = records.filter(({ cells }) =>
    cells.some((cell) => cell.trim() !== ''));
  const matches = filled.map(({ line, cells: row }) => {
    checkFieldCount(file, line, row, header!.length);
    const cell = (name: string) => {
      const at = column.get(name);
      const value = at === undefined ? '' : (row[at] ?? '').trim();
      return value === '' ? null : value;
    };
    const { match, date } = readRow(file, line, cell, teamNames);
    days.push({ date, where: `line ${line}` });
    return match;
  });
  const season = resolveSeason(file, days,
    { season: seasonInName(path.basename(file)), source: 'file name' });
  return matches.map((match) => ({ ...match, season }));
}

/**
 * A row with fewer fields than the header was cut off (a truncated file):
 * refused, since its missing odds or scores would read as unknown. More
 * fields are fine only when the extra ones are empty (trailing commas).
 */
function checkFieldCount(
  file: string,
  line: number,
  row: string[],
  expected: number,
): void {
  const extra = row.slice(expected).some((cell) => cell.trim() !== '');
  if (row.length >= expected && !extra) return;
  throw new InputError(
    `line ${line}: ${row.length} fields where the header has ${expected}; the row is cut off or malformed, fix or remove it`,
    file);
}

function readRow(
  file: string,
  line: number,
  cell: (name: string) => string | null,
  teamNames: TeamNameSeen[],
): { match: SourceMatch; date: string } {
  const fail = (problem: string) =>
    new InputError(`line ${line}: ${problem}`, file);
  const division = cell('Div') ?? '';
  const competitionId = FOOTBALL_DATA_DIVISIONS[division];
  if (!competitionId || !findCompetitionInfo(competitionId)) {
    throw fail(`unknown division '${division}'; add it to FOOTBALL_DATA_DIVISIONS in src/import/competition-catalog.ts`);
  }
  const writtenDate = cell('Date');
  const date = writtenDate === null ? null : parseDayMonthYear(writtenDate);
  if (!date) {
    throw fail(`date '${writtenDate ?? ''}' is not a real day as dd/mm/yyyy`);
  }
  const writtenTime = cell('Time');
  const time = writtenTime === null ? null : parseClockTime(writtenTime);
  if (writtenTime !== null && !time) {
    throw fail(`time '${writtenTime}' is not a time of day as HH:MM`);
  }

  const goals = (name: string) => {
    const value = cell(name);
    if (value === null) return null;
    const count = /^\d+$/.test(value) ? Number(value) : NaN;
    if (!isGoalCount(count)) {
      throw fail(`${name} '${value}' is not a goal count from 0 to ${MAX_GOALS}`);
    }
    return count;
  };
  const homeGoals = goals('FTHG');
  const awayGoals = goals('FTAG');
  if ((homeGoals === null) !== (awayGoals === null)) {
    throw fail('only one of FTHG and FTAG is filled');
  }
  const halfHome = goals('HTHG');
  const halfAway = goals('HTAG');
  const hasHalf = halfHome !== null && halfAway !== null;

  const homeTeam = resolveTeamName(file, cell('HomeTeam'), teamNames);
  const awayTeam = resolveTeamName(file, cell('AwayTeam'), teamNames);
  if (homeTeam === awayTeam) {
    throw fail(`'${cell('HomeTeam')}' and '${cell('AwayTeam')}' are the same team (${homeTeam}); a team cannot play itself`);
  }

  const match: SourceMatch = {
    competitionId,
    season: '',
    round: null,
    homeTeam,
    awayTeam,
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
  return { match, date };
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
