import type { Logger } from '../../core/logger.ts';
import type { MatchStatus, Score } from '../../core/types.ts';
import type { RawFixture } from './fixture-schema.ts';
import { mapStatus, normaliseStatusCode } from './map-status.ts';

/** A team as API-Football names it. */
export interface SourceTeam {
  id: number;
  name: string;
}

/** An API-Football fixture in Scoreline's terms. */
export interface SourceFixture {
  fixtureId: number;
  league: {
    id: number;
    name: string;
    country: string | null;
    /** The year the season starts: 2023 for 2023/24. */
    season: number;
    round: string | null;
  };
  /** From `fixture.timestamp`, so the request's time zone does not matter. */
  kickoff: Date;
  /** Null for a status code we do not know (see mapStatus). */
  status: MatchStatus | null;
  /** The normalised short code, kept for logs and reports. */
  statusCode: string;
  venue: string | null;
  home: SourceTeam;
  away: SourceTeam;
  /** Regular-time score (`score.fulltime`); null until the match ends. */
  score: Score | null;
  halfTime: Score | null;
  /** Goals in extra time only. */
  extraTime: Score | null;
  penalties: Score | null;
  /** Goals so far including extra time, for live display only. */
  currentGoals: Score | null;
}

/** Maps one validated fixture; the logger hears of unknown statuses. */
export function mapFixture(raw: RawFixture, logger?: Logger): SourceFixture {
  const { fixture, league, teams, score } = raw;
  return {
    fixtureId: fixture.id,
    league: {
      id: league.id,
      name: league.name,
      country: league.country,
      season: league.season,
      round: league.round ?? null,
    },
    kickoff: new Date(fixture.timestamp * 1000),
    status: mapStatus(fixture.status.short, logger, fixture.id),
    statusCode: normaliseStatusCode(fixture.status.short),
    venue: fixture.venue?.name ?? null,
    home: { id: teams.home.id, name: teams.home.name },
    away: { id: teams.away.id, name: teams.away.name },
    score: scoreOf(score.fulltime),
    halfTime: scoreOf(score.halftime),
    extraTime: scoreOf(score.extratime),
    penalties: scoreOf(score.penalty),
    currentGoals: scoreOf(raw.goals),
  };
}

/** A score when both sides are known; a half-known pair counts as none. */
function scoreOf(
  pair: { home: number | null; away: number | null } | null,
): Score | null {
  if (!pair || pair.home === null || pair.away === null) return null;
  return { home: pair.home, away: pair.away };
}
