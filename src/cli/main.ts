import { EXIT, ScorelineError } from '../core/errors.ts';
import { getLogger } from '../core/logger.ts';
import { COMMANDS } from './commands.ts';

/**
 * The command-line entry point: finds the command, runs it, and turns any
 * error into one line on stderr and an exit code (see core/errors.ts).
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await helpText());
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

function reportError(error: unknown): number {
  if (error instanceof ScorelineError) {
    process.stderr.write(`scoreline: ${error.message}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? error.stack ?? error.message : error;
  process.stderr.write(`scoreline: internal error: ${String(detail)}\n`);
  return EXIT.fatal;
}

async function helpText(): Promise<string> {
  const lines = ['usage: scoreline <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    const command = await load();
    lines.push(`  ${name.padEnd(12)} ${command.summary}`);
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
