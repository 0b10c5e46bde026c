import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The root logger: JSON lines on stderr, so that stdout stays free for
 * reports and `--json` output. Level from `SCORELINE_LOG_LEVEL` (default
 * `info`; `debug` adds per-row detail; `silent` turns it off).
 */
export function makeLogger(level?: string): Logger {
  return pino(
    {
      level: level ?? process.env.SCORELINE_LOG_LEVEL ?? 'info',
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
