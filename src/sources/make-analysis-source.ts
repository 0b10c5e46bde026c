import {
  runAnalysis,
  type AnalysisResult,
  type RunAnalysisOptions,
} from '../analysis/run-analysis.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Db } from '../db/open-database.ts';
import type { ApiFootballClient } from './api-football/api-football-client.ts';
import { analyseFromApiFootball } from './api-football/analyse-from-api-football.ts';
import { RequestBudget } from './api-football/request-budget.ts';
import {
  makeApiFootballClient,
  readDataSourceConfig,
  type DataSourceConfig,
} from './data-source.ts';

/**
 * How the analysis stage builds and stores a match's analysis: from the
 * stored rows (runAnalysis) or from the configured data source.
 */
export type AnalyseMatch = (
  db: Db,
  matchId: number,
  options?: RunAnalysisOptions,
) => Promise<AnalysisResult>;

export interface AnalysisSourceOptions {
  logger?: Logger;
  signal?: AbortSignal;
  /** A backfill leaves the day's reserve to the regular pipeline. */
  backfill?: boolean;
  /** Default readDataSourceConfig() of the environment. */
  config?: DataSourceConfig;
}

/**
 * The analysis of the configured data source (`SCORELINE_SOURCE`): stored
 * rows for `files`, API-Football as of kickoff for `api-football`. One
 * client per database serves every job, so that its rate limits and its
 * stop (quota, key, budget) hold across jobs. Throws a ConfigError when
 * the source is misconfigured, so that a worker fails at start.
 *
 * Known shortcomings: a worker process serves backfill jobs with the
 * regular pipeline's budget (no backfill reserve), since a job does not
 * say who queued it; the reserve holds in embedded mode and with
 * `--with-workers`. The analysis fetches both teams' statistics (two of
 * the ten requests of a match), which the analysis does not use yet.
 */
export function makeAnalysisSource(
  options: AnalysisSourceOptions = {},
): AnalyseMatch {
  const config = options.config ?? readDataSourceConfig();
  if (config.kind === 'files') return runAnalysis;
  const clients = new WeakMap<Db, ApiFootballClient>();
  return (db, matchId, runOptions = {}) => {
    let client = clients.get(db);
    if (!client) {
      client = makeApiFootballClient(config, db, {
        logger: options.logger,
        backfill: options.backfill,
        signal: options.signal,
      });
      clients.set(db, client);
    }
    return analyseFromApiFootball(client, db, matchId, runOptions);
  };
}

/**
 * Why a backfill should stop rather than go on to the next match, or null:
 * today's API-Football requests are used up, by our budget (less the
 * backfill's reserve) or by the provider's quota (which the client counts
 * as the whole day spent). Read from the shared counter, so it also sees
 * a stop in a worker process. Always null for the `files` source.
 * Known shortcoming: a refused key is not in the counter, so the backfill
 * goes on and each match's analysis fails with the key's message (at once,
 * without a request, once the client stopped); it can go when the stop
 * reason is stored beside the counter.
 */
export function makeSourceStopCheck(
  db: Db,
  options: { config?: DataSourceConfig; clock?: Clock } = {},
): () => Promise<string | null> {
  const config = options.config ?? readDataSourceConfig();
  if (config.kind === 'files') return async () => null;
  const budget = new RequestBudget(db, {
    source: 'api-football',
    dailyLimit: config.dailyBudget,
    reserve: config.backfillReserve,
    clock: options.clock ?? systemClock,
  });
  return async () => {
    if ((await budget.remaining()) > 0) return null;
    const spent = await budget.spent();
    return `today's API-Football requests are used up (${spent} spent of a budget of ${config.dailyBudget}, ${config.backfillReserve} kept for the regular pipeline); the backfill stopped; run it again after 00:00 UTC or raise API_FOOTBALL_DAILY_BUDGET`;
  };
}
