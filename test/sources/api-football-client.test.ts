import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/core/clock.ts';
import { ConnectionError, EXIT } from '../../src/core/errors.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { ApiFootballClient } from '../../src/sources/api-football/api-football-client.ts';
import type { ApiFootballTransportOptions } from '../../src/sources/api-football/api-football-transport.ts';
import {
  SourceFieldError,
  SourceStoppedError,
} from '../../src/sources/api-football/source-errors.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { loadRecordedResponses } from './recorded-responses.ts';
import {
  errorBody,
  startReplayServer,
  type ReplayServer,
} from './replay-server.ts';

const NOW = '2026-02-12T10:00:00Z';

/** A successful answer with nothing in it. */
function emptyBody(endpoint: string) {
  return {
    get: endpoint,
    parameters: [],
    errors: [],
    results: 0,
    paging: { current: 1, total: 1 },
    response: [],
  };
}
const logger = makeLogger('silent');

describe.each(DATABASE_KINDS)('ApiFootballClient on %s', (kind) => {
  let database: TestDatabase;
  let server: ReplayServer;
  let sleeps: number[];

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
    server.queue.length = 0;
    sleeps = [];
    await database.db.execute(sql`delete from source_cache`);
    await database.db.execute(sql`delete from source_request_counts`);
  });

  function makeClient(options: Partial<ApiFootballTransportOptions> = {}) {
    return new ApiFootballClient({
      apiKey: 'test-key',
      db: database.db,
      baseUrl: server.baseUrl,
      requestsPerMinute: 600_000,
      dailyBudget: 1000,
      clock: fixedClock(NOW),
      // Records the waits the client asks for instead of waiting.
      sleep: async (ms) => void sleeps.push(ms),
      logger,
      ...options,
    });
  }

  it('fetches recorded fixtures with the key and maps them', async () => {
    const client = makeClient();
    const fixtures = await client.fixturesBetween(
      39, 2022, '2022-09-05', '2022-10-02',
    );
    expect(fixtures).toHaveLength(29);
    expect(fixtures.filter((f) => f.status === 'postponed')).toHaveLength(13);
    expect(server.received).toEqual([
      {
        endpoint: 'fixtures',
        params: {
          league: '39', season: '2022', from: '2022-09-05', to: '2022-10-02',
        },
        apiKey: 'test-key',
      },
    ]);
  });

  it('maps every recorded endpoint through the client', async () => {
    const client = makeClient();
    expect(await client.fixturesOn('2026-02-11')).toHaveLength(284);
    expect(await client.fixturesOn('2026-02-12')).toHaveLength(191);
    expect(await client.liveFixtures()).toHaveLength(18);
    expect(await client.fixturesOfTeam(33, 2021)).toHaveLength(54);
    expect(await client.fixturesByIds([1149523, 1149519])).toHaveLength(2);
    expect(
      await client.headToHead(33, 50, { from: '2021-01-01', to: '2023-12-31' }),
    ).toHaveLength(8);
    expect((await client.prediction(1049124))?.winnerTeamId).toBe(165);
    const [odds] = await client.odds(815162, 6);
    expect(odds).toMatchObject({ bookmaker: 'Bwin', home: 1.65 });
    expect(
      await client.injuries({ league: 78, date: '2024-03-31' }),
    ).toHaveLength(31);
    expect(await client.standings(39, 2022)).toHaveLength(20);
    const leipzig = await client.teamStatistics(78, 2022, 173, '2023-01-01');
    expect(leipzig?.played.total).toBe(15);
    // The provider answers an empty list for a team without statistics.
    expect(await client.teamStatistics(78, 2022, 1, '2023-01-01')).toBeNull();
  });

  it('serves an identical request from the cache', async () => {
    const client = makeClient();
    const first = await client.standings(39, 2022);
    const again = await makeClient().standings(39, 2022);
    expect(again).toEqual(first);
    expect(server.received).toHaveLength(1);
    expect(await client.transport.budget.spent()).toBe(1);
  });

  it('refetches once the lifetime is over, and never caches live', async () => {
    await makeClient().standings(39, 2022);
    const later = makeClient({ clock: fixedClock('2026-02-12T16:00:01Z') });
    await later.standings(39, 2022);
    await later.liveFixtures();
    await later.liveFixtures();
    expect(server.received.map((r) => r.endpoint)).toEqual([
      'standings', 'standings', 'fixtures', 'fixtures',
    ]);
  });

  it('stops the run on a quota error in a 200 body', async () => {
    server.queue.push({
      body: errorBody('fixtures', {
        requests: 'You have reached the request limit for the day',
      }),
    });
    const client = makeClient();
    const error = await client.fixturesOfSeason(39, 2022).catch((e) => e);
    expect(error).toBeInstanceOf(SourceStoppedError);
    expect(error).toMatchObject({ reason: 'quota', exitCode: EXIT.gapsRemain });
    await expect(client.standings(39, 2022)).rejects.toBe(error);
    expect(server.received).toHaveLength(1);
  });

  it('stops the run on a token error in a 200 body', async () => {
    server.queue.push({
      body: errorBody('fixtures', {
        token: 'Error/Missing application key.',
      }),
    });
    const client = makeClient();
    const error = await client.liveFixtures().catch((e) => e);
    expect(error).toMatchObject({ reason: 'token', exitCode: EXIT.usage });
    expect(error.message).toContain('API_FOOTBALL_KEY');
    await expect(client.liveFixtures()).rejects.toBe(error);
    expect(server.received).toHaveLength(1);
  });

  it('does not retry a field error and keeps the client usable', async () => {
    server.queue.push({
      body: errorBody('standings', {
        league: 'The League field must contain an integer.',
      }),
    });
    const client = makeClient();
    const error = await client.standings(39, 2022).catch((e) => e);
    expect(error).toBeInstanceOf(SourceFieldError);
    expect(error).toMatchObject({ field: 'league', exitCode: EXIT.usage });
    expect(server.received).toHaveLength(1);
    expect(await client.standings(39, 2022)).toHaveLength(20);
    expect(server.received).toHaveLength(2);
  });

  it('reads an empty errors list with no results as no fixtures', async () => {
    const client = makeClient();
    expect(await client.fixturesOfSeason(140, 1990)).toEqual([]);
    expect(client.transport.stopReason).toBeNull();
  });

  it('backs off on 429 as long as Retry-After says', async () => {
    server.queue.push({ status: 429, headers: { 'Retry-After': '7' } });
    const client = makeClient();
    expect(await client.standings(39, 2022)).toHaveLength(20);
    expect(server.received).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBe(7000);
  });

  it('retries a rate-limit error in a 200 body after a back-off', async () => {
    server.queue.push({
      body: errorBody('standings', {
        rateLimit: 'Too many requests. Your rate limit is 10 per minute.',
      }),
    });
    const client = makeClient({ backoffMs: 1500 });
    expect(await client.standings(39, 2022)).toHaveLength(20);
    expect(sleeps).toEqual([1500]);
    expect(server.received).toHaveLength(2);
  });

  it('doubles the back-off without Retry-After and gives up', async () => {
    for (let i = 0; i < 4; i += 1) server.queue.push({ status: 429 });
    const client = makeClient({ backoffMs: 500, maxRetries: 3 });
    const error = await client.standings(39, 2022).catch((e) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain('after 4 attempts');
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(server.received).toHaveLength(4);
  });

  it('reads rate-limit headers whatever their case', async () => {
    server.queue.push({
      body: emptyBody('standings'),
      headers: { 'X-RATELIMIT-REMAINING': '0' },
    });
    server.queue.push({
      body: emptyBody('standings'),
      headers: { 'X-RateLimit-Requests-Remaining': '0' },
    });
    const client = makeClient();
    await client.standings(1, 2000);
    await client.standings(2, 2000);
    // The minute was used up: the second request waited a minute.
    expect(sleeps).toEqual([60_000]);
    // The day was used up: no third request is sent.
    const error = await client.standings(3, 2000).catch((e) => e);
    expect(error).toMatchObject({ reason: 'quota' });
    expect(server.received).toHaveLength(2);
  });

  it('spreads requests over the minute', async () => {
    const client = makeClient({ requestsPerMinute: 30 });
    await client.standings(1, 2000);
    await client.standings(2, 2000);
    expect(sleeps).toEqual([2000]);
  });
});
