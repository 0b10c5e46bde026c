import type { Command } from './command.ts';

/**
 * Every command of `scoreline`, loaded on demand so that `--help` and one
 * command do not pay for the others' imports.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
};
