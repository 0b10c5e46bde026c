import { UsageError } from '../../core/errors.ts';
import {
  openDatabase,
  type Database,
} from '../../db/open-database.ts';
import { formatLeaderboard } from '../../leaderboard/format-leaderboard.ts';
import {
  getLeaderboard,
  RETROACTIVE_CHOICES,
  type LeaderboardFilter,
  type RetroactiveChoice,
} from '../../leaderboard/get-leaderboard.ts';
import { assertKnownCompetition } from '../assert-known-competition.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

const USAGE =
  'scoreline leaderboard [--competition ID] [--from YYYY-MM-DD] ' +
  '[--to YYYY-MM-DD] [--retroactive include|exclude|only] [--json]';

/**
 * `scoreline leaderboard`: per model totals, average points and hit rates
 * as a table, or JSON with `--json`. `--from` and `--to` are UTC days,
 * both included. The database is opened through `open`, so that tests can
 * hand in their own.
 */
export function makeLeaderboardCommand(
  open: () => Promise<Database> = () => openDatabase(),
): Command {
  return {
    name: 'leaderboard',
    summary: 'rank the models by quota points',
    usage: USAGE,
    async run({ argv, stdout }) {
      const { filter, json } = parseLeaderboardArgs(argv);
      const database = await open();
      try {
        if (filter.competitionId !== undefined) {
          await assertKnownCompetition(database.db, filter.competitionId);
        }
        const rows = await getLeaderboard(database.db, filter);
        stdout.write(
          json
            ? `${JSON.stringify({ filter: describe(filter), rows }, null, 2)}\n`
            : formatLeaderboard(rows),
        );
      } finally {
        await database.close();
      }
      return 0;
    },
  };
}

export const leaderboardCommand = makeLeaderboardCommand();

const OPTIONS = {
  competition: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  retroactive: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * The filter and output choice of the command line; bad values throw a
 * UsageError naming the flag.
 */
export function parseLeaderboardArgs(argv: string[]): {
  filter: LeaderboardFilter;
  json: boolean;
} {
  const { values } = parseOptions(argv, OPTIONS, USAGE);
  const retroactive = values.retroactive ?? 'include';
  if (!isRetroactiveChoice(retroactive)) {
    throw new UsageError(
      `--retroactive must be include, exclude or only, got '${retroactive}'; usage: ${USAGE}`,
    );
  }
  const filter: LeaderboardFilter = { retroactive };
  if (values.competition !== undefined) {
    if (values.competition.trim() === '') {
      throw new UsageError(
        `--competition needs a competition id such as en.1; usage: ${USAGE}`,
      );
    }
    filter.competitionId = values.competition;
  }
  if (values.from !== undefined) filter.from = parseDay(values.from, '--from');
  if (values.to !== undefined) {
    // The whole day is included: stop at the start of the next one.
    filter.to = new Date(parseDay(values.to, '--to').getTime() + 86_400_000);
  }
  if (filter.from && filter.to && filter.from >= filter.to) {
    throw new UsageError(
      `--from ${values.from} is after --to ${values.to}; give the earlier day to --from`,
    );
  }
  return { filter, json: values.json === true };
}

function isRetroactiveChoice(value: string): value is RetroactiveChoice {
  return (RETROACTIVE_CHOICES as readonly string[]).includes(value);
}

/** A UTC day `YYYY-MM-DD` that exists in the calendar, as its midnight. */
function parseDay(value: string, flag: string): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? new Date(`${value}T00:00:00Z`)
    : null;
  if (!day || Number.isNaN(day.getTime()) ||
    day.toISOString().slice(0, 10) !== value) {
    throw new UsageError(
      `${flag} must be a day as YYYY-MM-DD, such as 2025-08-15, got '${value}'`,
    );
  }
  return day;
}

function describe(filter: LeaderboardFilter) {
  return {
    competitionId: filter.competitionId ?? null,
    from: filter.from?.toISOString() ?? null,
    /** Exclusive end instant. */
    toBefore: filter.to?.toISOString() ?? null,
    retroactive: filter.retroactive,
  };
}
