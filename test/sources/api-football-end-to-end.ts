import { and, eq } from 'drizzle-orm';
import { pino } from 'pino';
import type { Db } from '../../src/db/open-database.ts';
import { analyses, matches, predictions } from '../../src/db/schema.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import type { Roster } from '../../src/roster/roster.ts';
import { syncRoster } from '../../src/roster/sync-roster.ts';
import { fixtureSchema } from '../../src/sources/api-football/fixture-schema.ts';
import { mapFixture } from '../../src/sources/api-football/map-fixture.ts';
import { storeFixtures } from '../../src/sources/api-football/store-fixtures.ts';
import {
  readDataSourceConfig,
  type DataSourceConfig,
} from '../../src/sources/data-source.ts';
import { recordedEnvelope } from './recorded-responses.ts';

export const silent = pino({ level: 'silent' });

/** Manchester United's 2021-22 season, all competitions (54 fixtures). */
export const UNITED_2021 = 'fixtures-team-manutd-season-2021-ft-canc-pen.json';

/**
 * The three Premier League matches of United from 28 April to 7 May 2022
 * (fixture ids): 1-1 v Chelsea, 3-0 v Brentford, 0-4 at Brighton.
 */
export const WINDOW_FIXTURES = { chelsea: 710919, brentford: 710899,
  brighton: 710908 } as const;
/** The backfill window holding exactly those: 10 days before 8 May. */
export const WINDOW_ARGS = ['--as-of', '2022-05-08T00:00:00Z', '--days', '10'];

/** Two baseline models that always say 1-0: no LLM server needed. */
export const ROSTER_JSON = {
  providers: [],
  models: ['m1', 'm2'].map((id) => ({
    id, provider: 'baseline', model: 'home-win-1-0', displayName: id,
  })),
};

/** Stores United's recorded season as matches and syncs the roster. */
export async function seedUnitedSeason(db: Db): Promise<Roster> {
  const items = recordedEnvelope(UNITED_2021).response as unknown[];
  const fixtures = items.map((item) => mapFixture(fixtureSchema.parse(item)));
  await storeFixtures(db, fixtures, { logger: silent });
  const roster = parseRoster(ROSTER_JSON, 'roster.json', {});
  await syncRoster(db, roster);
  return roster;
}

/** The API-Football source on the replay server, as the environment says. */
export function replayEnv(
  baseUrl: string,
  dailyBudget: number,
): Record<string, string> {
  return {
    SCORELINE_SOURCE: 'api-football',
    API_FOOTBALL_KEY: 'test-key',
    API_FOOTBALL_BASE_URL: baseUrl,
    API_FOOTBALL_DAILY_BUDGET: String(dailyBudget),
    API_FOOTBALL_BACKFILL_RESERVE: '0',
    API_FOOTBALL_REQUESTS_PER_MINUTE: '6000',
  };
}

export function replayConfig(
  baseUrl: string,
  dailyBudget: number,
): DataSourceConfig {
  return readDataSourceConfig(replayEnv(baseUrl, dailyBudget));
}

/** The stored match id of an API-Football fixture. */
export async function matchIdOf(db: Db, fixtureId: number): Promise<number> {
  const rows = await db
    .select({ id: matches.id })
    .from(matches)
    .where(eq(matches.apiFootballFixtureId, fixtureId));
  if (!rows[0]) throw new Error(`fixture ${fixtureId} is not stored`);
  return rows[0].id;
}

/** Model, quota and points of a match's predictions, by model. */
export async function scoresOf(
  db: Db,
  matchId: number,
): Promise<[string, number | null, number | null][]> {
  const rows = await db
    .select({ modelId: predictions.modelId, quota: predictions.quota,
      points: predictions.points })
    .from(predictions)
    .where(eq(predictions.matchId, matchId))
    .orderBy(predictions.modelId);
  return rows.map((r) => [r.modelId, r.quota, r.points]);
}

/** Whether a match has an analysis row (complete or not). */
export async function hasAnalysisRow(db: Db, matchId: number) {
  const rows = await db
    .select({ id: analyses.matchId })
    .from(analyses)
    .where(and(eq(analyses.matchId, matchId)));
  return rows.length > 0;
}
