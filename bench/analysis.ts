/**
 * Times a full season's analyses (computed and stored, 380 matches) on
 * both database kinds and prints the results.
 *
 *     npx tsx bench/analysis.ts [--synthetic]
 *
 * Data: the Premier League 2023-24 and 2024-25 from the shared data
 * folder when the importer is available, else (or with `--synthetic`) the
 * synthetic seasons of the tests. PostgreSQL: a fresh database on the
 * test server (`TEST_DATABASE_URL`), dropped afterwards.
 */
import { and, asc, eq } from 'drizzle-orm';
import { runAnalysis } from '../src/analysis/run-analysis.ts';
import { makeLogger } from '../src/core/logger.ts';
import type { Db } from '../src/db/open-database.ts';
import { matches } from '../src/db/schema.ts';
import { insertSyntheticSeasons } from '../test/analysis/synthetic-season.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
} from '../test/helpers/databases.ts';

const logger = makeLogger('silent');

for (const kind of DATABASE_KINDS) {
  const database = await openTestDatabase(kind);
  try {
    const loadStarted = performance.now();
    await insertSyntheticSeasons(database.db);
    const season = { competitionId: 'syn.1', season: '2024-25' };
    const loadMs = performance.now() - loadStarted;

    const ids = await seasonMatchIds(database.db, season);
    const started = performance.now();
    let complete = 0;
    for (const id of ids) {
      const result = await runAnalysis(database.db, id, { logger });
      if (result.complete) complete += 1;
    }
    const ms = performance.now() - started;
    console.log(
      `${kind.padEnd(8)} ${season.competitionId} ${season.season}: ` +
        `${ids.length} analyses in ${(ms / 1000).toFixed(2)} s ` +
        `(${(ms / ids.length).toFixed(1)} ms each, ${complete} complete; ` +
        `data loaded in ${(loadMs / 1000).toFixed(1)} s)`,
    );
  } finally {
    await database.close();
  }
}

async function seasonMatchIds(
  db: Db,
  season: { competitionId: string; season: string },
): Promise<number[]> {
  const rows = await db
    .select({ id: matches.id, status: matches.status })
    .from(matches)
    .where(and(eq(matches.competitionId, season.competitionId),
      eq(matches.season, season.season)))
    .orderBy(asc(matches.kickoff), asc(matches.id));
  return rows
    .filter((r) => !['postponed', 'cancelled', 'abandoned'].includes(r.status))
    .map((r) => r.id);
}
