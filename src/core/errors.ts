/**
 * Error types. Commands throw these; only the command-line entry point turns
 * them into an exit code and one line on stderr.
 *
 * Exit codes:
 * - 0: success, also when there was nothing to do
 * - 1: fatal error (database or queue unreachable or lost mid-run,
 *   internal error)
 * - 2: usage error, bad input (wrong option, unreadable or malformed file)
 *   or a setting that cannot work (an environment variable, the roster)
 * - 3: the run finished but some matches still have gaps
 * - 130: interrupted (Ctrl+C), after a partial report
 */
export const EXIT = {
  ok: 0,
  fatal: 1,
  usage: 2,
  gapsRemain: 3,
  interrupted: 130,
} as const;

/** Base class: a message for people and the exit code it maps to. */
export class ScorelineError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** A wrong command-line option or value. */
export class UsageError extends ScorelineError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A bad input file: missing, malformed, or with unknown content. */
export class InputError extends ScorelineError {
  readonly file: string | null;

  constructor(message: string, file: string | null = null) {
    super(file ? `${file}: ${message}` : message, EXIT.usage);
    this.file = file;
  }
}

/** Configuration that cannot work (roster, environment variables). */
export class ConfigError extends ScorelineError {
  constructor(message: string) {
    super(message, EXIT.usage);
  }
}

/** A server Scoreline depends on cannot be reached. */
export class ConnectionError extends ScorelineError {
  readonly service: 'database' | 'queue' | 'data source';

  constructor(
    service: 'database' | 'queue' | 'data source',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, EXIT.fatal, options);
    this.service = service;
  }
}

/** Our own bug: something that should not happen whatever the input. */
export class InternalError extends ScorelineError {
  constructor(message: string, options?: ErrorOptions) {
    super(`internal error: ${message}`, EXIT.fatal, options);
  }
}

/** The message of any thrown value, for logs and reports. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
