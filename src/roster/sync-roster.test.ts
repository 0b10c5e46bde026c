import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import {
  getActiveModels,
  listModels,
  recordFailure,
  recordSuccess,
} from '../db/models.ts';
import { parseRoster } from './load-roster.ts';
import { formatModelHealth, joinModelHealth } from './model-health.ts';
import { syncRoster } from './sync-roster.ts';

const provider = {
  id: 'local',
  baseUrl: 'http://127.0.0.1:9/v1',
  apiKeyEnv: 'LOCAL_TEST_KEY',
};
const model = (id: string, active = true) => ({
  id,
  provider: 'local',
  model: `api/${id}`,
  displayName: id.toUpperCase(),
  active,
});
const baseline = {
  id: 'elo',
  provider: 'baseline',
  model: 'elo',
  displayName: 'Elo',
  active: true,
};

describe.each(DATABASE_KINDS)('syncRoster on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('writes the roster, keeps health and deactivates removed models', async () => {
    const { db } = database;
    const env = { LOCAL_TEST_KEY: 'k' };
    const first = parseRoster(
      { providers: [provider], models: [model('a'), model('b'), model('c', false), baseline] },
      'r.json',
      env,
    );
    expect(await syncRoster(db, first)).toEqual({ synced: 4, deactivated: [] });
    expect((await getActiveModels(db)).map((m) => m.id)).toEqual(['a', 'b', 'elo']);

    // Health that the next sync must keep.
    const at = new Date('2026-01-02T03:04:05Z');
    await recordSuccess(db, 'a', at);
    expect(await recordFailure(db, 'b', 'HTTP 500', 2, at)).toEqual({
      consecutiveFailures: 1,
      disabledNow: false,
    });
    expect(await recordFailure(db, 'b', 'HTTP 502', 2, at)).toEqual({
      consecutiveFailures: 2,
      disabledNow: true,
    });
    expect(await recordFailure(db, 'b', 'HTTP 503', 2, at)).toEqual({
      consecutiveFailures: 3,
      disabledNow: false,
    });
    expect(await recordFailure(db, 'zz', 'x', 2, at)).toBeNull();

    // b renamed, a gone, c's key now unset: all three change.
    const second = parseRoster(
      {
        providers: [provider],
        models: [{ ...model('b'), displayName: 'Bee' }, model('c'), baseline],
      },
      'r.json',
      {},
    );
    expect(await syncRoster(db, second)).toEqual({ synced: 3, deactivated: ['a'] });

    const rows = new Map((await listModels(db)).map((m) => [m.id, m]));
    expect(rows.get('a')).toMatchObject({ active: false, lastSuccessAt: at });
    expect(rows.get('b')).toMatchObject({
      displayName: 'Bee',
      active: false,
      consecutiveFailures: 3,
      lastError: 'HTTP 503',
      disabledReason: '2 failures in a row, the last: HTTP 502',
      disabledAt: at,
    });
    expect(rows.get('c')).toMatchObject({ active: false, kind: 'llm' });
    expect(rows.get('elo')).toMatchObject({ active: true, kind: 'baseline' });
    expect((await getActiveModels(db)).map((m) => m.id)).toEqual(['elo']);

    const health = joinModelHealth(second, await listModels(db));
    expect(health.map((h) => [h.id, h.active, h.disabled, h.consecutiveFailures]))
      .toEqual([
        ['b', false, true, 3],
        ['c', false, false, 0],
        ['elo', true, false, 0],
      ]);
    const table = formatModelHealth(health).split('\n');
    expect(table[0]).toMatch(/^model\s+provider\s+active\s+disabled\s+failures/);
    expect(table[1]).toMatch(/^b\s+local\s+no \(key unset\)\s+yes\s+3\s+-\s+HTTP 503$/);
  });
});
