import { computeAnalysis } from '../../analysis/compute-analysis.ts';
import { formatAnalysis } from '../../analysis/format-analysis.ts';
import { UsageError } from '../../core/errors.ts';
import { openDatabase } from '../../db/open-database.ts';
import type { Command } from '../command.ts';
import { parseMatchId } from '../parse-match-id.ts';
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
    if (text === undefined || extra.length > 0) {
      throw new UsageError(`give one match id; usage: ${this.usage}`);
    }
    const matchId = parseMatchId(text, 'the match id', this.usage);

    const database = await openDatabase();
    try {
      const context = await computeAnalysis(database.db, matchId);
      stdout.write(values.json
        ? `${JSON.stringify(context, null, 2)}\n`
        : formatAnalysis(context));
    } finally {
      await database.close();
    }
    return 0;
  },
};
