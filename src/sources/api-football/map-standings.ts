import { z } from 'zod';
import type { RecordLine, TableLine } from '../../core/types.ts';

const recordSchema = z.object({
  played: z.number().int().nullable(),
  win: z.number().int().nullable(),
  draw: z.number().int().nullable(),
  lose: z.number().int().nullable(),
  goals: z.object({
    for: z.number().int().nullable(),
    against: z.number().int().nullable(),
  }),
});

/** One row of a standings table. */
export const standingRowSchema = z.object({
  rank: z.number().int(),
  team: z.object({ id: z.number().int(), name: z.string() }),
  points: z.number().int(),
  goalsDiff: z.number().int(),
  group: z.string().nullable(),
  form: z.string().nullable(),
  description: z.string().nullable(),
  all: recordSchema,
  home: recordSchema,
  away: recordSchema,
  /** The day the provider last updated the table. */
  update: z.string(),
});

/** One item of the `standings` response: a league and its tables. */
export const standingsSchema = z.object({
  league: z.object({
    id: z.number().int(),
    name: z.string(),
    season: z.number().int(),
    /** One table per group; leagues have one. */
    standings: z.array(z.array(standingRowSchema)),
  }),
});

export type RawStandingRow = z.infer<typeof standingRowSchema>;
export type RawStandings = z.infer<typeof standingsSchema>;

/** A team's line in a standings table as the provider last updated it. */
export interface SourceStanding {
  leagueId: number;
  season: number;
  group: string | null;
  teamId: number;
  teamName: string;
  form: string | null;
  line: TableLine;
  updatedAt: Date;
}

/** Every row of every group of a standings response. */
export function mapStandings(raw: RawStandings): SourceStanding[] {
  const { id, season, standings } = raw.league;
  return standings.flat().map((row) => mapStandingRow(row, id, season));
}

export function mapStandingRow(
  row: RawStandingRow,
  leagueId: number,
  season: number,
): SourceStanding {
  const all = recordOf(row.all);
  return {
    leagueId,
    season,
    group: row.group,
    teamId: row.team.id,
    teamName: row.team.name,
    form: row.form,
    line: {
      ...all,
      position: row.rank,
      goalDifference: row.goalsDiff,
      points: row.points,
      home: recordOf(row.home),
      away: recordOf(row.away),
    },
    updatedAt: new Date(row.update),
  };
}

function recordOf(raw: z.infer<typeof recordSchema>): RecordLine {
  return {
    played: raw.played ?? 0,
    won: raw.win ?? 0,
    drawn: raw.draw ?? 0,
    lost: raw.lose ?? 0,
    goalsFor: raw.goals.for ?? 0,
    goalsAgainst: raw.goals.against ?? 0,
  };
}
