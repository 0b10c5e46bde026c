import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { Db } from '../../db/open-database.ts';
import type { ApiFootballClient } from './api-football-client.ts';
import type { ApiRequest } from './api-request.ts';
import type { SourceFixture } from './map-fixture.ts';
import {
  API_FOOTBALL_COMPETITIONS,
  storeFixtures,
  type StoreFixturesSummary,
} from './store-fixtures.ts';

/** Days to sync, both included, as `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** One fixtures request of a sync plan. */
export interface SyncStep {
  competitionId: string;
  league: number;
  season: number;
  request: ApiRequest;
}

/**
 * The requests a sync of a day range makes: one per competition and
 * season the range touches (European seasons start in July).
 */
export function planFixtureSync(
  range: DayRange,
  competitionIds: readonly string[] | null = null,
): SyncStep[] {
  const seasons = [...new Set([seasonOf(range.from), seasonOf(range.to)])];
  const steps: SyncStep[] = [];
  for (const [leagueText, competitionId] of Object.entries(
    API_FOOTBALL_COMPETITIONS,
  )) {
    if (competitionIds && !competitionIds.includes(competitionId)) continue;
    const league = Number(leagueText);
    for (const season of seasons) {
      steps.push({
        competitionId,
        league,
        season,
        request: {
          endpoint: 'fixtures',
          params: { league, season, from: range.from, to: range.to },
        },
      });
    }
  }
  return steps;
}

/** The API-Football season (its first year) a day belongs to. */
export function seasonOf(day: string): number {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month >= 7 ? year : year - 1;
}

/**
 * Carries out a sync plan: checks the budget for the whole plan first,
 * fetches every step, and only then stores the fixtures, so a run stopped
 * by the budget or the quota writes nothing.
 */
export async function runFixtureSync(
  db: Db,
  client: ApiFootballClient,
  steps: readonly SyncStep[],
  options: { clock?: Clock; logger?: Logger } = {},
): Promise<{ fetched: number; stored: StoreFixturesSummary }> {
  const needed = await client.transport.requestsNeeded(
    steps.map((step) => step.request),
  );
  await client.transport.budget.assertAffordable(needed);

  const fixtures: SourceFixture[] = [];
  for (const step of steps) {
    const { league, season, request } = step;
    const { from, to } = request.params as { from: string; to: string };
    fixtures.push(...await client.fixturesBetween(league, season, from, to));
  }
  const stored = await storeFixtures(db, fixtures, options);
  return { fetched: fixtures.length, stored };
}
