import { z } from 'zod';

/** A home/away pair of goals; either side may be null before it is known. */
export const goalPairSchema = z.object({
  home: z.number().int().nullable(),
  away: z.number().int().nullable(),
});

const teamSideSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** Already set during live matches, so never read as a result. */
  winner: z.boolean().nullable(),
});

/** One item of the `fixtures` and `fixtures/headtohead` responses. */
export const fixtureSchema = z.object({
  fixture: z.object({
    id: z.number().int(),
    referee: z.string().nullable().optional(),
    timezone: z.string(),
    /** Local to the request's `timezone`; the timestamp is what we use. */
    date: z.string(),
    /** Kickoff in Unix seconds, whatever the request's time zone. */
    timestamp: z.number().int(),
    venue: z
      .object({
        id: z.number().int().nullable(),
        name: z.string().nullable(),
        city: z.string().nullable(),
      })
      .optional(),
    status: z.object({
      long: z.string(),
      short: z.string(),
      elapsed: z.number().int().nullable(),
      extra: z.number().int().nullable().optional(),
    }),
  }),
  league: z.object({
    id: z.number().int(),
    name: z.string(),
    country: z.string().nullable(),
    season: z.number().int(),
    round: z.string().nullable().optional(),
  }),
  teams: z.object({ home: teamSideSchema, away: teamSideSchema }),
  /** Goals so far, extra time included: not the score that is scored. */
  goals: goalPairSchema,
  score: z.object({
    halftime: goalPairSchema.nullable(),
    /** The regular-time (90 minute) score. */
    fulltime: goalPairSchema.nullable(),
    /** Goals in extra time only; null for shoot-outs without it. */
    extratime: goalPairSchema.nullable(),
    penalty: goalPairSchema.nullable(),
  }),
});

export type RawFixture = z.infer<typeof fixtureSchema>;
