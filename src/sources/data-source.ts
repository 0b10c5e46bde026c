import { ConfigError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Db } from '../db/open-database.ts';
import { ApiFootballClient } from './api-football/api-football-client.ts';
import { DEFAULT_BASE_URL } from './api-football/api-football-transport.ts';

/** Where fixtures, results and context come from. */
export type DataSourceConfig =
  | { kind: 'files' }
  | {
      kind: 'api-football';
      apiKey: string;
      baseUrl: string;
      /** Requests per UTC day we allow ourselves. */
      dailyBudget: number;
      /** Requests of the day a backfill leaves for the regular pipeline. */
      backfillReserve: number;
      requestsPerMinute: number;
    };

/**
 * Reads the data-source choice from the environment:
 * - `SCORELINE_SOURCE`: `files` (default, the offline importers) or
 *   `api-football`, which needs `API_FOOTBALL_KEY`;
 * - `API_FOOTBALL_BASE_URL` (default https://v3.football.api-sports.io);
 * - `API_FOOTBALL_DAILY_BUDGET` (default 100, the free plan's day);
 * - `API_FOOTBALL_BACKFILL_RESERVE` (default a tenth of the budget);
 * - `API_FOOTBALL_REQUESTS_PER_MINUTE` (default 10, the free plan's).
 */
export function readDataSourceConfig(
  env: NodeJS.ProcessEnv = process.env,
): DataSourceConfig {
  const kind = (env.SCORELINE_SOURCE ?? 'files').trim() || 'files';
  if (kind === 'files') return { kind: 'files' };
  if (kind !== 'api-football') {
    throw new ConfigError(
      `SCORELINE_SOURCE is '${kind}'; set it to 'files' or 'api-football'`,
    );
  }
  const apiKey = env.API_FOOTBALL_KEY?.trim();
  if (!apiKey) {
    throw new ConfigError(
      'SCORELINE_SOURCE=api-football needs a key; set API_FOOTBALL_KEY or use SCORELINE_SOURCE=files',
    );
  }
  const dailyBudget = positiveInt(env, 'API_FOOTBALL_DAILY_BUDGET', 100);
  return {
    kind,
    apiKey,
    baseUrl: env.API_FOOTBALL_BASE_URL?.trim() || DEFAULT_BASE_URL,
    dailyBudget,
    backfillReserve: positiveInt(
      env, 'API_FOOTBALL_BACKFILL_RESERVE', Math.ceil(dailyBudget / 10), 0,
    ),
    requestsPerMinute: positiveInt(env, 'API_FOOTBALL_REQUESTS_PER_MINUTE', 10),
  };
}

/** The client of a configured API-Football source. */
export function makeApiFootballClient(
  config: Extract<DataSourceConfig, { kind: 'api-football' }>,
  db: Db,
  options: { logger?: Logger; backfill?: boolean; signal?: AbortSignal } = {},
): ApiFootballClient {
  return new ApiFootballClient({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    db,
    dailyBudget: config.dailyBudget,
    reserve: options.backfill ? config.backfillReserve : 0,
    requestsPerMinute: config.requestsPerMinute,
    logger: options.logger,
    signal: options.signal,
  });
}

function positiveInt(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  minimum = 1,
): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < minimum) {
    throw new ConfigError(
      `${name} is '${text}'; set it to a whole number of at least ${minimum}`,
    );
  }
  return value;
}
