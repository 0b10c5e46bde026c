/**
 * The nouns of Scoreline. Names, logs and errors use only these words.
 *
 * - match: one football game between a home and an away team in a
 *   competition and season.
 * - kickoff: the instant a match starts, stored in UTC. When a source gives
 *   only the day, the kickoff is local midnight of that day and
 *   `kickoffTimeKnown` is false, so that point-in-time cuts stay honest.
 * - analysis: the pre-match context of one match as of its kickoff (form,
 *   head-to-head, table, odds). Complete only when its core fields are filled.
 * - model: one forecaster, a large language model or a statistical baseline.
 * - roster: the file that lists providers and models, and which are active.
 * - prediction: one model's exact score for one match; at most one per
 *   (match, model).
 * - tendency: home win (H), draw (D) or away win (A) of a score.
 * - quota: the points a correct tendency earns in a match, from 2 to 6;
 *   rare correct calls earn more.
 * - settlement: scoring every prediction of a finished match with quotas
 *   computed from all of them.
 * - gap: a match in the backfill window for which at least one active model
 *   has no prediction.
 * - backfill window: the matches whose kickoff lies in the last N days
 *   before the as-of time.
 * - retroactive: a prediction made after its match's normal prediction time
 *   by the backfill, from pre-match information only.
 */

/** Match status, normalised across data sources. */
export const MATCH_STATUSES = [
  'scheduled',
  'live',
  'finished',
  'postponed',
  'cancelled',
  'abandoned',
  'awarded',
] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Statuses whose matches are predicted and can have gaps. */
export const PREDICTABLE_STATUSES: readonly MatchStatus[] = [
  'scheduled',
  'live',
  'finished',
];

export type Tendency = 'H' | 'D' | 'A';

export interface Score {
  home: number;
  away: number;
}

/** The tendency of a score. */
export function tendencyOf(score: Score): Tendency {
  if (score.home > score.away) return 'H';
  if (score.home < score.away) return 'A';
  return 'D';
}

/** One earlier match in a team's recent form, seen from that team. */
export interface FormEntry {
  matchId: number;
  kickoff: string;
  competitionId: string;
  opponent: string;
  venue: 'home' | 'away';
  goalsFor: number;
  goalsAgainst: number;
  result: 'W' | 'D' | 'L';
}

/** Won, drawn, lost and goals over a set of matches. */
export interface RecordLine {
  played: number;
  won: number;
  drawn: number;
  lost: number;
  goalsFor: number;
  goalsAgainst: number;
}

/** A team's line in the competition table as of a kickoff. */
export interface TableLine extends RecordLine {
  position: number;
  goalDifference: number;
  points: number;
  home: RecordLine;
  away: RecordLine;
}

/** One earlier meeting of the two teams. */
export interface HeadToHeadEntry {
  matchId: number;
  kickoff: string;
  competitionId: string;
  homeTeam: string;
  awayTeam: string;
  homeGoals: number;
  awayGoals: number;
}

/** Pre-match bookmaker odds (decimal). */
export interface MarketOdds {
  bookmaker: string;
  home: number;
  draw: number;
  away: number;
  over25: number | null;
  under25: number | null;
}

/** What the analysis knows about one side of a match. */
export interface TeamContext {
  teamId: number;
  name: string;
  /** The last five results before kickoff, newest first, all competitions. */
  form: FormEntry[];
  /** The team's line in this competition and season; null before its debut. */
  table: TableLine | null;
}

/**
 * The pre-match context of a match as of its kickoff: the analysis. Every
 * model of a match gets the same context.
 */
export interface MatchContext {
  matchId: number;
  competitionId: string;
  season: string;
  round: string | null;
  kickoff: string;
  kickoffTimeKnown: boolean;
  /**
   * The local date of the kickoff (`YYYY-MM-DD`) in the competition's time
   * zone: the match day, also when the time is not known. Absent from
   * contexts stored before it was added.
   */
  kickoffDate?: string;
  /** The instant the context describes: the kickoff. */
  asOf: string;
  /** Number of teams in the competition table as of kickoff. */
  tableSize: number;
  home: TeamContext;
  away: TeamContext;
  /** The last meetings of the two teams, newest first. */
  headToHead: HeadToHeadEntry[];
  /** Pre-match market odds, when the data source has them. */
  odds: MarketOdds | null;
  /** Injuries, when the data source has them; null when it has none. */
  injuries: string[] | null;
  /** Fields that could not be filled as of kickoff. */
  missing: string[];
}
