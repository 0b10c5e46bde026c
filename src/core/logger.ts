import { pino, type Logger } from 'pino';
import { ConfigError } from './errors.ts';

export type { Logger } from 'pino';

/** The levels `SCORELINE_LOG_LEVEL` accepts, most to least verbose. */
export const LOG_LEVELS = [
  'trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent',
] as const;

/**
 * A log level as `SCORELINE_LOG_LEVEL` gives it (unset or empty: `info`).
 * Any other value is a ConfigError naming the variable and the allowed
 * values; pino would otherwise fail with its own stack trace.
 */
export function parseLogLevel(text: string | undefined): string {
  if (text === undefined || text === '') return 'info';
  const level = text.trim().toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new ConfigError(
      `SCORELINE_LOG_LEVEL is '${text}'; set it to one of ${LOG_LEVELS.join(', ')} or unset it for info`,
    );
  }
  return level;
}

/**
 * The root logger: JSON lines on stderr, so that stdout stays free for
 * reports and `--json` output. Level from `SCORELINE_LOG_LEVEL` (default
 * `info`; `debug` adds per-row detail; `silent` turns it off).
 */
export function makeLogger(level?: string): Logger {
  return pino(
    {
      level: parseLogLevel(level ?? process.env.SCORELINE_LOG_LEVEL),
      base: undefined,
      redact: {
        paths: ['apiKey', '*.apiKey', 'headers.authorization', 'prompt'],
        censor: '[redacted]',
      },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}

let root: Logger | undefined;

/** The process-wide logger, made on first use. */
export function getLogger(): Logger {
  root ??= makeLogger();
  return root;
}

/** A logger scoped to one component, such as `worker` or `backfill`. */
export function scopedLogger(
  component: string,
  fields: Record<string, unknown> = {},
  parent: Logger = getLogger(),
): Logger {
  return parent.child({ component, ...fields });
}
