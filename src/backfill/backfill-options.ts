import { UsageError } from '../core/errors.ts';
import { parseMatchId } from '../cli/parse-match-id.ts';
import { parseOptions } from '../cli/parse-options.ts';

/** The command line of the backfill, shared by both entry points. */
export const BACKFILL_USAGE =
  'backfill [--days N] [--as-of ISO-TIME] [--dry-run] [--json] ' +
  '[--match ID] [--competition ID] [--with-workers] [--help]';

/** What the user asked the backfill to do. */
export interface BackfillOptions {
  /** Length of the backfill window in days (default 7; 0 finds nothing). */
  days: number;
  /** The instant the window ends at; null means the clock's now. */
  asOf: Date | null;
  /** Plan and print only; change nothing (default false). */
  dryRun: boolean;
  /** Print the report as one JSON object on stdout (default false). */
  json: boolean;
  /** Narrow to one match id (default: every match in the window). */
  matchId: number | null;
  /** Narrow to one competition id, such as `en.1` (default: all). */
  competitionId: string | null;
  /** Run the stage processors in this process (default false). */
  withWorkers: boolean;
  /** Print the usage and exit (default false). */
  help: boolean;
}

/** The default window: the last seven days. */
export const DEFAULT_BACKFILL_DAYS = 7;

/**
 * Parses the backfill's options. `--days=7` and `--days 7` both work;
 * anything malformed is a UsageError whose one line names the flag.
 */
export function parseBackfillOptions(argv: string[]): BackfillOptions {
  const { values } = parseOptions(
    joinNegativeValues(argv),
    {
      days: { type: 'string' },
      'as-of': { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      match: { type: 'string' },
      competition: { type: 'string' },
      'with-workers': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    BACKFILL_USAGE,
  );
  return {
    days:
      values.days === undefined ? DEFAULT_BACKFILL_DAYS : parseDays(values.days),
    asOf: values['as-of'] === undefined ? null : parseAsOf(values['as-of']),
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    matchId:
      values.match === undefined ? null : parseMatchId(values.match, '--match'),
    competitionId:
      values.competition === undefined
        ? null
        : parseCompetition(values.competition),
    withWorkers: values['with-workers'] ?? false,
    help: values.help ?? false,
  };
}

/**
 * `--days -1` would otherwise fail as an "ambiguous" option in node's
 * parser; joining it to `--days=-1` lets parseDays say what is wrong.
 */
function joinNegativeValues(argv: string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (arg === '--days' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`--days=${next}`);
      i += 1;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

/** The longest window `--days` accepts (five digits; about 270 years). */
export const MAX_BACKFILL_DAYS = 99_999;

/** `--days`: a whole number of days, 0 to MAX_BACKFILL_DAYS, in digits. */
export function parseDays(text: string): number {
  if (/^\d+$/.test(text) && Number(text) > MAX_BACKFILL_DAYS) {
    throw new UsageError(
      `--days must be at most ${MAX_BACKFILL_DAYS}, not '${text}'`,
    );
  }
  const days = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(days)) {
    throw new UsageError(
      `--days must be a whole number of days, 0 or more (such as --days 7), not '${text}'`,
    );
  }
  return days;
}

/** `--as-of`: an ISO 8601 instant; without an offset it is read as UTC. */
export function parseAsOf(text: string): Date {
  const trimmed = text.trim().replace(' ', 'T');
  const isoLike = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?/;
  const hasOffset = /(Z|[+-]\d{2}:?\d{2})$/i.test(trimmed);
  const withDefaultZone =
    hasOffset || !trimmed.includes('T') ? trimmed : `${trimmed}Z`;
  const instant = isoLike.test(trimmed)
    ? new Date(withDefaultZone)
    : new Date(Number.NaN);
  if (Number.isNaN(instant.getTime()) || !isCalendarDay(trimmed)) {
    throw new UsageError(
      `--as-of must be an ISO time such as 2026-03-01T18:00:00Z, not '${text}'`,
    );
  }
  return instant;
}

/**
 * Date parsing rolls an impossible day over (2025-02-30 becomes March 2),
 * so the written year, month and day must survive a round trip.
 */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

function parseCompetition(text: string): string {
  if (text.trim() === '') {
    throw new UsageError(
      '--competition must be a competition id such as en.1, not empty',
    );
  }
  return text.trim();
}
