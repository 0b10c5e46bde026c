import { UsageError } from '../../core/errors.ts';
import { enableModel, listModels } from '../../db/models.ts';
import { openDatabase } from '../../db/open-database.ts';
import { loadRoster } from '../../roster/load-roster.ts';
import {
  formatModelHealth,
  joinModelHealth,
} from '../../roster/model-health.ts';
import { syncRoster } from '../../roster/sync-roster.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

/**
 * `scoreline models`: the roster with each model's health; `sync` writes
 * the roster to the database; `enable <id>` re-enables a disabled model.
 */
export const modelsCommand: Command = {
  name: 'models',
  summary: 'show the roster and model health; sync the roster; enable a model',
  usage: 'scoreline models [--json] | models sync | models enable <model-id>',
  async run({ argv, stdout, logger }) {
    const { values, positionals } = parseOptions(
      argv,
      { json: { type: 'boolean', default: false } },
      this.usage,
      true,
    );
    const [action, modelId, ...extra] = positionals;
    if (extra.length > 0 || (action && !['sync', 'enable'].includes(action))) {
      throw new UsageError(`unexpected argument '${extra[0] ?? action}'; usage: ${this.usage}`);
    }
    if (action === 'enable' && !modelId) {
      throw new UsageError(`name the model to enable; usage: ${this.usage}`);
    }

    const roster = loadRoster({ logger });
    const database = await openDatabase();
    try {
      const { db } = database;
      if (action === 'sync') {
        const result = await syncRoster(db, roster);
        stdout.write(
          values.json
            ? `${JSON.stringify(result)}\n`
            : `roster synced: ${result.synced} model(s); no longer in the roster: ${result.deactivated.join(', ') || 'none'}\n`,
        );
        return 0;
      }
      if (action === 'enable') {
        if (!(await enableModel(db, modelId!))) {
          throw new UsageError(
            `no model '${modelId}' in the database; run 'scoreline models sync' first or check the id with 'scoreline models'`,
          );
        }
        stdout.write(
          values.json
            ? `${JSON.stringify({ enabled: modelId })}\n`
            : `model ${modelId} enabled; its failure count is reset\n`,
        );
        return 0;
      }
      const lines = joinModelHealth(roster, await listModels(db));
      stdout.write(
        values.json
          ? `${JSON.stringify(lines, null, 2)}\n`
          : formatModelHealth(lines),
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
