import { InputError } from '../core/errors.ts';

/** A day a file gives for a match, and where it stands in the file. */
export interface DatedEntry {
  /** Local day, `YYYY-MM-DD`. */
  date: string;
  /** Where the entry is, for messages: `line 12` or `match 3`. */
  where: string;
}

/**
 * A season (`2024-25`) written in a file or folder name as `2024-25`,
 * `2024-2025`, `2024/25` or `2024/2025`, the second year following the
 * first; null when there is none. Other digit runs (`2599-20`) are not
 * seasons.
 */
export function seasonInName(name: string): string | null {
  // Every position, since candidates overlap: in `2599-2024-25` the
  // season 2024-25 starts inside `2599-2024`.
  const overlapping = /(?=(?<!\d)(\d{4})[-/](\d{4}|\d{2})(?!\d))\d/g;
  for (const found of name.matchAll(overlapping)) {
    const start = Number(found[1]);
    const end = found[2]!;
    const next = end.length === 4 ? start + 1 : (start + 1) % 100;
    if (Number(end) === next) return seasonStartingIn(start);
  }
  return null;
}

/** The season that starts in a year: 2024 gives `2024-25`. */
export function seasonStartingIn(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/**
 * The season of a file's matches, worked out from their days: the football
 * year of the earliest day, turning on 1 July (so that a season opening in
 * July is the new one). Every day must then lie from 1 July of the first
 * year to 31 August of the second (seasons stretched into August, as in
 * 2020, still fit). A season in the file or folder name must be the same.
 * Anything else is an InputError naming the entry and what to do.
 *
 * Shortcoming: a file that holds only the July or August tail of a
 * stretched season is taken for the next season and then disagrees with
 * its name; such a file has to be merged with the rest of its season.
 */
export function resolveSeason(
  file: string,
  entries: DatedEntry[],
  named: { season: string | null; source: string },
): string {
  if (entries.length === 0) {
    if (named.season) return named.season;
    throw new InputError(
      `no matches and no season in the ${named.source}; name it like 2025-26`,
      file);
  }
  const earliest = entries.reduce((a, b) => (b.date < a.date ? b : a));
  const year = Number(earliest.date.slice(0, 4));
  const month = Number(earliest.date.slice(5, 7));
  const start = month >= 7 ? year : year - 1;
  const season = seasonStartingIn(start);
  if (named.season && named.season !== season) {
    throw new InputError(
      `the ${named.source} says season ${named.season} but the earliest match (${earliest.where}, ${earliest.date}) is of season ${season}; rename the file or folder to the season of its matches`,
      file);
  }
  const first = `${start}-07-01`;
  const last = `${start + 1}-08-31`;
  const outside = entries.find((e) => e.date < first || e.date > last);
  if (outside) {
    throw new InputError(
      `${outside.where}: the day ${outside.date} is not in season ${season} (${first} to ${last}); fix the date or split the file by season`,
      file);
  }
  return season;
}
