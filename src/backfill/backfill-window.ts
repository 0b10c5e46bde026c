import { PREDICTION_LEAD_TIME_MS } from '../pipeline/prediction-lead-time.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instants one backfill looks at. Matches whose kickoff lies in
 * [start, asOf] are in the backfill window. Upcoming matches up to
 * `lookAheadEnd` are read too: those whose normal prediction time has
 * passed are due now, the rest are reported as not yet due.
 */
export interface BackfillWindow {
  asOf: Date;
  days: number;
  start: Date;
  /**
   * Upcoming kickoffs up to here are read (asOf plus the same N days, at
   * least the prediction lead), so that the report can list the ones not
   * yet due. A choice of ours: PRODUCT.md does not say how far ahead.
   */
  lookAheadEnd: Date;
  /** True for `--days 0`: nothing is read and nothing is done. */
  empty: boolean;
}

/** The backfill window of the last `days` days before `asOf`. */
export function makeBackfillWindow(asOf: Date, days: number): BackfillWindow {
  return {
    asOf,
    days,
    start: new Date(asOf.getTime() - days * DAY_MS),
    lookAheadEnd: new Date(
      asOf.getTime() + Math.max(days * DAY_MS, PREDICTION_LEAD_TIME_MS),
    ),
    empty: days === 0,
  };
}
