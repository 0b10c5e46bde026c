import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from '../../src/core/paths.ts';

/**
 * A small reader of football-data.co.uk CSV files for the baseline tests,
 * independent of the importers: results with kickoffs and average odds.
 */
export interface HistoricMatch {
  matchId: number;
  competitionId: string;
  season: string;
  kickoff: Date;
  homeTeam: string;
  awayTeam: string;
  homeGoals: number;
  awayGoals: number;
  /** Average 1X2 and over/under 2.5 prices of the file (`Avg*`). */
  odds: {
    home: number;
    draw: number;
    away: number;
    over25: number;
    under25: number;
  };
}

/**
 * The matches of football-data files, oldest first (ties by file order),
 * numbered from 1 in that order. `files` are names in the shared
 * `football-data/` folder with their season, e.g. `E0-2023-24.csv`.
 */
export function readFootballDataSeasons(
  files: readonly { file: string; season: string }[],
): HistoricMatch[] {
  const matches: Omit<HistoricMatch, 'matchId'>[] = [];
  for (const { file, season } of files) {
    const text = readFileSync(
      path.join(sharedDataDir(), 'football-data', file),
      'utf8',
    ).replace(/^\uFEFF/, '');
    const [header = '', ...lines] = text.split(/\r?\n/).filter(Boolean);
    const columns = header.split(',');
    const at = (row: string[], name: string): string => {
      const value = row[columns.indexOf(name)];
      if (value === undefined || value === '') {
        throw new Error(`${file}: column ${name} is empty`);
      }
      return value;
    };
    for (const line of lines) {
      const row = line.split(',');
      matches.push({
        competitionId: at(row, 'Div'),
        season,
        kickoff: ukTimeToUtc(at(row, 'Date'), at(row, 'Time')),
        homeTeam: at(row, 'HomeTeam'),
        awayTeam: at(row, 'AwayTeam'),
        homeGoals: Number(at(row, 'FTHG')),
        awayGoals: Number(at(row, 'FTAG')),
        odds: {
          home: Number(at(row, 'AvgH')),
          draw: Number(at(row, 'AvgD')),
          away: Number(at(row, 'AvgA')),
          over25: Number(at(row, 'Avg>2.5')),
          under25: Number(at(row, 'Avg<2.5')),
        },
      });
    }
  }
  const sorted = matches
    .map((match, order) => ({ match, order }))
    .sort(
      (a, b) =>
        a.match.kickoff.getTime() - b.match.kickoff.getTime() ||
        a.order - b.order,
    );
  return sorted.map(({ match }, index) => ({ ...match, matchId: index + 1 }));
}

/**
 * `dd/mm/yyyy` and `HH:MM` in UK local time (GMT, or BST from the last
 * Sunday of March to the last Sunday of October, switching at 01:00 UTC).
 */
export function ukTimeToUtc(date: string, time: string): Date {
  const [day, month, year] = date.split('/').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  if ([day, month, year, hour, minute].some((n) => n === undefined)) {
    throw new Error(`bad date or time: ${date} ${time}`);
  }
  const asGmt = Date.UTC(year!, month! - 1, day!, hour!, minute!);
  const bstStart = lastSundayAtOne(year!, 2);
  const bstEnd = lastSundayAtOne(year!, 9);
  const inBst = asGmt - 3_600_000 >= bstStart && asGmt - 3_600_000 < bstEnd;
  return new Date(inBst ? asGmt - 3_600_000 : asGmt);
}

function lastSundayAtOne(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0, 1));
  lastDay.setUTCDate(lastDay.getUTCDate() - lastDay.getUTCDay());
  return lastDay.getTime();
}
