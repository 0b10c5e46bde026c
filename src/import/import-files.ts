import { systemClock, type Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Db } from '../db/open-database.ts';
import { collectImportFiles } from './collect-import-files.ts';
import { assertNotInterrupted } from './import-interrupted-error.ts';
import type { TeamNameSeen } from './match-record.ts';
import { readFootballData } from './read-football-data.ts';
import { readOpenfootball } from './read-openfootball.ts';
import {
  writeMatches,
  type SourceReport,
  type WriteSummary,
} from './write-matches.ts';

/** What an import did. */
export interface ImportSummary extends WriteSummary {
  files: number;
  skippedFiles: number;
}

/**
 * Imports openfootball and football-data.co.uk files and folders. Every
 * file is read and checked first; then everything is written in one
 * transaction, so bad input leaves the database exactly as it was. The same
 * match from several files is one match (see `makeMatchKey`); later files
 * win as `mergeMatch` says, and a result they change is logged as a
 * conflict. Importing the same files again changes no row. Imports on one
 * database run one after the other (see `writeMatches`).
 *
 * When `signal` is aborted (Ctrl+C) the import stops between files and
 * between writes, rolls back, and throws ImportInterruptedError.
 */
export async function importFiles(
  db: Db,
  paths: string[],
  logger: Logger,
  clock: Clock = systemClock,
  signal?: AbortSignal,
): Promise<ImportSummary> {
  const started = Date.now();
  assertNotInterrupted(signal);
  const { files, skipped } = collectImportFiles(paths, logger);
  const teamNames: TeamNameSeen[] = [];
  const sources: SourceReport[] = [];
  for (const file of files) {
    // Reading is synchronous: yield, so that a Ctrl+C is seen in between.
    await new Promise((resolve) => setImmediate(resolve));
    assertNotInterrupted(signal);
    const read = file.kind === 'openfootball'
      ? readOpenfootball(file.file, file.json, teamNames)
      : readFootballData(file.file, file.text, teamNames);
    logger.debug({ file: file.file, matches: read.length }, 'read a file');
    for (const match of read) sources.push({ file: file.file, match });
  }

  const summary = await db.transaction(async (tx) =>
    writeMatches(tx as unknown as Db, sources, teamNames,
      { clock, logger, signal }));
  const result = { files: files.length, skippedFiles: skipped.length,
    ...summary };
  logger.info({ ...result, durationMs: Date.now() - started },
    'import done');
  return result;
}
