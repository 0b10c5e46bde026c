import type { MatchContext, Score } from '../core/types.ts';

/** A finished match before some kickoff, as baselines see the past. */
export interface PastResult {
  matchId: number;
  competitionId: string;
  season: string;
  kickoff: Date;
  homeTeamId: number;
  awayTeamId: number;
  homeGoals: number;
  awayGoals: number;
}

/** What a model gets to forecast one match: pre-match information only. */
export interface ForecastInput {
  context: MatchContext;
  /**
   * Finished matches with kickoff strictly before this match's kickoff,
   * oldest first; loaded on first call and shared by all models.
   */
  pastResults: () => Promise<PastResult[]>;
}

/** One model's answer for one match. */
export interface Forecast {
  score: Score;
  /** The raw answer, kept for audit (the LLM's text, a baseline's notes). */
  rawAnswer: string | null;
}

/** A model that can forecast: an LLM client or a statistical baseline. */
export interface Forecaster {
  modelId: string;
  forecast(input: ForecastInput, signal?: AbortSignal): Promise<Forecast>;
}
