import { EXIT, messageOf, ScorelineError } from '../core/errors.ts';
import { getLogger } from '../core/logger.ts';
import { asConnectionLost } from '../db/as-connection-lost.ts';
import { COMMANDS } from './commands.ts';

/**
 * The command-line entry point: finds the command, runs it, and turns any
 * error into one line on stderr and an exit code (see core/errors.ts).
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    // Asked for, the help is the output; missing a command, it is the
    // explanation of a usage error and goes to stderr.
    (name ? process.stdout : process.stderr).write(await helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(
      `scoreline: unknown command '${name}'; run 'scoreline --help' for the list\n`,
    );
    return EXIT.usage;
  }

  const controller = new AbortController();
  const onSigint = () => {
    if (controller.signal.aborted) process.exit(EXIT.interrupted);
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${command.summary}\nusage: ${command.usage}\n`);
      return EXIT.ok;
    }
    return await command.run({
      argv: rest,
      stdout: process.stdout,
      logger: getLogger(),
      signal: controller.signal,
    });
  } catch (error) {
    return reportError(error);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/**
 * One line on stderr for any error. A database error meaning the server
 * went away reads as a ConnectionError. Anything else is our bug: its
 * first line only (a driver error would print the whole SQL and its
 * parameters), with the stack at debug level.
 */
function reportError(error: unknown): number {
  const { text, exitCode } = describeError(error, wantsDebug());
  process.stderr.write(text);
  return exitCode;
}

/** What reportError writes to stderr for an error, and the exit code. */
export function describeError(
  error: unknown,
  debug: boolean,
): { text: string; exitCode: number } {
  const known = error instanceof ScorelineError
    ? error
    : asConnectionLost(error);
  if (known) {
    return {
      text: `scoreline: ${firstLine(known.message)}\n`,
      exitCode: known.exitCode,
    };
  }
  let text = `scoreline: internal error: ${internalSummary(error)}; run again with SCORELINE_LOG_LEVEL=debug for details\n`;
  if (debug) {
    const detail = error instanceof Error ? error.stack : undefined;
    text += `${detail ?? String(error)}\n`;
  }
  return { text, exitCode: EXIT.fatal };
}

/**
 * The first line of an unexpected error. Drizzle's "Failed query: <sql>"
 * says less than the driver error it wraps, so that one is used instead.
 */
function internalSummary(error: unknown): string {
  let current = error;
  while (current instanceof Error && current.cause instanceof Error &&
    current.message.startsWith('Failed query')) {
    current = current.cause;
  }
  const text = firstLine(messageOf(current));
  return text.length > 200 ? `${text.slice(0, 200)}...` : text;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** Read directly: the logger itself may be what failed to start. */
function wantsDebug(): boolean {
  const level = process.env.SCORELINE_LOG_LEVEL?.trim().toLowerCase();
  return level === 'debug' || level === 'trace';
}

async function helpText(): Promise<string> {
  const lines = ['usage: scoreline <command> [options]', '', 'commands:'];
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = await load();
    lines.push(`  ${name.padEnd(width)}  ${command.summary}`);
  }
  lines.push('', "run 'scoreline <command> --help' for its options");
  return `${lines.join('\n')}\n`;
}

/**
 * Exits with the code once stdout and stderr have flushed: a large report
 * written to a pipe is not cut off, and no open handle can keep the process
 * alive after the command is done.
 */
export async function exitAfterFlush(code: number): Promise<never> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise<void>((resolve) => stream.write('', () => resolve())),
    ),
  );
  process.exit(code);
}

/**
 * A reader that closes the pipe early (`scoreline export ... | head`) is not
 * an error: stop quietly instead of crashing on EPIPE.
 */
export function exitQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(EXIT.ok);
      throw error;
    });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  exitQuietlyOnClosedPipe();
  await exitAfterFlush(await main(process.argv.slice(2)));
}
