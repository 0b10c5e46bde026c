import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeLeaderboardCommand,
  parseLeaderboardArgs,
} from '../../src/cli/commands/leaderboard.ts';
import { EXIT, UsageError } from '../../src/core/errors.ts';
import { makeLogger } from '../../src/core/logger.ts';
import {
  getLeaderboard,
  type LeaderboardRow,
} from '../../src/leaderboard/get-leaderboard.ts';
import { settleMatch } from '../../src/scoring/settle-match.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { addMatch, addPredictions, seedBasics } from './seed-matches.ts';

/** [rank, model, matches, points, exact hits, tendency hits] */
function lines(rows: LeaderboardRow[]) {
  return rows.map((r) => [r.rank, r.modelId, r.matches, r.totalPoints,
    r.exactHits, r.tendencyHits]);
}

/*
 * Worked out by hand (quota (6n + 14c) / (10c), clamp [2, 6], half up):
 *
 * A c1 09-01, 2-1: m1 2-1, m2 1-0, m3 0-0 (retro). n 3: H c 2 -> 2.3 -> 2,
 *   D c 1 -> 3.2 -> 3. m1 2+1+3 = 6, m2 2+1 = 3, m3 0.
 * B c1 09-08, 0-2: m1 1-1, m2 0-1, m3 0-3 (retro). A c 2 -> 2.
 *   m1 0, m2 2, m3 2.
 * C c2 09-15, 1-1: m1 1-1, m2 2-2, m3 1-0. D c 2 -> 2.
 *   m1 2+1+3 = 6, m2 2+1 = 3, m3 0.
 * D c1 09-20, awarded: m1 void, not counted.
 * E c1 09-22, scheduled: m1 unsettled, not counted.
 * F c2 09-25, 3-0: m2 4-1 alone. n 1: H c 1 -> 20/10 = 2. m2 2+1 = 3.
 *
 * All: m1 12 in 3 (exact 2, tendency 2); m2 11 in 4 (0, 4);
 *      m3 2 in 3 (0, 1).
 */
describe.each(DATABASE_KINDS)('leaderboard on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const { db } = database;
    await seedBasics(db, 3);
    const seed = async (
      match: Parameters<typeof addMatch>[1],
      scores: Record<string, [number, number]>,
      retro: Record<string, [number, number]> = {},
    ) => {
      const id = await addMatch(db, match);
      await addPredictions(db, id, scores);
      await addPredictions(db, id, retro, true);
      await settleMatch(db, id);
    };
    await seed({ status: 'finished', score: [2, 1],
      kickoff: '2025-09-01T14:00:00Z' },
    { m1: [2, 1], m2: [1, 0] }, { m3: [0, 0] });
    await seed({ status: 'finished', score: [0, 2],
      kickoff: '2025-09-08T19:00:00Z' },
    { m1: [1, 1], m2: [0, 1] }, { m3: [0, 3] });
    await seed({ status: 'finished', score: [1, 1], competitionId: 'c2',
      kickoff: '2025-09-15T13:30:00Z' },
    { m1: [1, 1], m2: [2, 2], m3: [1, 0] });
    await seed({ status: 'awarded', score: [3, 0],
      kickoff: '2025-09-20T14:00:00Z' }, { m1: [1, 0] });
    await seed({ status: 'scheduled', kickoff: '2025-09-22T14:00:00Z' },
      { m1: [2, 0] });
    await seed({ status: 'finished', score: [3, 0], competitionId: 'c2',
      kickoff: '2025-09-25T18:45:00Z' }, { m2: [4, 1] });
  });
  afterAll(async () => {
    await database.close();
  });

  it('ranks every model over all settled predictions', async () => {
    const rows = await getLeaderboard(database.db, { retroactive: 'include' });
    expect(lines(rows)).toEqual([
      [1, 'm1', 3, 12, 2, 2],
      [2, 'm2', 4, 11, 0, 4],
      [3, 'm3', 3, 2, 0, 1],
    ]);
    expect(rows[0]).toMatchObject({ displayName: 'Model 1',
      averagePoints: 4, exactRate: 2 / 3, tendencyRate: 2 / 3 });
    expect(rows[1]?.averagePoints).toBe(2.75);
    expect(rows[1]?.tendencyRate).toBe(1);
  });

  it('leaves retroactive predictions out or counts only them', async () => {
    const without = await getLeaderboard(database.db, {
      retroactive: 'exclude',
    });
    expect(lines(without)).toEqual([
      [1, 'm1', 3, 12, 2, 2], [2, 'm2', 4, 11, 0, 4], [3, 'm3', 1, 0, 0, 0],
    ]);
    const only = await getLeaderboard(database.db, { retroactive: 'only' });
    expect(lines(only)).toEqual([[1, 'm3', 2, 2, 0, 1]]);
    expect(only[0]?.averagePoints).toBe(1);
  });

  it('ranks an equal total by average points', async () => {
    // c2: m1 6 in 1 match (average 6), m2 3 + 3 = 6 in 2 (average 3).
    const rows = await getLeaderboard(database.db, {
      competitionId: 'c2', retroactive: 'include',
    });
    expect(lines(rows)).toEqual([
      [1, 'm1', 1, 6, 1, 1], [2, 'm2', 2, 6, 0, 2], [3, 'm3', 1, 0, 0, 0],
    ]);
  });

  it('filters by kickoff and shares a rank on a full tie', async () => {
    // Only B kicks off in [09-05, 09-11): m2 and m3 2 points each.
    const rows = await getLeaderboard(database.db, {
      from: new Date('2025-09-05T00:00:00Z'),
      to: new Date('2025-09-11T00:00:00Z'),
      retroactive: 'include',
    });
    expect(lines(rows)).toEqual([
      [1, 'm2', 1, 2, 0, 1], [1, 'm3', 1, 2, 0, 1], [3, 'm1', 1, 0, 0, 0],
    ]);
  });

  it('prints an aligned table and JSON from the command', async () => {
    const command = makeLeaderboardCommand(async () => ({
      ...database, close: async () => undefined,
    }));
    const run = async (argv: string[]) => {
      let text = '';
      const stdout = new Writable({
        write(chunk, _encoding, done) {
          text += String(chunk);
          done();
        },
      });
      const code = await command.run({
        argv, stdout, logger: makeLogger('silent'),
        signal: new AbortController().signal,
      });
      return { code, text };
    };

    const table = await run(['--from', '2025-09-01', '--to', '2025-09-08']);
    expect(table.code).toBe(EXIT.ok);
    // A and B (09-08 included): m1 6, m2 5, m3 2.
    expect(table.text).toBe([
      'rank  model    matches  points  average  exact  tendency',
      '   1  Model 1        2       6     3.00  50.0%     50.0%',
      '   2  Model 2        2       5     2.50   0.0%    100.0%',
      '   3  Model 3        2       2     1.00   0.0%     50.0%',
      '',
    ].join('\n'));

    const json = await run(['--competition', 'c2', '--retroactive',
      'exclude', '--json']);
    const parsed = JSON.parse(json.text) as { rows: LeaderboardRow[] };
    expect(lines(parsed.rows)).toEqual([
      [1, 'm1', 1, 6, 1, 1], [2, 'm2', 2, 6, 0, 2], [3, 'm3', 1, 0, 0, 0],
    ]);
  });
});

describe('leaderboard options', () => {
  it.each([
    [['--from', '2025-13-01'], '--from'],
    [['--from', '2025-02-30'], '--from'],
    [['--to', 'yesterday'], '--to'],
    [['--retroactive', 'maybe'], '--retroactive'],
    [['--competition', ''], '--competition'],
    [['--from', '2025-09-10', '--to', '2025-09-01'], '--from'],
    [['--days', '3'], 'usage'],
  ])('rejects %j naming %s', (argv, flag) => {
    const parse = () => parseLeaderboardArgs(argv);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(flag);
  });

  it('reads the flags as whole UTC days', () => {
    const { filter, json } = parseLeaderboardArgs([
      '--from', '2025-09-01', '--to=2025-09-07', '--retroactive', 'only',
    ]);
    expect(json).toBe(false);
    expect(filter).toEqual({
      retroactive: 'only',
      from: new Date('2025-09-01T00:00:00Z'),
      to: new Date('2025-09-08T00:00:00Z'),
    });
  });
});
