import { computeAnalysis } from '../../analysis/compute-analysis.ts';
import { formatAnalysis } from '../../analysis/format-analysis.ts';
import { UsageError } from '../../core/errors.ts';
import { openDatabase } from '../../db/open-database.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

/**
 * Prints a match's analysis as of its kickoff, computed from the stored
 * data (it stores nothing; the pipeline's analysis job does).
 */
export const analysisCommand: Command = {
  name: 'analysis',
  summary: "print a match's pre-match analysis as of its kickoff",
  usage: 'scoreline analysis <matchId> [--json]',
  async run({ argv, stdout }) {
    const { values, positionals } = parseOptions(
      argv, { json: { type: 'boolean' } }, this.usage, true,
    );
    const [text, ...extra] = positionals;
    if (!text || extra.length > 0 || !/^[1-9][0-9]{0,9}$/.test(text)) {
      throw new UsageError(
        `give one match id, a positive integer; usage: ${this.usage}`);
    }

    const database = await openDatabase();
    try {
      const context = await computeAnalysis(database.db, Number(text));
      stdout.write(values.json
        ? `${JSON.stringify(context, null, 2)}\n`
        : formatAnalysis(context));
    } finally {
      await database.close();
    }
    return 0;
  },
};
