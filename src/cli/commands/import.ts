import { systemClock } from '../../core/clock.ts';
import { UsageError } from '../../core/errors.ts';
import { openDatabase } from '../../db/open-database.ts';
import { importFiles } from '../../import/import-files.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'import openfootball JSON and football-data.co.uk CSV files',
  usage: 'scoreline import <file or folder>...',
  async run({ argv, stdout, logger, signal }) {
    const { positionals } = parseOptions(argv, {}, this.usage, true);
    if (positionals.length === 0) {
      throw new UsageError(
        `name at least one file or folder to import; usage: ${this.usage}`);
    }
    const database = await openDatabase();
    try {
      const summary = await importFiles(database.db, positionals,
        logger.child({ component: 'import' }), systemClock, signal);
      stdout.write(
        `imported ${summary.files} files (${summary.skippedFiles} skipped): ` +
        `matches ${summary.matchesInserted} inserted, ` +
        `${summary.matchesUpdated} updated, ` +
        `${summary.matchesUnchanged} unchanged, ` +
        `${summary.resultConflicts} with conflicting results; ` +
        `odds rows ${summary.oddsWritten} written, ` +
        `${summary.oddsUnchanged} unchanged\n`,
      );
    } finally {
      await database.close();
    }
    return 0;
  },
};
