import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import { openDatabase, type Database } from '../db/open-database.ts';
import { makeForecasters } from '../predictions/make-forecasters.ts';
import { loadRoster } from '../roster/load-roster.ts';
import { syncRoster } from '../roster/sync-roster.ts';
import { makeAnalysisSource } from '../sources/make-analysis-source.ts';
import type { StageDeps } from './stage-processors.ts';

export interface OpenStageDepsOptions {
  logger: Logger;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Stops waiting model calls (Ctrl+C, shutdown). */
  signal?: AbortSignal;
}

/**
 * Opens what the stage processors need: the database (`DATABASE_URL`, else
 * the embedded one) and the roster (`SCORELINE_ROSTER`), with forecasters
 * made once for every job. The roster file is written into the models
 * table first, so that the stages and the gap query see the same active
 * models as the file. Close the database when done.
 */
export async function openStageDeps(
  options: OpenStageDepsOptions,
): Promise<{ deps: StageDeps; database: Database }> {
  const roster = loadRoster({ logger: options.logger });
  // SCORELINE_SOURCE: a misconfigured source fails here, before any job.
  const analyse = makeAnalysisSource(options);
  const database = await openDatabase();
  try {
    await syncRoster(database.db, roster);
  } catch (error) {
    await database.close();
    throw error;
  }
  const base = {
    db: database.db,
    roster,
    logger: options.logger,
    clock: options.clock,
    fetch: options.fetch,
    signal: options.signal,
  };
  const forecasters = makeForecasters(roster, base);
  return { deps: { ...base, forecasters, analyse }, database };
}
