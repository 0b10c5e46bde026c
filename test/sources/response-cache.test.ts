import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../src/sources/api-football/response-cache.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';

const at = (time: string) => new Date(`2026-02-12T${time}Z`);

describe.each(DATABASE_KINDS)('ResponseCache on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('answers within the lifetime and removes what expired', async () => {
    const cache = new ResponseCache(database.db);
    await cache.put('a', [{ x: 1 }], at('10:00:00'), 60_000);
    await cache.put('b', { y: 2 }, at('10:00:00'), 3_600_000);
    await cache.put('live', [], at('10:00:00'), 0);

    expect(await cache.get('a', at('10:00:59'))).toEqual([{ x: 1 }]);
    expect(await cache.get('a', at('10:01:00'))).toBeUndefined();
    expect(await cache.get('live', at('10:00:00'))).toBeUndefined();

    expect(await cache.removeExpired(at('10:30:00'))).toBe(1);
    expect(await cache.get('b', at('10:30:00'))).toEqual({ y: 2 });
    await cache.put('a', [{ x: 3 }], at('10:30:00'), 60_000);
    expect(await cache.get('a', at('10:30:30'))).toEqual([{ x: 3 }]);
  });
});
