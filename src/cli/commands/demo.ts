import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { EXIT, ScorelineError, UsageError } from '../../core/errors.ts';
import { makeLogger } from '../../core/logger.ts';
import { sharedDataDir } from '../../core/paths.ts';
import type { Command, CommandContext } from '../command.ts';
import { COMMANDS } from '../commands.ts';
import { parseOptions } from '../parse-options.ts';

const USAGE = 'scoreline demo [--data-dir DIR] [--weeks N] [--fail-rate P]';

/** The first matchday of the 2025-26 Premier League. */
const SEASON_START = '2025-08-15';

/**
 * `scoreline demo`: the whole job on the real data, embedded, no server.
 * Imports the offline files, replays the first weeks of the 2025-26
 * Premier League with the built-in baselines and injected faults, shows
 * the gaps they left, repairs them with the backfill and prints the
 * leaderboard. Each run starts from a fresh demo database.
 */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'run the whole job on the real data in a fresh embedded database',
  usage: USAGE,
  async run(outer) {
    // Logs would drown the report: warnings only, unless asked otherwise.
    const context = {
      ...outer,
      logger: makeLogger(process.env.SCORELINE_LOG_LEVEL ?? 'warn'),
    };
    const { values } = parseOptions(
      context.argv,
      {
        'data-dir': { type: 'string' },
        weeks: { type: 'string' },
        'fail-rate': { type: 'string' },
      },
      USAGE,
    );
    const weeks = parseWeeks(values.weeks);
    const failRate = values['fail-rate'] ?? '0.2';
    const dataDir = path.resolve(values['data-dir'] ?? 'demo-data');
    const from = SEASON_START;
    const to = addDays(SEASON_START, weeks * 7 - 1);
    const asOf = `${addDays(to, 1)}T00:00:00Z`;
    const days = String(weeks * 7 + 1);
    const out = context.stdout;

    // The demo is always embedded, whatever the environment says, so that
    // it can never touch a production database or queue.
    delete process.env.DATABASE_URL;
    delete process.env.REDIS_URL;
    process.env.SCORELINE_DATA_DIR = dataDir;
    if (!existsSync(sharedDataDir())) {
      throw new UsageError(
        `the demo reads the real data in ${sharedDataDir()}, which does not exist; put the shared data folder there or set SCORELINE_SHARED_DATA to its path`,
      );
    }
    rmSync(dataDir, { recursive: true, force: true });
    const started = Date.now();

    heading(out, `1. Import the real data from ${sharedDataDir()}`);
    await step(context, 'import', [sharedDataDir()]);

    heading(out, `2. Replay ${from} to ${to} (Premier League) with the ` +
      `baselines, injecting faults at rate ${failRate}`);
    await step(context, 'replay', [
      '--from', from, '--to', to, '--competition', 'en.1',
      '--fail-rate', failRate, '--seed', '1',
    ]);

    heading(out, '3. The gaps the faults left (backfill --dry-run)');
    await step(context, 'backfill', [
      '--dry-run', '--as-of', asOf, '--days', days, '--competition', 'en.1',
    ]);

    heading(out, '4. Repair them: the retroactive backfill');
    const code = await step(context, 'backfill', [
      '--as-of', asOf, '--days', days, '--competition', 'en.1',
    ]);

    heading(out, '5. A second backfill finds nothing left to do');
    await step(context, 'backfill', [
      '--as-of', asOf, '--days', days, '--competition', 'en.1',
    ]);

    heading(out, `6. Leaderboard, Premier League ${from} to ${to}`);
    await step(context, 'leaderboard', [
      '--competition', 'en.1', '--from', from, '--to', to,
    ]);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    out.write([
      '',
      `Done in ${seconds} s. The demo database is in ${dataDir}.`,
      'Explore it further (same folder):',
      `  SCORELINE_DATA_DIR=${dataDir} npx scoreline leaderboard --retroactive only`,
      `  SCORELINE_DATA_DIR=${dataDir} npx scoreline export predictions --format csv`,
      `  SCORELINE_DATA_DIR=${dataDir} npx scoreline backfill --dry-run --as-of ${asOf} --days ${days} --competition en.1`,
      `  SCORELINE_DATA_DIR=${dataDir} npx scoreline models`,
      '',
    ].join('\n'));
    return code;
  },
};

/** Runs one command as the user would; a failure ends the demo. */
async function step(
  context: CommandContext,
  name: string,
  argv: string[],
): Promise<number> {
  const load = COMMANDS[name];
  if (!load) throw new Error(`no command ${name}`);
  const command = await load();
  const code = await command.run({ ...context, argv });
  if (code !== EXIT.ok && code !== EXIT.gapsRemain) {
    throw new ScorelineError(
      `the demo stopped: 'scoreline ${name} ${argv.join(' ')}' exited with ${code}`,
      code,
    );
  }
  return code;
}

function heading(out: NodeJS.WritableStream, text: string): void {
  out.write(`\n== ${text}\n\n`);
}

function parseWeeks(value: string | undefined): number {
  if (value === undefined) return 4;
  if (!/^[1-9]\d*$/.test(value) || Number(value) > 40) {
    throw new UsageError(
      `--weeks must be a whole number from 1 to 40, got '${value}'; usage: ${USAGE}`,
    );
  }
  return Number(value);
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
