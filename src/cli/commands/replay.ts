import { UsageError } from '../../core/errors.ts';
import { importFiles } from '../../import/import-files.ts';
import { openStageDeps } from '../../pipeline/open-stage-deps.ts';
import { openStageRunner } from '../../pipeline/open-stage-runner.ts';
import { formatReplayReport } from '../../pipeline/replay-report.ts';
import { runReplay } from '../../pipeline/run-replay.ts';
import { syncRoster } from '../../roster/sync-roster.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

const USAGE =
  'scoreline replay --from DATE --to DATE [--competition ID] [--fail-rate P] [--seed N] [--import PATH]... [--concurrency N] [--json]';

/**
 * `scoreline replay`: runs the regular pipeline over a past period as it
 * would have run live, optionally injecting faults, and reports what it
 * did. Embedded without `REDIS_URL`, on BullMQ workers with it.
 */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'run the pipeline over past matches, optionally with faults',
  usage: USAGE,
  async run({ argv, stdout, logger, signal }) {
    const { values } = parseOptions(
      argv,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        competition: { type: 'string' },
        'fail-rate': { type: 'string' },
        seed: { type: 'string' },
        import: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
        json: { type: 'boolean' },
      },
      USAGE,
    );
    const from = parseDay(values.from, '--from', false);
    const to = parseDay(values.to, '--to', true);
    if (to <= from) {
      throw new UsageError('--to must be on or after --from');
    }
    const failRate = parseRate(values['fail-rate']);
    const seed = parseWhole(values.seed, '--seed', 1, 0);
    const concurrency = parseWhole(values.concurrency, '--concurrency', 1, 1);

    const { deps, database } = await openStageDeps({ logger, signal });
    try {
      if (values.import && values.import.length > 0) {
        await importFiles(database.db, values.import,
          logger.child({ component: 'import' }), undefined, signal);
      }
      await syncRoster(database.db, deps.roster);
      const runner = await openStageRunner({ deps, logger });
      try {
        const report = await runReplay({
          db: database.db, runner, logger, from, to,
          competitionId: values.competition, failRate, seed, concurrency,
          signal,
        });
        if (report.matches === 0) {
          throw new UsageError(
            'no predictable matches in that period; import fixtures first (--import PATH or scoreline import) or widen --from/--to');
        }
        stdout.write(values.json
          ? `${JSON.stringify(report, null, 2)}\n`
          : formatReplayReport(report));
      } finally {
        await runner.close();
      }
    } finally {
      await database.close();
    }
    return 0;
  },
};

/** A day (YYYY-MM-DD, UTC) or an ISO instant; `--to` days are inclusive. */
function parseDay(value: string | undefined, flag: string, end: boolean) {
  if (value === undefined) {
    throw new UsageError(`${flag} is required (a date such as 2025-08-15)`);
  }
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = new Date(dayOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(instant.getTime())) {
    throw new UsageError(`${flag} '${value}' is not a date such as 2025-08-15 or an ISO time`);
  }
  if (dayOnly && end) instant.setUTCDate(instant.getUTCDate() + 1);
  return instant;
}

function parseRate(value: string | undefined): number {
  if (value === undefined) return 0;
  const rate = Number(value);
  if (!/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(value) || rate < 0 || rate > 1) {
    throw new UsageError(`--fail-rate '${value}' must be a number from 0 to 1, such as 0.2`);
  }
  return rate;
}

function parseWhole(
  value: string | undefined,
  flag: string,
  fallback: number,
  min: number,
): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min) {
    throw new UsageError(`${flag} '${value}' must be a whole number of at least ${min}`);
  }
  return Number(value);
}
