import { sql } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import { enqueueStage } from './enqueue-stage.ts';
import { jobIdFor } from './job-ids.ts';
import { ANALYSIS_LEAD_TIME_MS } from './plan-replay.ts';
import type { PipelineQueues } from './pipeline-queues.ts';
import { PREDICTION_LEAD_TIME_MS } from './prediction-lead-time.ts';
import type { Stage } from './stages.ts';

/** A due time this close to the planned one is left alone. */
const DUE_TOLERANCE_MS = 60_000;

export interface ScheduleMatchesOptions {
  db: Db;
  queues: PipelineQueues;
  clock: Clock;
  logger: Logger;
  /** Only matches kicking off within this many days (default 14). */
  horizonDays?: number;
  /** How far back finished matches are looked at for settlement (7). */
  settleWindowDays?: number;
}

/** What one pass of the schedule did. */
export interface ScheduleSummary {
  /** Jobs added (new or moved to a new due time), per stage. */
  added: Record<Stage, number>;
  /** Pending jobs already at the right time, left as they are. */
  kept: number;
  /** Stage work already done (job completed, or the result stored). */
  done: number;
  /** Jobs that failed earlier; left to the backfill, logged. */
  failed: number;
}

interface UpcomingRow {
  id: number;
  kickoff: string;
  hasAnalysis: boolean;
  predicted: number;
  activeModels: number;
}

/**
 * One pass of the live schedule: every scheduled match kicking off within
 * the horizon gets one analysis job (kickoff minus 6 hours) and one
 * predictions job (kickoff minus 30 minutes) as BullMQ delayed jobs, and
 * every recently finished match with unscored predictions gets a
 * settlement job now. Safe to run at any time and again after a restart:
 * pending jobs are kept (moved when the kickoff moved), done work is not
 * queued again, so each match has at most one pending job per stage.
 */
export async function scheduleMatches(
  options: ScheduleMatchesOptions,
): Promise<ScheduleSummary> {
  const { db, queues, clock } = options;
  const now = clock.now().getTime();
  const horizon = (options.horizonDays ?? 14) * 86_400_000;
  const summary: ScheduleSummary = {
    added: { analysis: 0, predictions: 0, settlement: 0 },
    kept: 0,
    done: 0,
    failed: 0,
  };

  const upcoming = await queryRows<UpcomingRow>(db, sql`
    select m.id, to_char(m.kickoff at time zone 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS"Z"') as kickoff,
      exists (select 1 from analyses a where a.match_id = m.id
        and a.complete) as "hasAnalysis",
      (select count(*) from predictions p join models d on d.id = p.model_id
        where p.match_id = m.id and d.active and d.disabled_at is null)::int
        as predicted,
      (select count(*) from models d where d.active
        and d.disabled_at is null)::int as "activeModels"
    from matches m
    where m.status = 'scheduled'
      and m.kickoff > ${new Date(now)}
      and m.kickoff <= ${new Date(now + horizon)}
    order by m.kickoff, m.id`);

  for (const match of upcoming) {
    const kickoff = Date.parse(match.kickoff);
    await planStage(options, summary, 'analysis', match.id,
      kickoff - ANALYSIS_LEAD_TIME_MS, match.hasAnalysis, now);
    await planStage(options, summary, 'predictions', match.id,
      kickoff - PREDICTION_LEAD_TIME_MS,
      match.activeModels > 0 && match.predicted >= match.activeModels, now);
  }

  const settleFrom = now - (options.settleWindowDays ?? 7) * 86_400_000;
  const unsettled = await queryRows<{ id: number }>(db, sql`
    select distinct m.id from matches m
    join predictions p on p.match_id = m.id
    where m.status in ('finished', 'awarded')
      and m.kickoff >= ${new Date(settleFrom)}
      and p.scored_at is null
    order by m.id`);
  for (const { id } of unsettled) {
    // Settling again is safe, so a finished job is simply run again.
    const { action } = await enqueueStage(queues, 'settlement',
      { matchId: id }, { jobId: jobIdFor('settlement', id) });
    if (action === 'joined') summary.kept += 1;
    else summary.added.settlement += 1;
  }

  options.logger.info({ matches: upcoming.length, settle: unsettled.length,
    ...summary }, 'schedule pass done');
  return summary;
}

/** Queues one stage of an upcoming match at `dueAt` unless done. */
async function planStage(
  options: ScheduleMatchesOptions,
  summary: ScheduleSummary,
  stage: 'analysis' | 'predictions',
  matchId: number,
  dueAt: number,
  alreadyDone: boolean,
  now: number,
): Promise<void> {
  const queue = options.queues.queue(stage);
  const jobId = jobIdFor(stage, matchId);
  const job = await queue.getJob(jobId);
  const state = job ? await job.getState() : 'absent';

  if (state === 'completed' || (state === 'absent' && alreadyDone)) {
    summary.done += 1;
    return;
  }
  if (state === 'failed') {
    summary.failed += 1;
    options.logger.warn({ stage, matchId, jobId },
      `${stage} job failed earlier; run the backfill to repair the match`);
    return;
  }
  if (state === 'delayed' && job) {
    // BullMQ counts delays on the real clock; compare in its terms so
    // that a clock passed in (tests, replays) gives the same answer.
    const due = job.timestamp + (job.opts.delay ?? 0);
    const wanted = Date.now() + (dueAt - now);
    if (Math.abs(due - wanted) <= DUE_TOLERANCE_MS) {
      summary.kept += 1;
      return;
    }
    // The kickoff moved: the delayed job is not running, so it can go.
    await job.remove();
  } else if (state !== 'absent' && state !== 'unknown') {
    summary.kept += 1; // waiting or active: it runs now anyway
    return;
  }

  await enqueueStage(options.queues, stage,
    stage === 'analysis' ? { matchId } : { matchId, retroactive: false },
    { jobId, delay: Math.max(0, dueAt - now) });
  summary.added[stage] += 1;
}
