import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Logger } from '../core/logger.ts';
import { PREDICTABLE_STATUSES, type MatchStatus } from '../core/types.ts';
import { getActiveModels } from '../db/models.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { matches } from '../db/schema.ts';
import { jobIdFor } from './job-ids.ts';
import {
  planReplay,
  type ReplayMatch,
  type ReplayMatchPlan,
} from './plan-replay.ts';
import type { ReplayReport } from './replay-report.ts';
import type { StageOutcome, StageRunner } from './stage-runner.ts';
import type { Stage } from './stages.ts';

/** How long a replay waits for each stage job, as the backfill does. */
export const REPLAY_TIMEOUTS_MS: Record<Stage, number> = {
  analysis: 120_000,
  predictions: 300_000,
  settlement: 60_000,
};

export interface RunReplayOptions {
  db: Db;
  runner: StageRunner;
  logger: Logger;
  /** First kickoff included. */
  from: Date;
  /** Kickoffs before this instant. */
  to: Date;
  competitionId?: string;
  failRate: number;
  seed: number;
  /** Matches in flight at once, in kickoff order (default 1). */
  concurrency?: number;
  /** Stops after the matches in flight (Ctrl+C). */
  signal?: AbortSignal;
}

/**
 * Replays the regular pipeline over past matches in kickoff order, as it
 * would have run live: each match analysed and predicted as of its
 * kickoff (the stages cut their input at the kickoff themselves), then
 * settled when it has a result. Injects the planned faults by leaving out
 * the jobs or models they stand for, and reports what it did and the gaps
 * left, read back from the database.
 *
 * Known shortcomings: faults are simulated on the queueing side (the same
 * on BullMQ and embedded), so injected model failures do not count
 * against model health; and predictions added by a job that retention
 * removed before its result was read are not in `predictionsAdded` (the
 * gaps, read from the database, are still exact). The clock of the
 * stored rows (`created_at`, `scored_at`) is the real one.
 */
export async function runReplay(
  options: RunReplayOptions,
): Promise<ReplayReport> {
  const started = performance.now();
  const { db, runner } = options;
  const log = options.logger.child({ component: 'replay' });

  const rows = await loadReplayMatches(db, options);
  const modelIds = (await getActiveModels(db)).map((model) => model.id);
  const plan = planReplay(rows, {
    modelIds,
    failRate: options.failRate,
    seed: options.seed,
  });

  const report: ReplayReport = {
    mode: runner.kind,
    from: options.from.toISOString(),
    to: options.to.toISOString(),
    competitionId: options.competitionId ?? null,
    failRate: options.failRate,
    seed: options.seed,
    matches: plan.length,
    activeModels: modelIds.length,
    jobs: {
      analysis: { completed: 0, failed: 0, timedOut: 0 },
      predictions: { completed: 0, failed: 0, timedOut: 0 },
      settlement: { completed: 0, failed: 0, timedOut: 0 },
    },
    predictionsAdded: 0,
    faults: plan.flatMap((p) =>
      p.fault ? [{ matchId: p.matchId, ...p.fault }] : []),
    failures: [],
    gaps: [],
    durationMs: 0,
    matchesPerSecond: 0,
  };

  const record = <S extends Stage>(
    stage: S,
    matchId: number,
    outcome: StageOutcome<S>,
  ): boolean => {
    const counts = report.jobs[stage];
    if (outcome.state === 'completed' || outcome.state === 'removed') {
      counts.completed += 1;
      return true;
    }
    if (outcome.state === 'timeout') counts.timedOut += 1;
    else counts.failed += 1;
    const reason = outcome.state === 'timeout'
      ? `no result within ${outcome.timeoutMs} ms`
      : outcome.reason;
    report.failures.push({ matchId, stage, reason });
    return false;
  };

  const replayMatch = async (step: ReplayMatchPlan) => {
    const { matchId } = step;
    const analysed = await runner.run('analysis', { matchId },
      jobIdFor('analysis', matchId), REPLAY_TIMEOUTS_MS.analysis);
    if (!record('analysis', matchId, analysed)) return;

    if (step.modelIds.length > 0) {
      const predicted = await runner.run(
        'predictions',
        { matchId, modelIds: step.modelIds, retroactive: false },
        jobIdFor('predictions', matchId),
        REPLAY_TIMEOUTS_MS.predictions,
      );
      record('predictions', matchId, predicted);
      if (predicted.state === 'completed') {
        report.predictionsAdded += predicted.result.added.length;
      }
    }

    if (step.settleAt) {
      const settled = await runner.run('settlement', { matchId },
        jobIdFor('settlement', matchId), REPLAY_TIMEOUTS_MS.settlement);
      record('settlement', matchId, settled);
    }
    log.debug({ matchId, fault: step.fault?.kind ?? null }, 'match replayed');
  };

  await runInOrder(plan, options.concurrency ?? 1, replayMatch,
    options.signal);

  report.gaps = await findReplayGaps(db, plan.map((p) => p.matchId));
  report.durationMs = Math.round(performance.now() - started);
  report.matchesPerSecond =
    report.durationMs > 0 ? plan.length / (report.durationMs / 1000) : 0;
  log.info(
    { matches: plan.length, faults: report.faults.length,
      gaps: report.gaps.length, durationMs: report.durationMs },
    'replay done',
  );
  return report;
}

/** Predictable matches of the period, as the planner needs them. */
async function loadReplayMatches(
  db: Db,
  options: RunReplayOptions,
): Promise<ReplayMatch[]> {
  const conditions = [
    gte(matches.kickoff, options.from),
    lt(matches.kickoff, options.to),
    inArray(matches.status, [...PREDICTABLE_STATUSES]),
  ];
  if (options.competitionId) {
    conditions.push(eq(matches.competitionId, options.competitionId));
  }
  const rows = await db
    .select({
      id: matches.id,
      key: matches.matchKey,
      kickoff: matches.kickoff,
      status: matches.status,
      homeGoals: matches.homeGoals,
    })
    .from(matches)
    .where(and(...conditions));
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    kickoff: row.kickoff,
    status: row.status as MatchStatus,
    hasScore: row.homeGoals !== null,
  }));
}

/** Matches among these with fewer predictions than active models. */
async function findReplayGaps(
  db: Db,
  matchIds: number[],
): Promise<{ matchId: number; missing: number }[]> {
  if (matchIds.length === 0) return [];
  const ids = sql.join(matchIds.map((id) => sql`${id}`), sql`, `);
  return queryRows<{ matchId: number; missing: number }>(db, sql`
    select m.id as "matchId",
      ((select count(*) from models where active and disabled_at is null)
        - count(p.id))::int as missing
    from matches m
    left join predictions p on p.match_id = m.id
      and p.model_id in (select id from models
        where active and disabled_at is null)
    where m.id in (${ids})
    group by m.id
    having count(p.id) < (select count(*) from models
      where active and disabled_at is null)
    order by m.id`);
}

/**
 * Runs `work` for each item, at most `limit` at once, starting them in
 * order; stops starting new ones once `signal` is aborted.
 */
async function runInOrder<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, limit) }, async () => {
    while (next < items.length && !signal?.aborted) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
