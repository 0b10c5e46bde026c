import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../src/analysis/analysis-error.ts';
import { computeAnalysis } from '../../src/analysis/compute-analysis.ts';
import { runAnalysis } from '../../src/analysis/run-analysis.ts';
import { fixedClock } from '../../src/core/clock.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { getAnalysis, hasCompleteAnalysis } from '../../src/db/analyses.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import {
  insertHandMadeMatches,
  type HandMadeLabel,
} from './hand-made-matches.ts';

const logger = makeLogger('silent');

describe.each(DATABASE_KINDS)('runAnalysis on %s', (kind) => {
  let database: TestDatabase;
  let ids: Record<HandMadeLabel, number>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ids = await insertHandMadeMatches(database.db);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores the analysis as of kickoff, once per match', async () => {
    const { db } = database;
    const first = await runAnalysis(db, ids.m6, {
      logger, clock: fixedClock('2026-01-01T10:00:00Z'),
    });
    expect(first).toEqual({
      matchId: ids.m6, complete: true, missing: ['injuries'],
    });
    const again = await runAnalysis(db, ids.m6, {
      logger, clock: fixedClock('2026-01-02T10:00:00Z'),
    });
    expect(again).toEqual(first);

    const stored = await getAnalysis(db, ids.m6);
    expect(stored).toEqual({
      matchId: ids.m6,
      asOf: new Date('2024-08-24T14:00:00Z'),
      context: await computeAnalysis(db, ids.m6),
      complete: true,
      missing: ['injuries'],
      computedAt: new Date('2026-01-02T10:00:00Z'),
    });
    const [count] = await queryRows<{ n: number }>(db,
      sql`select count(*)::int as n from analyses
        where match_id = ${ids.m6}`);
    expect(count?.n).toBe(1);
    expect(await hasCompleteAnalysis(db, ids.m6)).toBe(true);
  });

  it('is complete with one team new to the data', async () => {
    // c3: Echo has a cup result, Hotel none at all.
    const result = await runAnalysis(database.db, ids.c3, { logger });
    expect(result).toEqual({
      matchId: ids.c3, complete: true,
      missing: ['away.form', 'odds', 'injuries'],
    });
  });

  it('stores an incomplete row when neither team has earlier data',
    async () => {
      const { db } = database;
      const result = await runAnalysis(db, ids.p0, { logger });
      expect(result).toEqual({
        matchId: ids.p0, complete: false,
        missing: ['home.form', 'away.form', 'odds', 'injuries'],
      });
      const stored = await getAnalysis(db, ids.p0);
      expect(stored?.complete).toBe(false);
      expect(stored?.context?.tableSize).toBe(2);
      expect(await hasCompleteAnalysis(db, ids.p0)).toBe(false);
    });

  it('has no analysis for a match never analysed', async () => {
    expect(await getAnalysis(database.db, ids.m7)).toBeNull();
    expect(await hasCompleteAnalysis(database.db, ids.m7)).toBe(false);
  });

  it('refuses postponed and unknown matches for good', async () => {
    const { db } = database;
    const postponed = await runAnalysis(db, ids.m8, { logger })
      .catch((e: unknown) => e);
    expect(postponed).toBeInstanceOf(AnalysisError);
    expect(postponed).toMatchObject({
      matchId: ids.m8, reason: 'not-played', unrecoverable: true,
    });
    expect((postponed as Error).message).toBe(
      `match ${ids.m8} is postponed and gets no analysis; analyse it again once it is rescheduled`,
    );
    expect(await getAnalysis(db, ids.m8)).toBeNull();

    const unknown = await runAnalysis(db, 424_242, { logger })
      .catch((e: unknown) => e);
    expect(unknown).toMatchObject({
      matchId: 424_242, reason: 'unknown-match', unrecoverable: true,
    });
  });

  it('never stores a later result in the context', async () => {
    // m6 was played 2-2 and Charlie beat Bravo 5-0 later (m12): neither
    // score may appear anywhere in m6's stored analysis.
    const stored = await getAnalysis(database.db, ids.m6);
    const text = JSON.stringify(stored?.context);
    expect(text).not.toContain(`"matchId":${ids.m6},"kickoff"`);
    expect(text).not.toContain(`"matchId":${ids.m12},`);
    expect(stored?.context?.home.table?.played).toBe(2);
  });
});
