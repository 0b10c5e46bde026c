/**
 * Times a full season's analyses (computed and stored: every match of the
 * Premier League 2024-25 that is not postponed, cancelled or abandoned)
 * on both database kinds, one match after another as the job queue runs
 * them.
 *
 *     npx tsx bench/analysis.ts [--synthetic]
 *
 * Data: the whole shared data folder, imported (Premier League 2023-24 to
 * 2025-26, Champions League, other leagues); with `--synthetic` the
 * synthetic seasons of the tests instead. PostgreSQL: a fresh database on
 * the test server (`TEST_DATABASE_URL`), dropped afterwards; PGlite: in
 * memory.
 */
import { and, asc, eq, notInArray } from 'drizzle-orm';
import { runAnalysis } from '../src/analysis/run-analysis.ts';
import { makeLogger } from '../src/core/logger.ts';
import { sharedDataDir } from '../src/core/paths.ts';
import type { Db } from '../src/db/open-database.ts';
import { matches } from '../src/db/schema.ts';
import { importFiles } from '../src/import/import-files.ts';
import {
  insertSyntheticSeasons,
  SYNTHETIC_LEAGUE,
  SYNTHETIC_SEASON,
} from '../test/analysis/synthetic-season.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
} from '../test/helpers/databases.ts';

const logger = makeLogger('silent');
const synthetic = process.argv.includes('--synthetic');
const season = synthetic
  ? { competitionId: SYNTHETIC_LEAGUE, season: SYNTHETIC_SEASON }
  : { competitionId: 'en.1', season: '2024-25' };

for (const kind of DATABASE_KINDS) {
  const database = await openTestDatabase(kind);
  try {
    const loadStarted = performance.now();
    if (synthetic) await insertSyntheticSeasons(database.db);
    else await importFiles(database.db, [sharedDataDir()], logger);
    const loadMs = performance.now() - loadStarted;

    const ids = await seasonMatchIds(database.db, season);
    const cpu = process.cpuUsage();
    const started = performance.now();
    let complete = 0;
    for (const id of ids) {
      const result = await runAnalysis(database.db, id, { logger });
      if (result.complete) complete += 1;
    }
    const ms = performance.now() - started;
    const { user, system } = process.cpuUsage(cpu);
    console.log(
      `${kind.padEnd(8)} ${season.competitionId} ${season.season}: ` +
        `${ids.length} analyses in ${(ms / 1000).toFixed(2)} s ` +
        `(${(ms / ids.length).toFixed(1)} ms each, ${complete} complete; ` +
        `this process used ${((user + system) / 1e6).toFixed(2)} s CPU; ` +
        `data loaded in ${(loadMs / 1000).toFixed(1)} s)`,
    );
  } finally {
    await database.close();
  }
}

async function seasonMatchIds(
  db: Db,
  where: { competitionId: string; season: string },
): Promise<number[]> {
  const rows = await db
    .select({ id: matches.id })
    .from(matches)
    .where(and(eq(matches.competitionId, where.competitionId),
      eq(matches.season, where.season),
      notInArray(matches.status, ['postponed', 'cancelled', 'abandoned'])))
    .orderBy(asc(matches.kickoff), asc(matches.id));
  return rows.map((r) => r.id);
}
