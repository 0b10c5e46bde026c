import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/core/clock.ts';
import { EXIT } from '../../src/core/errors.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { ApiFootballClient } from '../../src/sources/api-football/api-football-client.ts';
import { RequestBudget } from '../../src/sources/api-football/request-budget.ts';
import { planAnalysisRequests } from '../../src/sources/api-football/requests-needed.ts';
import { SourceStoppedError } from '../../src/sources/api-football/source-errors.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { loadRecordedResponses } from './recorded-responses.ts';
import { startReplayServer, type ReplayServer } from './replay-server.ts';

const EVENING = '2026-02-12T23:59:59Z';

describe.each(DATABASE_KINDS)('the daily request budget on %s', (kind) => {
  let database: TestDatabase;
  let server: ReplayServer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await startReplayServer(loadRecordedResponses());
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  beforeEach(async () => {
    server.received.length = 0;
    await database.db.execute(sql`delete from source_cache`);
    await database.db.execute(sql`delete from source_request_counts`);
  });

  const budgetAt = (at: string, dailyLimit = 5, reserve = 0) =>
    new RequestBudget(database.db, {
      source: 'api-football', dailyLimit, reserve, clock: fixedClock(at),
    });

  it('counts requests across restarts and refuses past the limit', async () => {
    const budget = budgetAt(EVENING);
    for (let i = 0; i < 3; i += 1) await budget.spend();
    const restarted = budgetAt(EVENING);
    expect(await restarted.spent()).toBe(3);
    await restarted.spend();
    await restarted.spend();
    const error = await restarted.spend().catch((e) => e);
    expect(error).toBeInstanceOf(SourceStoppedError);
    expect(error).toMatchObject({
      reason: 'budget',
      exitCode: EXIT.gapsRemain,
    });
    expect(error.message).toContain('API_FOOTBALL_DAILY_BUDGET');
    expect(await restarted.spent()).toBe(5);
  });

  it('starts again at midnight UTC', async () => {
    const evening = budgetAt(EVENING);
    for (let i = 0; i < 5; i += 1) await evening.spend();
    const midnight = budgetAt('2026-02-13T00:00:00Z');
    expect(await midnight.spent()).toBe(0);
    expect(await midnight.remaining()).toBe(5);
    await midnight.spend();
    expect(await evening.spent()).toBe(5);
  });

  it('never lets concurrent spenders pass the limit', async () => {
    const budget = budgetAt(EVENING);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 12 }, () => budgetAt(EVENING).spend()),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(5);
    expect(await budget.spent()).toBe(5);
  });

  it('keeps the reserve for others', async () => {
    const budget = budgetAt(EVENING, 10, 4);
    expect(await budget.remaining()).toBe(6);
    await expect(budget.assertAffordable(7)).rejects.toMatchObject({
      reason: 'budget',
    });
    await budget.assertAffordable(6);
  });

  it('stops a run mid-way when the budget ends, with exit code 3', async () => {
    const client = new ApiFootballClient({
      apiKey: 'test-key',
      db: database.db,
      baseUrl: server.baseUrl,
      requestsPerMinute: 600_000,
      dailyBudget: 3,
      clock: fixedClock(EVENING),
      sleep: async () => undefined,
      logger: makeLogger('silent'),
    });
    const plan = planAnalysisRequests({
      fixtureId: 1049124, leagueId: 78, season: 2023,
      homeTeamId: 165, awayTeamId: 172,
      kickoff: new Date('2024-03-30T17:30:00Z'),
    });
    // The plan says what it costs before anything is sent.
    expect(await client.transport.requestsNeeded(plan)).toBe(9);
    await expect(client.transport.budget.assertAffordable(9)).rejects
      .toMatchObject({ reason: 'budget', exitCode: 3 });
    expect(server.received).toHaveLength(0);

    await client.fixturesOfTeam(165, 2023);
    await client.fixturesOfTeam(172, 2023);
    await client.headToHead(165, 172);
    const error = await client.standings(78, 2023).catch((e) => e);
    expect(error).toMatchObject({ reason: 'budget', exitCode: 3 });
    await expect(client.odds(1049124)).rejects.toBe(error);
    expect(server.received).toHaveLength(3);
    // What was fetched is cached: only the rest is still needed.
    expect(await client.transport.requestsNeeded(plan)).toBe(6);
  });
});
