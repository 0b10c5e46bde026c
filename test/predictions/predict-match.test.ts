import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open-database.ts';
import {
  enableModel,
  getActiveModels,
  listModels,
  upsertModels,
} from '../../src/db/models.ts';
import { listPredictions } from '../../src/db/predictions.ts';
import { models } from '../../src/db/schema.ts';
import { ProviderGates } from '../../src/llm/provider-gate.ts';
import type { Forecaster } from '../../src/models/forecaster.ts';
import {
  AnalysisNotReadyError,
  MatchNotPredictableError,
} from '../../src/predictions/prediction-errors.ts';
import {
  predictMatch,
  type PredictMatchDeps,
} from '../../src/predictions/predict-match.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import { syncRoster } from '../../src/roster/sync-roster.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { completion, FakeLlmServer } from '../llm/fake-llm-server.ts';
import { seedMatches } from './seed-matches.ts';

const KEY = 'sk-test-8f3a1c9e77d2';
const json = (home: number, away: number) =>
  completion({ content: JSON.stringify({ home, away }) });

/** Per model: what the fake provider answers. Odd attempts fail for some. */
const behaviours = {
  fast: () => ({ delayMs: 30, body: json(2, 1) }),
  'rate-limited': ({ attempt }: { attempt: number }) =>
    attempt % 2 === 1
      ? { status: 429, headers: { 'retry-after': '1' }, body: { error: 'slow down' } }
      : { body: json(1, 1) },
  flaky: ({ attempt }: { attempt: number }) =>
    attempt % 2 === 1
      ? { status: 500, body: { error: 'upstream' } }
      : { body: completion({ content: '```json\n{"home": 0, "away": 0}\n```' }) },
  unauthorized: () => ({
    status: 401,
    body: { error: { message: `invalid api key ${KEY}` } },
  }),
  hanging: () => ({ hang: true }),
  malformed: () => ({
    body: completion({ content: 'It will be a tight game between two sides.' }),
  }),
  reasoner: () => ({
    body: completion({
      content: '',
      reasoning_content: 'Arsenal at home are strong. {"home": 3, "away": 1}',
    }),
  }),
  'format-picky': ({ body }: { body: Record<string, unknown> }) =>
    body.response_format
      ? { status: 400, body: { error: { message: "response_format 'json_object' is not supported" } } }
      : { body: json(2, 2) },
};

const FAILING = ['hanging', 'malformed', 'unauthorized'];
const SUCCEEDING = ['baseline-one-nil', 'fast', 'flaky', 'format-picky', 'rate-limited', 'reasoner'];

function rosterFor(baseUrl: string) {
  return parseRoster(
    {
      providers: [
        { id: 'fake', baseUrl, apiKeyEnv: 'FAKE_KEY', concurrency: 2, timeoutMs: 5_000 },
      ],
      models: [
        ...Object.keys(behaviours).map((name) => ({
          id: name,
          provider: 'fake',
          model: name,
          displayName: name,
          active: true,
          ...(name === 'hanging' ? { timeoutMs: 300 } : {}),
        })),
        {
          id: 'baseline-one-nil',
          provider: 'baseline',
          model: 'one-nil',
          displayName: 'One nil',
          active: true,
        },
      ],
    },
    'test-roster.json',
    { FAKE_KEY: KEY },
  );
}

describe.each(DATABASE_KINDS)('predictMatch on %s', (kind) => {
  let database: TestDatabase;
  let db: Db;
  let server: FakeLlmServer;
  let deps: PredictMatchDeps;
  const logLines: string[] = [];
  const pastCounts: number[] = [];
  let matchIds: number[];

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
    server = new FakeLlmServer(behaviours);
    const roster = rosterFor(await server.start());
    await syncRoster(db, roster);
    matchIds = await seedMatches(db, [
      { kickoff: '2024-11-01T15:00:00Z', status: 'finished', score: [1, 0], analysis: false },
      { kickoff: '2024-11-09T15:00:00Z', status: 'finished', score: [4, 4] },
      { kickoff: '2024-11-10T15:00:00Z', status: 'scheduled' },
      { kickoff: '2024-11-11T15:00:00Z', status: 'live' },
      { kickoff: '2024-11-12T15:00:00Z', status: 'postponed' },
    ]);
    const oneNil: Forecaster = {
      modelId: 'baseline-one-nil',
      async forecast(input) {
        pastCounts.push((await input.pastResults()).length);
        return { score: { home: 1, away: 0 }, rawAnswer: 'always 1-0' };
      },
    };
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _encoding, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );
    deps = {
      db,
      roster,
      logger,
      env: { FAKE_KEY: KEY },
      gates: new ProviderGates(),
      retryBaseMs: 20,
      maxConsecutiveFailures: 2,
      baselines: { 'one-nil': () => oneNil },
    };
  });

  afterAll(async () => {
    await server?.stop();
    await database?.close();
  });

  it('stores every answer and isolates each failure', async () => {
    const matchId = matchIds[1]!;
    const result = await predictMatch(deps, { matchId, retroactive: true });

    expect(result.added).toEqual(SUCCEEDING);
    expect(result.alreadyPredicted).toEqual([]);
    expect(result.failed.map((f) => f.modelId)).toEqual(FAILING);
    const reason = (id: string) =>
      result.failed.find((f) => f.modelId === id)?.reason;
    expect(reason('hanging')).toContain('no answer within 300 ms');
    expect(reason('malformed')).toContain('no score found');
    expect(reason('unauthorized')).toContain('configuration problem, HTTP 401');
    // Only the 401 can never succeed; a timeout or a bad answer may.
    expect(
      result.failed.filter((f) => f.permanent).map((f) => f.modelId),
    ).toEqual(['unauthorized']);

    const stored = await listPredictions(db, matchId);
    expect(
      stored.map((p) => [p.modelId, p.homeGoals, p.awayGoals, p.tendency, p.retroactive]),
    ).toEqual([
      ['baseline-one-nil', 1, 0, 'H', true],
      ['fast', 2, 1, 'H', true],
      ['flaky', 0, 0, 'D', true],
      ['format-picky', 2, 2, 'D', true],
      ['rate-limited', 1, 1, 'D', true],
      ['reasoner', 3, 1, 'H', true],
    ]);
    expect(stored.find((p) => p.modelId === 'reasoner')?.rawAnswer)
      .toContain('Arsenal at home are strong');

    // Only the match of 2024-11-01 is finished before this kickoff.
    expect(pastCounts).toEqual([1]);
  });

  it('retries as the protocol asks, and never retries a 401', () => {
    expect(server.requestsOf('unauthorized')).toHaveLength(1);
    expect(server.requestsOf('hanging')).toHaveLength(1);
    expect(server.requestsOf('rate-limited')).toHaveLength(2);
    expect(server.requestsOf('flaky')).toHaveLength(2);
    const picky = server.requestsOf('format-picky');
    expect(picky.map((r) => 'response_format' in r.body)).toEqual([true, false]);
    expect(server.requestsOf('fast')[0]?.body.response_format)
      .toEqual({ type: 'json_object' });
    expect(server.requests.every((r) => r.authorization === `Bearer ${KEY}`))
      .toBe(true);
  });

  it('never exceeds the provider concurrency', () => {
    expect(server.maxInFlight).toBe(2);
  });

  it('updates the health of each model', async () => {
    const rows = new Map((await listModels(db)).map((m) => [m.id, m]));
    for (const id of SUCCEEDING) {
      expect(rows.get(id)).toMatchObject({ consecutiveFailures: 0, disabledAt: null });
      expect(rows.get(id)?.lastSuccessAt).toBeInstanceOf(Date);
    }
    for (const id of FAILING) {
      expect(rows.get(id)).toMatchObject({ consecutiveFailures: 1, disabledAt: null });
      expect(rows.get(id)?.lastSuccessAt).toBeNull();
    }
    expect(rows.get('hanging')?.lastError).toBe('no answer within 300 ms');
  });

  it('asks only the models still without a prediction', async () => {
    const before = server.requests.length;
    const result = await predictMatch(deps, {
      matchId: matchIds[1]!,
      retroactive: true,
    });
    expect(result.added).toEqual([]);
    expect(result.alreadyPredicted).toEqual(SUCCEEDING);
    expect(result.failed.map((f) => f.modelId)).toEqual(FAILING);
    const asked = server.requests.slice(before).map((r) => r.model).sort();
    expect(asked).toEqual(FAILING);
  });

  it('disables a model after N failures in a row; enable brings it back', async () => {
    const active = (await getActiveModels(db)).map((m) => m.id);
    expect(active).toEqual(SUCCEEDING);
    const rows = await db
      .select()
      .from(models)
      .where(eq(models.id, 'malformed'));
    expect(rows[0]?.consecutiveFailures).toBe(2);
    expect(rows[0]?.disabledReason).toContain('2 failures in a row');
    expect(rows[0]?.disabledAt).toBeInstanceOf(Date);

    // A disabled model is not asked on the next match.
    const before = server.requests.length;
    const result = await predictMatch(deps, {
      matchId: matchIds[2]!,
      retroactive: false,
    });
    expect(result.added).toEqual(SUCCEEDING);
    expect(result.failed).toEqual([]);
    const asked = new Set(server.requests.slice(before).map((r) => r.model));
    for (const id of FAILING) expect(asked.has(id)).toBe(false);

    expect(await enableModel(db, 'malformed')).toBe(true);
    const enabled = (await listModels(db)).find((m) => m.id === 'malformed');
    expect(enabled).toMatchObject({ consecutiveFailures: 0, disabledAt: null });
    expect(await enableModel(db, 'no-such-model')).toBe(false);
  });

  it('restricts the run to the given models, skipping one not active', async () => {
    const result = await predictMatch(deps, {
      matchId: matchIds[3]!,
      modelIds: ['fast', 'hanging'],
      retroactive: false,
    });
    expect(result.added).toEqual(['fast']);
    // Disabled by an earlier test: skipped, not a failure of the match.
    expect(result.failed).toEqual([]);
    expect(result.skipped).toEqual([
      { modelId: 'hanging', reason: 'model is not active or is disabled' },
    ]);
    const stored = await listPredictions(db, matchIds[3]!);
    expect(stored.map((p) => [p.modelId, p.retroactive])).toEqual([['fast', false]]);
  });

  it('throws typed errors for a match without analysis or not predictable', async () => {
    await expect(
      predictMatch(deps, { matchId: matchIds[0]!, retroactive: true }),
    ).rejects.toBeInstanceOf(AnalysisNotReadyError);
    const postponed = predictMatch(deps, { matchId: matchIds[4]!, retroactive: true });
    await expect(postponed).rejects.toBeInstanceOf(MatchNotPredictableError);
    await expect(postponed).rejects.toMatchObject({ unrecoverable: true });
    await expect(
      predictMatch(deps, { matchId: 999_999, retroactive: true }),
    ).rejects.toThrow(/match 999999 cannot be predicted: no such match/);
  });

  it('keeps the API key out of logs, reasons and stored answers', async () => {
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(KEY);
    const all = (await listModels(db)).map((m) => `${m.lastError} ${m.disabledReason}`);
    expect(all.join('\n')).not.toContain(KEY);
    expect(all.join('\n')).toContain('invalid api key [redacted]');
  });

  it('reports an active model without a forecaster, asking nobody', async () => {
    await upsertModels(db, [
      {
        id: 'ghost',
        provider: 'fake',
        apiModel: 'ghost',
        displayName: 'Ghost',
        kind: 'llm',
        active: true,
      },
    ]);
    const before = server.requests.length;
    const result = await predictMatch(deps, {
      matchId: matchIds[3]!,
      modelIds: ['ghost'],
      retroactive: false,
    });
    expect(result.added).toEqual([]);
    expect(result.failed).toEqual([
      {
        modelId: 'ghost',
        reason: "model is not in the roster test-roster.json; add it or run 'scoreline models sync'",
        permanent: true,
      },
    ]);
    expect(server.requests.length).toBe(before);
  });
});
