import type { Logger } from '../core/logger.ts';

/** What every command gets from the entry point. */
export interface CommandContext {
  /** Arguments after the command name. */
  argv: string[];
  /** Where reports for people (or `--json` output) go. */
  stdout: NodeJS.WritableStream;
  logger: Logger;
  /** Aborted on Ctrl+C; long commands stop after their current step. */
  signal: AbortSignal;
}

/**
 * One `scoreline <name>` command. `run` throws a ScorelineError for anything
 * a user can fix and returns the exit code otherwise.
 */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(context: CommandContext): Promise<number>;
}
