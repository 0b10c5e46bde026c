import { PREDICTION_LEAD_TIME_MS } from '../pipeline/prediction-lead-time.ts';
import type { GapRow } from './find-gaps.ts';
import { jobIdFor } from '../pipeline/job-ids.ts';
import type { Stage } from '../pipeline/stages.ts';

/** One stage the backfill will queue for a match, and why. */
export interface PlannedStep {
  stage: Stage;
  jobId: string;
  reason: string;
  /** For predictions: the models to call (the missing ones only). */
  modelIds?: string[];
}

/** What the backfill will do for one gap match. */
export interface MatchPlan {
  matchId: number;
  competitionId: string;
  status: GapRow['status'];
  kickoff: Date;
  predictionsBefore: number;
  missingModelIds: string[];
  steps: PlannedStep[];
}

/** A gap the backfill leaves alone, and why. */
export interface SkippedMatch {
  matchId: number;
  status: GapRow['status'];
  reason: string;
}

/** A gap whose normal prediction time has not come yet. */
export interface NotYetDueMatch {
  matchId: number;
  kickoff: Date;
  predictionTime: Date;
}

/** The whole plan: computed first, printed by `--dry-run`, then run. */
export interface BackfillPlan {
  asOf: Date;
  windowStart: Date;
  activeModelIds: string[];
  /** Gaps to repair, in kickoff order. */
  matches: MatchPlan[];
  skipped: SkippedMatch[];
  notYetDue: NotYetDueMatch[];
}

export interface PlanInput {
  gaps: GapRow[];
  activeModelIds: string[];
  asOf: Date;
  windowStart: Date;
  /** Lead of the normal prediction time before kickoff (default 30 min). */
  leadTimeMs?: number;
  /**
   * True when analysis needs the match's data-source reference (the
   * API-Football fixture id): a match without one is skipped.
   */
  analysisNeedsSourceReference?: boolean;
}

/**
 * The backfill plan, a pure function of the gaps: for each due gap,
 * analysis when missing, predictions for the missing models, and
 * settlement when the match is finished with a score. A kickoff without a
 * known time is taken as given.
 */
export function planBackfill(input: PlanInput): BackfillPlan {
  const lead = input.leadTimeMs ?? PREDICTION_LEAD_TIME_MS;
  const plan: BackfillPlan = {
    asOf: input.asOf,
    windowStart: input.windowStart,
    activeModelIds: [...input.activeModelIds],
    matches: [],
    skipped: [],
    notYetDue: [],
  };
  const ordered = [...input.gaps].sort(
    (a, b) => a.kickoff.getTime() - b.kickoff.getTime() || a.matchId - b.matchId,
  );

  for (const gap of ordered) {
    const predictionTime = new Date(gap.kickoff.getTime() - lead);
    if (input.asOf.getTime() < predictionTime.getTime()) {
      plan.notYetDue.push({
        matchId: gap.matchId,
        kickoff: gap.kickoff,
        predictionTime,
      });
      continue;
    }
    const lacksReference =
      !gap.hasAnalysis &&
      (input.analysisNeedsSourceReference ?? false) &&
      gap.apiFootballFixtureId === null;
    if (lacksReference) {
      plan.skipped.push({
        matchId: gap.matchId,
        status: gap.status,
        reason:
          'no analysis and no API-Football fixture id to compute it from; import the fixture from API-Football first',
      });
      continue;
    }
    plan.matches.push(planMatch(gap));
  }
  return plan;
}

function planMatch(gap: GapRow): MatchPlan {
  const steps: PlannedStep[] = [];
  if (!gap.hasAnalysis) {
    steps.push({
      stage: 'analysis',
      jobId: jobIdFor('analysis', gap.matchId, { retroactive: true }),
      reason: 'no complete analysis',
    });
  }
  steps.push({
    stage: 'predictions',
    jobId: jobIdFor('predictions', gap.matchId, { retroactive: true }),
    reason: `${gap.missingModelIds.length} active model(s) without a prediction`,
    modelIds: [...gap.missingModelIds],
  });
  const hasScore = gap.homeGoals !== null && gap.awayGoals !== null;
  if (gap.status === 'finished' && hasScore) {
    steps.push({
      stage: 'settlement',
      jobId: jobIdFor('settlement', gap.matchId, { retroactive: true }),
      reason: 'finished: re-score every prediction with the new ones',
    });
  }
  return {
    matchId: gap.matchId,
    competitionId: gap.competitionId,
    status: gap.status,
    kickoff: gap.kickoff,
    predictionsBefore: gap.predictionsBefore,
    missingModelIds: [...gap.missingModelIds],
    steps,
  };
}
