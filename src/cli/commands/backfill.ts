import {
  BACKFILL_USAGE,
  parseBackfillOptions,
} from '../../backfill/backfill-options.ts';
import { assertWorkersListening } from '../../backfill/assert-workers.ts';
import {
  formatPlan,
  formatProgress,
  formatReport,
} from '../../backfill/format-report.ts';
import { openBackfillEdges } from '../../backfill/open-backfill-edges.ts';
import { runBackfill } from '../../backfill/run-backfill.ts';
import { readActiveModelIds } from '../../backfill/read-active-model-ids.ts';
import { EXIT, UsageError } from '../../core/errors.ts';
import { findMatch } from '../../db/matches.ts';
import { openDatabase, type Db } from '../../db/open-database.ts';
import { loadRoster } from '../../roster/load-roster.ts';
import {
  estimateSourceRequests,
  formatSourceEstimate,
} from '../../sources/estimate-source-requests.ts';
import { syncRoster } from '../../roster/sync-roster.ts';
import { readDataSourceConfig } from '../../sources/data-source.ts';
import { makeSourceStopCheck } from '../../sources/make-analysis-source.ts';
import { assertKnownCompetition } from '../assert-known-competition.ts';
import type { Command } from '../command.ts';

/**
 * `scoreline backfill`: repairs recent gaps with retroactive predictions
 * (see PRODUCT.md, "The retroactive backfill"). The same as
 * `scripts/backfill-retroactive-predictions.ts`.
 */
export const backfillCommand: Command = {
  name: 'backfill',
  summary: 'repair recent matches that lack predictions of active models',
  usage: `scoreline ${BACKFILL_USAGE}`,
  async run({ argv, stdout, logger, signal }) {
    const options = parseBackfillOptions(argv);
    if (options.help) {
      stdout.write(`${this.summary}\nusage: ${this.usage}\n`);
      return EXIT.ok;
    }
    const log = logger.child({ component: 'backfill' });
    // API-Football analysis needs the fixture id; offline files do not.
    const source = readDataSourceConfig();
    const needsReference = source.kind === 'api-football';
    const roster = loadRoster({ logger: log });
    const database = await openDatabase();
    try {
      await assertTargetsExist(database.db, options);
      // The gap query takes the active models from the roster file and
      // the table's health, so a dry run writes nothing; a real run also
      // brings the table in line (the workers read it).
      if (!options.dryRun) await syncRoster(database.db, roster);
      const edges = await openBackfillEdges({
        database,
        logger: log,
        redisUrl: process.env.REDIS_URL || undefined,
        withWorkers: options.withWorkers,
        signal,
      });
      try {
        const started = Date.now();
        const onTerminal = !options.json && isTerminal(stdout);
        const run = await runBackfill(options, {
          db: database.db,
          logger: log,
          signal,
          makeRunner: () => edges.makeRunner(),
          acquireLock: () => edges.acquireLock(),
          activeModelIds: () => readActiveModelIds(database.db, roster),
          assertWorkers: assertWorkersListening,
          analysisNeedsSourceReference: needsReference,
          sourceStopped: makeSourceStopCheck(database.db, { config: source }),
          onMatchDone: onTerminal
            ? (done, total, match) =>
                stdout.write(
                  formatProgress(done, total, match, Date.now() - started),
                )
            : undefined,
        });
        const sourceRequests = options.dryRun
          ? await estimateSourceRequests(database.db, source,
            run.plan.matches.filter((match) =>
              match.steps.some((step) => step.stage === 'analysis')).length)
          : null;
        if (options.json) {
          stdout.write(`${JSON.stringify({ ...run.report, sourceRequests })}\n`);
        } else {
          if (options.dryRun) stdout.write(formatPlan(run.plan));
          if (sourceRequests) stdout.write(formatSourceEstimate(sourceRequests));
          stdout.write(formatReport(run.report));
        }
        return run.exitCode;
      } finally {
        await edges.close();
      }
    } finally {
      await database.close();
    }
  },
};

/** `--match` and `--competition` must name something stored. */
async function assertTargetsExist(
  db: Db,
  options: { matchId: number | null; competitionId: string | null },
): Promise<void> {
  if (options.competitionId !== null) {
    await assertKnownCompetition(db, options.competitionId);
  }
  if (options.matchId !== null && !(await findMatch(db, options.matchId))) {
    throw new UsageError(
      `--match: no match ${options.matchId} is stored; give the id of an imported match`,
    );
  }
}

function isTerminal(stream: NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
