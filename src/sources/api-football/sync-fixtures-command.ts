import type { Command } from '../../cli/command.ts';
import { parseOptions } from '../../cli/parse-options.ts';
import { ConfigError, EXIT, UsageError } from '../../core/errors.ts';
import { openDatabase } from '../../db/open-database.ts';
import { makeApiFootballClient, readDataSourceConfig } from '../data-source.ts';
import {
  planFixtureSync,
  runFixtureSync,
  type DayRange,
} from './sync-fixtures.ts';

const USAGE =
  'scoreline sync-fixtures --from YYYY-MM-DD --to YYYY-MM-DD ' +
  '[--competition ID]... [--dry-run] [--json]';

/**
 * `scoreline sync-fixtures`: fetches the fixtures and results of a day
 * range from API-Football and stores them as matches. `--dry-run` prints
 * the plan and the requests it needs against today's budget. Exit code 3
 * when the budget or the provider's quota stops the run (nothing written).
 */
export const syncFixturesCommand: Command = {
  name: 'sync-fixtures',
  summary: 'fetch fixtures and results from API-Football into the database',
  usage: USAGE,
  async run({ argv, stdout, logger, signal }) {
    const { values } = parseOptions(
      argv,
      {
        from: { type: 'string' },
        to: { type: 'string' },
        competition: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
      USAGE,
    );
    const range = readRange(values.from, values.to);
    const config = readDataSourceConfig();
    if (config.kind !== 'api-football') {
      throw new ConfigError(
        'sync-fixtures reads API-Football; set SCORELINE_SOURCE=api-football and API_FOOTBALL_KEY, or use scoreline import for files',
      );
    }
    const steps = planFixtureSync(range, values.competition ?? null);
    if (steps.length === 0) {
      throw new UsageError(
        `no tracked competition matches --competition; usage: ${USAGE}`,
      );
    }

    const database = await openDatabase();
    try {
      const client = makeApiFootballClient(config, database.db, {
        logger: logger.child({ component: 'api-football' }),
        backfill: true,
        signal,
      });
      const { transport } = client;
      const requests = steps.map((step) => step.request);
      const plan = {
        steps: steps.length,
        requestsNeeded: await transport.requestsNeeded(requests),
        budgetRemaining: await transport.budget.remaining(),
      };
      if (values['dry-run']) {
        write(stdout, values.json, { dryRun: true, ...plan },
          `plan: ${plan.steps} fixture lists, ` +
          `${plan.requestsNeeded} API-Football requests needed, ` +
          `${plan.budgetRemaining} left in today's budget\n`);
        return EXIT.ok;
      }
      const result = await runFixtureSync(database.db, client, steps, {
        logger,
      });
      const { inserted, updated, unchanged, skipped } = result.stored;
      write(stdout, values.json, { dryRun: false, ...plan, ...result },
        `fetched ${result.fetched} fixtures with ` +
        `${plan.requestsNeeded} requests: matches ${inserted} inserted, ` +
        `${updated} updated, ${unchanged} unchanged, ` +
        `${skipped.length} skipped\n`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};

function readRange(from?: string, to?: string): DayRange {
  for (const [flag, value] of [['--from', from], ['--to', to]] as const) {
    if (!value || !isDay(value)) {
      throw new UsageError(
        `${flag} needs a day as YYYY-MM-DD; usage: ${USAGE}`,
      );
    }
  }
  if (from! > to!) {
    throw new UsageError(`--from is after --to; usage: ${USAGE}`);
  }
  return { from: from!, to: to! };
}

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return false;
  return date.toISOString().slice(0, 10) === value;
}

function write(
  stdout: NodeJS.WritableStream,
  json: boolean | undefined,
  report: object,
  text: string,
): void {
  stdout.write(json ? `${JSON.stringify(report)}\n` : text);
}
