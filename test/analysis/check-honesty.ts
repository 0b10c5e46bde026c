import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { computeAnalysis } from '../../src/analysis/compute-analysis.ts';
import type { MatchContext } from '../../src/core/types.ts';
import type { Db } from '../../src/db/open-database.ts';
import {
  cutAtKickoff,
  loadReferenceData,
  referenceAnalysis,
} from './reference-analysis.ts';

/**
 * The honesty check over a list of matches, in both directions:
 * - the analysis from the full data equals the plain TypeScript oracle
 *   given only the data cut at kickoff (nothing later leaks in, nothing
 *   earlier is left out);
 * - it also equals the analysis the real code computes on a copy of the
 *   database cut at kickoff (in a transaction that is rolled back).
 * The cut copy costs a delete of every later match, so `cutCopyEvery`
 * can limit it to every n-th match (default: all; the last always).
 * Returns the analyses from the full data.
 */
export async function checkHonesty(
  db: Db,
  matchIds: number[],
  cutCopyEvery = 1,
): Promise<MatchContext[]> {
  const data = await loadReferenceData(db);
  const contexts: MatchContext[] = [];
  for (const [index, matchId] of matchIds.entries()) {
    const full = await computeAnalysis(db, matchId);
    const oracle = referenceAnalysis(cutAtKickoff(data, matchId), matchId);
    expect(full, `match ${matchId} against the oracle`).toEqual(oracle);
    if (index % cutCopyEvery === 0 || index === matchIds.length - 1) {
      const cut = await analyseCutCopy(db, matchId);
      expect(full, `match ${matchId} against the cut copy`).toEqual(cut);
    }
    contexts.push(full);
  }
  return contexts;
}

class Rollback extends Error {}

/**
 * The analysis computed by the real code on the data as it stood at
 * kickoff: later matches deleted and the match reset to scheduled inside a
 * transaction, which is then rolled back.
 */
export async function analyseCutCopy(
  db: Db,
  matchId: number,
): Promise<MatchContext> {
  let context: MatchContext | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`delete from matches where id <> ${matchId}
        and kickoff >= (select kickoff from matches where id = ${matchId})`);
      await tx.execute(sql`update matches set status = 'scheduled',
        home_goals = null, away_goals = null where id = ${matchId}`);
      context = await computeAnalysis(tx as unknown as Db, matchId);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return context!;
}
