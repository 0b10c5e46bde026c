import { openDatabase } from '../../db/open-database.ts';
import type { Command } from '../command.ts';
import { parseOptions } from '../parse-options.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'create or update the database schema',
  usage: 'scoreline migrate',
  async run({ argv, stdout }) {
    parseOptions(argv, {}, this.usage);
    const database = await openDatabase();
    try {
      stdout.write(`database ready: ${database.location}\n`);
    } finally {
      await database.close();
    }
    return 0;
  },
};
