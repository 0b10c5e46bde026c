import { systemClock, type Clock } from '../core/clock.ts';
import type { Db } from '../db/open-database.ts';
import { planAnalysisRequests } from './api-football/requests-needed.ts';
import { RequestBudget } from './api-football/request-budget.ts';
import type { DataSourceConfig } from './data-source.ts';

/**
 * Requests one API-Football analysis costs at most: the fixture itself
 * (for its league, season and team ids), then the context requests.
 */
export const REQUESTS_PER_ANALYSIS =
  1 +
  planAnalysisRequests({
    fixtureId: 0, leagueId: 0, season: 0, homeTeamId: 0, awayTeamId: 0,
    kickoff: new Date(0),
  }).length;

/** What a backfill's analyses would cost against what is left today. */
export interface SourceRequestEstimate {
  /** Upper bound: cached answers and shared league requests cost less. */
  needed: number;
  /** Requests left today for a backfill (budget minus spent and reserve). */
  remaining: number;
}

/**
 * Estimates the data-source requests of `analyses` analyses; null for the
 * offline files, which cost nothing.
 */
export async function estimateSourceRequests(
  db: Db,
  config: DataSourceConfig,
  analyses: number,
  clock: Clock = systemClock,
): Promise<SourceRequestEstimate | null> {
  if (config.kind === 'files') return null;
  const budget = new RequestBudget(db, {
    source: 'api-football',
    dailyLimit: config.dailyBudget,
    reserve: config.backfillReserve,
    clock,
  });
  return {
    needed: analyses * REQUESTS_PER_ANALYSIS,
    remaining: await budget.remaining(),
  };
}

/** The estimate in one line for people. */
export function formatSourceEstimate(estimate: SourceRequestEstimate): string {
  const verdict =
    estimate.needed <= estimate.remaining
      ? 'within the budget'
      : 'more than is left: the backfill will stop when the budget runs out';
  return `API-Football requests: at most ${estimate.needed} needed, ${estimate.remaining} left today for the backfill (${verdict})\n`;
}
