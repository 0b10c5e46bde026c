/**
 * The readers refuse input that cannot be a real match (days and times
 * that do not exist, a season that disagrees with the days, cut-off rows,
 * goal counts no match has, a team playing itself) with an InputError
 * naming the file, the line or match, and the value; nothing is rolled
 * over into another day or left to fail in the database. No database.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import { readFootballData } from '../../src/import/read-football-data.ts';
import { readOpenfootball } from '../../src/import/read-openfootball.ts';

const E0 = path.join(sharedDataDir(), 'football-data', 'E0-2024-25.csv');
const E0_TEXT = readFileSync(E0, 'utf8');
const [HEADER, FIRST_ROW] = E0_TEXT.split(/\r?\n/) as [string, string];
const col = (name: string) => HEADER.split(',').indexOf(name);

/**
 * The first E0 2024-25 row (Man United v Fulham, 16/08/2024 20:00, 1-0)
 * with some cells changed, as line 2 of a file.
 */
function csvWith(change: (cells: string[]) => void): string {
  const cells = FIRST_ROW.split(',');
  change(cells);
  return `${HEADER}\n${cells.join(',')}\n`;
}

const set = (name: string, value: string) => (cells: string[]) => {
  cells[col(name)] = value;
};

function readCsv(text: string, file = '/x/E0-2024-25.csv') {
  return readFootballData(file, text, []);
}

function readOf(
  matches: unknown[],
  file = '/x/2025-26/en.1.json',
  name = 'English Premier League 2025/26',
) {
  return readOpenfootball(file, { name, matches }, []);
}

const ofMatch = (over: Record<string, unknown>) => ({
  round: 'Matchday 1', date: '2025-08-15', time: '20:00',
  team1: 'Liverpool FC', team2: 'AFC Bournemouth', score: { ft: [4, 2] },
  ...over,
});

/** The InputError message a read throws; fails when it throws none. */
function messageOf(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError, the read succeeded');
}

describe('football-data.co.uk days and times that do not exist', () => {
  it.each([
    ['31/02/2025'], ['01/13/2025'], ['29/02/2025'], ['00/08/2024'],
    ['31/04/2025'], ['16/00/2024'], ['2024-08-16'],
  ])('refuses the date %s naming file, line and value', (date) => {
    expect(messageOf(() => readCsv(csvWith(set('Date', date)))))
      .toBe(`/x/E0-2024-25.csv: line 2: date '${date}' is not a real day as dd/mm/yyyy`);
  });

  it('accepts 29 February of a leap year', () => {
    const [match] = readCsv(csvWith(set('Date', '29/02/2024')),
      '/x/E0-2023-24.csv');
    // 29/02/2024 20:00 in London (winter time) is 20:00 UTC.
    expect(match!.kickoff.toISOString()).toBe('2024-02-29T20:00:00.000Z');
    expect(match!.season).toBe('2023-24');
  });

  it.each([['25:99'], ['24:00'], ['23:60'], ['7:5'], ['20:00:00']])(
    'refuses the time %s', (time) => {
      expect(messageOf(() => readCsv(csvWith(set('Time', time)))))
        .toBe(`/x/E0-2024-25.csv: line 2: time '${time}' is not a time of day as HH:MM`);
    });

  it('reads 0:05 and 23:59 as times of that day', () => {
    const early = readCsv(csvWith(set('Time', '0:05')))[0]!;
    const late = readCsv(csvWith(set('Time', '23:59')))[0]!;
    // 16/08/2024 is British summer time (UTC+1).
    expect(early.kickoff.toISOString()).toBe('2024-08-15T23:05:00.000Z');
    expect(late.kickoff.toISOString()).toBe('2024-08-16T22:59:00.000Z');
  });
});

describe('openfootball days and times that do not exist', () => {
  it.each([['2025-02-31'], ['2025-13-01'], ['2025-08-00'], ['15/08/2025']])(
    'refuses "date" %s', (date) => {
      expect(messageOf(() => readOf([ofMatch({}), ofMatch({ date })])))
        .toBe(`/x/2025-26/en.1.json: match 2: "date" '${date}' is not a real day as YYYY-MM-DD`);
    });

  it.each([['24:75'], ['25:99'], ['24:00'], ['noon']])(
    'refuses "time" %s', (time) => {
      expect(messageOf(() => readOf([ofMatch({ time })])))
        .toBe(`/x/2025-26/en.1.json: match 1: "time" '${time}' is not a time of day as HH:MM`);
    });
});

describe('the season of a file', () => {
  it('reads E0-2024-2025.csv as season 2024-25, not 2024-20', () => {
    const matches = readCsv(E0_TEXT, '/x/E0-2024-2025.csv');
    expect(matches).toHaveLength(380);
    expect(new Set(matches.map((m) => m.season))).toEqual(new Set(['2024-25']));
  });

  it('reads time2599-2024-25.csv as season 2024-25, not 2599-20', () => {
    const matches = readCsv(E0_TEXT, '/x/time2599-2024-25.csv');
    expect(new Set(matches.map((m) => m.season))).toEqual(new Set(['2024-25']));
  });

  it('takes the season from the days when the name has none', () => {
    const matches = readCsv(E0_TEXT, '/x/premier-league.csv');
    expect(new Set(matches.map((m) => m.season))).toEqual(new Set(['2024-25']));
  });

  it('refuses a file name that gives another season', () => {
    expect(messageOf(() => readCsv(E0_TEXT, '/x/E0-2023-24.csv')))
      .toBe('/x/E0-2023-24.csv: the file name says season 2023-24 but the earliest match (line 2, 2024-08-16) is of season 2024-25; rename the file or folder to the season of its matches');
  });

  it('refuses a row far from the season of the others', () => {
    // Line 3 is a copy of line 2 a year later.
    const text = csvWith(() => undefined) +
      FIRST_ROW.replace('16/08/2024', '16/09/2025') + '\n';
    expect(messageOf(() => readCsv(text)))
      .toBe('/x/E0-2024-25.csv: line 3: the day 2025-09-16 is not in season 2024-25 (2024-07-01 to 2025-08-31); fix the date or split the file by season');
  });

  it('refuses an openfootball folder of another season', () => {
    expect(messageOf(() => readOf([ofMatch({})], '/x/2024-25/en.1.json')))
      .toBe('/x/2024-25/en.1.json: the folder name says season 2024-25 but the earliest match (match 1, 2025-08-15) is of season 2025-26; rename the file or folder to the season of its matches');
  });

  it('checks the competition name when the folder has no season', () => {
    expect(messageOf(() => readOf([ofMatch({})], '/x/data/en.1.json',
      'English Premier League 2026/27'))).toMatch(
      /the competition name says season 2026-27 but the earliest match/);
    const [match] = readOf([ofMatch({})], '/x/data/en.1.json', 'Premier');
    expect(match!.season).toBe('2025-26');
  });
});

describe('rows cut off or malformed', () => {
  it('refuses a truncated row (13 of 120 fields) naming the counts', () => {
    const cells = FIRST_ROW.split(',').slice(0, 13);
    expect(messageOf(() => readCsv(`${HEADER}\n${cells.join(',')}\n`)))
      .toBe('/x/E0-2024-25.csv: line 2: 13 fields where the header has 120; the row is cut off or malformed, fix or remove it');
  });

  it('refuses a row with values past the header, accepts empty ones', () => {
    expect(messageOf(() => readCsv(csvWith((c) => c.push('', '7')))))
      .toMatch(/line 2: 122 fields where the header has 120/);
    expect(readCsv(csvWith((c) => c.push('', '')))).toHaveLength(1);
  });

  it('leaves out rows of empty cells that spreadsheets add', () => {
    const empty = ','.repeat(119);
    const matches = readCsv(`${csvWith(() => undefined)}${empty}\n${empty}\n`);
    expect(matches.map((m) => [m.homeTeam, m.awayTeam])).toEqual([
      ['Manchester United FC', 'Fulham FC']]);
  });

  it('names the line of the file after blank lines and quoted breaks', () => {
    const text = `${HEADER}\n\n${FIRST_ROW}\n` +
      FIRST_ROW.replace('Man United', '"Man\nUnited"').slice(0, 40) + '\n';
    expect(messageOf(() => readCsv(text)))
      .toMatch(/^\/x\/E0-2024-25\.csv: line 4: \d+ fields where the header has 120/);
  });
});

describe('goal counts no match has', () => {
  it.each([['3000000000'], ['99999999999999999999'], ['100'], ['-1'], ['1.5']])(
    'refuses FTHG %s', (goals) => {
      expect(messageOf(() => readCsv(csvWith(set('FTHG', goals)))))
        .toBe(`/x/E0-2024-25.csv: line 2: FTHG '${goals}' is not a goal count from 0 to 99`);
    });

  it('refuses a huge half-time count too', () => {
    expect(messageOf(() => readCsv(csvWith(set('HTAG', '4294967296')))))
      .toMatch(/line 2: HTAG '4294967296' is not a goal count from 0 to 99/);
  });

  it('accepts 99 goals', () => {
    expect(readCsv(csvWith(set('FTHG', '99')))[0]!.homeGoals).toBe(99);
  });

  it.each([[[1e20, 0]], [[3000000000, 1]], [[100, 0]], [[-1, 0]]])(
    'refuses an openfootball score %j', (ft) => {
      expect(messageOf(() => readOf([ofMatch({ score: { ft } })])))
        .toBe('/x/2025-26/en.1.json: match 1 has score "ft" that is not two goal counts from 0 to 99');
    });
});

describe('a team playing itself', () => {
  it('is refused in football-data, also under two of its names', () => {
    expect(messageOf(() => readCsv(csvWith(set('AwayTeam', 'Man United')))))
      .toBe("/x/E0-2024-25.csv: line 2: 'Man United' and 'Man United' are the same team (Manchester United FC); a team cannot play itself");
    expect(messageOf(() =>
      readCsv(csvWith(set('AwayTeam', 'Manchester United')))))
      .toMatch(/line 2: 'Man United' and 'Manchester United' are the same team/);
  });

  it('is refused in openfootball', () => {
    expect(messageOf(() => readOf([ofMatch({ team2: 'Liverpool FC' })])))
      .toBe('/x/2025-26/en.1.json: match 1: "team1" and "team2" are the same team (Liverpool FC); a team cannot play itself');
  });
});
