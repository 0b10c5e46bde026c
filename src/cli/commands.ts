import type { Command } from './command.ts';

/**
 * Every command of `scoreline`, loaded on demand so that `--help` and one
 * command do not pay for the others' imports.
 */
export const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./commands/demo.ts')).demoCommand,
  migrate: async () => (await import('./commands/migrate.ts')).migrateCommand,
  import: async () => (await import('./commands/import.ts')).importCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  worker: async () => (await import('./commands/worker.ts')).workerCommand,
  replay: async () => (await import('./commands/replay.ts')).replayCommand,
  schedule: async () => (await import('./commands/schedule.ts')).scheduleCommand,
  models: async () => (await import('./commands/models.ts')).modelsCommand,
  backfill: async () => (await import('./commands/backfill.ts')).backfillCommand,
  leaderboard: async () =>
    (await import('./commands/leaderboard.ts')).leaderboardCommand,
  analysis: async () => (await import('./commands/analysis.ts')).analysisCommand,
  'sync-fixtures': async () => (await import('../sources/api-football/sync-fixtures-command.ts')).syncFixturesCommand,
};
