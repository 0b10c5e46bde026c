/**
 * How long before kickoff the live schedule queues a match's predictions:
 * its normal prediction time is kickoff minus this lead. The backfill
 * treats an upcoming match as due only once that time has passed.
 */
export const PREDICTION_LEAD_TIME_MS = 30 * 60 * 1000;

/** The normal prediction time of a match with this kickoff. */
export function predictionTimeOf(kickoff: Date): Date {
  return new Date(kickoff.getTime() - PREDICTION_LEAD_TIME_MS);
}
