import { z } from 'zod';

const homeAwayTotal = z.object({
  home: z.number().int().nullable(),
  away: z.number().int().nullable(),
  total: z.number().int().nullable(),
});

const goalsSideSchema = z.object({
  total: homeAwayTotal,
  average: z.object({
    home: z.string().nullable(),
    away: z.string().nullable(),
    total: z.string().nullable(),
  }),
});

/** The `teams/statistics` response: one team's season so far. */
export const teamStatisticsSchema = z.object({
  league: z.object({ id: z.number().int(), season: z.number().int() }),
  team: z.object({ id: z.number().int(), name: z.string() }),
  form: z.string().nullable(),
  fixtures: z.object({
    played: homeAwayTotal,
    wins: homeAwayTotal,
    draws: homeAwayTotal,
    loses: homeAwayTotal,
  }),
  goals: z.object({ for: goalsSideSchema, against: goalsSideSchema }),
  clean_sheet: homeAwayTotal,
  failed_to_score: homeAwayTotal,
});

export type RawTeamStatistics = z.infer<typeof teamStatisticsSchema>;

/** Counts split by venue. */
export interface HomeAwayTotal {
  home: number;
  away: number;
  total: number;
}

/** A team's season statistics in one league. */
export interface SourceTeamStatistics {
  leagueId: number;
  season: number;
  teamId: number;
  teamName: string;
  /** Results in order, oldest first, such as `WDLWW`. */
  form: string;
  played: HomeAwayTotal;
  won: HomeAwayTotal;
  drawn: HomeAwayTotal;
  lost: HomeAwayTotal;
  goalsFor: HomeAwayTotal;
  goalsAgainst: HomeAwayTotal;
  cleanSheets: HomeAwayTotal;
  failedToScore: HomeAwayTotal;
}

export function mapTeamStatistics(
  raw: RawTeamStatistics,
): SourceTeamStatistics {
  return {
    leagueId: raw.league.id,
    season: raw.league.season,
    teamId: raw.team.id,
    teamName: raw.team.name,
    form: raw.form ?? '',
    played: counts(raw.fixtures.played),
    won: counts(raw.fixtures.wins),
    drawn: counts(raw.fixtures.draws),
    lost: counts(raw.fixtures.loses),
    goalsFor: counts(raw.goals.for.total),
    goalsAgainst: counts(raw.goals.against.total),
    cleanSheets: counts(raw.clean_sheet),
    failedToScore: counts(raw.failed_to_score),
  };
}

/** The provider sends null for zero. */
function counts(raw: z.infer<typeof homeAwayTotal>): HomeAwayTotal {
  return {
    home: raw.home ?? 0,
    away: raw.away ?? 0,
    total: raw.total ?? 0,
  };
}
