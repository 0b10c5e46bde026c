import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { ApiFootballClient } from '../../src/sources/api-football/api-football-client.ts';
import { fetchContextAtKickoff } from '../../src/sources/api-football/fetch-context-at-kickoff.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { recordedEnvelope } from './recorded-responses.ts';
import {
  startReplayServer,
  type ReceivedRequest,
  type ReplayServer,
} from './replay-server.ts';

const MEETINGS = 'fixtures-headtohead-manutd-mancity-2021-2023.json';

/**
 * A provider that answers every fixture list with the eight derbies of
 * 2021-2023 (the match itself, earlier and later meetings) and the table
 * with the final one of 2022/23, which is newer than the match.
 */
function derbyProvider(request: ReceivedRequest) {
  if (request.endpoint.startsWith('fixtures')) {
    return { body: recordedEnvelope(MEETINGS) };
  }
  if (request.endpoint === 'standings') {
    return { body: recordedEnvelope('standings-epl-2022-23-final.json') };
  }
  if (request.endpoint === 'teams/statistics') {
    return {
      body: recordedEnvelope(
        'teams-statistics-bundesliga-2022-leipzig-to-2023-01-01.json',
      ),
    };
  }
  return undefined;
}

// Manchester United v Manchester City, 14 January 2023, 12:30 UTC.
const derby = {
  fixtureId: 868141, leagueId: 39, season: 2022,
  homeTeamId: 33, awayTeamId: 50,
  kickoff: new Date('2023-01-14T12:30:00Z'),
};
const LATER = [868141, 1023277, 1035134];
const EARLIER = [868033, 710830, 710663, 592761, 653808];

describe.each(DATABASE_KINDS)('fetchContextAtKickoff on %s', (kind) => {
  let database: TestDatabase;
  let server: ReplayServer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await startReplayServer([], derbyProvider);
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('keeps the match and later meetings out of the context', async () => {
    const now = new Date('2024-01-01T00:00:00Z');
    const client = new ApiFootballClient({
      apiKey: 'test-key',
      db: database.db,
      baseUrl: server.baseUrl,
      requestsPerMinute: 600_000,
      clock: fixedClock(now),
      sleep: async () => undefined,
      logger: makeLogger('silent'),
    });
    const context = await fetchContextAtKickoff(client, derby, now);

    expect(context.headToHead.map((f) => f.fixtureId)).toEqual(EARLIER);
    expect(context.homeForm.map((f) => f.fixtureId)).toEqual(EARLIER);
    expect(context.awayForm.map((f) => f.fixtureId)).toEqual(EARLIER);
    const seen = [
      ...context.headToHead, ...context.homeForm, ...context.awayForm,
    ].map((f) => f.fixtureId);
    for (const id of LATER) expect(seen).not.toContain(id);

    // The provider's final table (38 played) is newer than the match; the
    // table is rebuilt from the one league derby of 2022/23 before it
    // (City 6-3 United, 2 October 2022).
    expect(context.table?.source).toBe('rebuilt');
    expect(context.table?.lines).toEqual([
      expect.objectContaining({
        teamId: 50,
        line: expect.objectContaining({ played: 1, points: 3, goalsFor: 6 }),
      }),
      expect.objectContaining({
        teamId: 33,
        line: expect.objectContaining({ played: 1, points: 0, goalsFor: 3 }),
      }),
    ]);
    expect(context.missing).toEqual(['odds', 'injuries']);
    expect(context.flagged).toBe(true);

    const statistics = server.received.filter(
      (r) => r.endpoint === 'teams/statistics',
    );
    expect(statistics.map((r) => r.params.date)).toEqual([
      '2023-01-13', '2023-01-13',
    ]);
    expect(server.received).toHaveLength(9);
  });
});
