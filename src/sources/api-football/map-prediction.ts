import { z } from 'zod';
import { fixtureSchema } from './fixture-schema.ts';
import { mapFixture, type SourceFixture } from './map-fixture.ts';

/** One item of the `predictions` response. */
export const predictionSchema = z.object({
  predictions: z.object({
    winner: z.object({
      id: z.number().int().nullable(),
      name: z.string().nullable(),
      comment: z.string().nullable(),
    }),
    win_or_draw: z.boolean().nullable(),
    under_over: z.string().nullable(),
    goals: z.object({
      home: z.string().nullable(),
      away: z.string().nullable(),
    }),
    advice: z.string().nullable(),
    percent: z.object({ home: z.string(), draw: z.string(), away: z.string() }),
  }),
  league: z.object({ id: z.number().int(), season: z.number().int() }),
  teams: z.object({
    home: z.object({ id: z.number().int(), name: z.string() }),
    away: z.object({ id: z.number().int(), name: z.string() }),
  }),
  h2h: z.array(fixtureSchema),
});

export type RawPrediction = z.infer<typeof predictionSchema>;

/**
 * The provider's own forecast of a fixture. It is computed when requested,
 * from everything known then, so it is never part of a retroactive analysis.
 */
export interface SourcePrediction {
  homeTeamId: number;
  awayTeamId: number;
  winnerTeamId: number | null;
  winnerComment: string | null;
  advice: string | null;
  /** Home, draw and away chances in percent. */
  percent: { home: number; draw: number; away: number };
  /** Goal lines as the provider writes them, such as `-2.5`. */
  goals: { home: string | null; away: string | null };
  underOver: string | null;
  /** The meetings the provider based it on, unfiltered. */
  headToHead: SourceFixture[];
}

export function mapPrediction(raw: RawPrediction): SourcePrediction {
  const { predictions } = raw;
  return {
    homeTeamId: raw.teams.home.id,
    awayTeamId: raw.teams.away.id,
    winnerTeamId: predictions.winner.id,
    winnerComment: predictions.winner.comment,
    advice: predictions.advice,
    percent: {
      home: percentOf(predictions.percent.home),
      draw: percentOf(predictions.percent.draw),
      away: percentOf(predictions.percent.away),
    },
    goals: predictions.goals,
    underOver: predictions.under_over,
    headToHead: raw.h2h.map((fixture) => mapFixture(fixture)),
  };
}

function percentOf(text: string): number {
  return Number(text.replace('%', '').trim());
}
