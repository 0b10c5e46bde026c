import type { MarketOdds, MatchStatus } from '../core/types.ts';

/** A match's scores: null where unknown or not played. */
export interface MatchScores {
  /** Regular-time score. */
  homeGoals: number | null;
  awayGoals: number | null;
  halfTimeHomeGoals: number | null;
  halfTimeAwayGoals: number | null;
  /** Goals scored in extra time only. */
  extraTimeHomeGoals: number | null;
  extraTimeAwayGoals: number | null;
  penaltyHomeGoals: number | null;
  penaltyAwayGoals: number | null;
}

/**
 * The state of one match as a source tells it, in the columns of the
 * `matches` table. Source-neutral: openfootball, football-data.co.uk and
 * API-Football all become this shape.
 */
export interface MatchState extends MatchScores {
  competitionId: string;
  season: string;
  round: string | null;
  venue: string | null;
  homeTeamId: number;
  awayTeamId: number;
  kickoff: Date;
  kickoffTimeKnown: boolean;
  status: MatchStatus;
  apiFootballFixtureId: number | null;
}

/** Pre-match decimal odds of one bookmaker for one match. */
export type OddsRecord = MarketOdds;

/**
 * One match read from a file, before team names are resolved to ids: the
 * team names are already canonical.
 */
export interface SourceMatch extends MatchScores {
  competitionId: string;
  season: string;
  round: string | null;
  homeTeam: string;
  awayTeam: string;
  kickoff: Date;
  kickoffTimeKnown: boolean;
  status: MatchStatus;
  odds: OddsRecord[];
}

/** A team name as found in a file, kept so the alias can be stored. */
export interface TeamNameSeen {
  alias: string;
  canonical: string;
}
