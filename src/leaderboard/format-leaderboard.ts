import type { LeaderboardRow } from './get-leaderboard.ts';

const HEADERS = [
  'rank', 'model', 'matches', 'points', 'average', 'exact', 'tendency',
] as const;

/**
 * The leaderboard as an aligned text table for people: names left,
 * numbers right, average with two decimals, rates as percentages.
 */
export function formatLeaderboard(rows: readonly LeaderboardRow[]): string {
  if (rows.length === 0) {
    return 'no settled predictions match the filter\n';
  }
  const cells = rows.map((row) => [
    String(row.rank),
    row.displayName,
    String(row.matches),
    String(row.totalPoints),
    row.averagePoints.toFixed(2),
    percent(row.exactRate),
    percent(row.tendencyRate),
  ]);
  const widths = HEADERS.map((header, column) =>
    Math.max(header.length, ...cells.map((line) => line[column]!.length)),
  );
  const render = (line: readonly string[]) =>
    line
      .map((cell, column) =>
        column === 1
          ? cell.padEnd(widths[column]!)
          : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return `${[HEADERS, ...cells].map(render).join('\n')}\n`;
}

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}
