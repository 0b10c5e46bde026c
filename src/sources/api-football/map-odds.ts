import { z } from 'zod';
import type { MarketOdds } from '../../core/types.ts';

const betSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  values: z.array(
    z.object({ value: z.union([z.string(), z.number()]), odd: z.string() }),
  ),
});

/** One item of the `odds` response: one fixture, its bookmakers' bets. */
export const oddsSchema = z.object({
  league: z.object({ id: z.number().int(), season: z.number().int() }),
  fixture: z.object({ id: z.number().int(), timestamp: z.number().int() }),
  /** When the bookmaker last changed these odds. */
  update: z.string(),
  bookmakers: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      bets: z.array(betSchema),
    }),
  ),
});

export type RawOdds = z.infer<typeof oddsSchema>;

/** The 1X2 and over/under 2.5 odds of one bookmaker for one fixture. */
export interface SourceOdds extends MarketOdds {
  fixtureId: number;
  kickoff: Date;
  updatedAt: Date;
}

const MATCH_WINNER = 'Match Winner';
const GOALS_OVER_UNDER = 'Goals Over/Under';

/**
 * The market odds of each bookmaker that prices the match winner. Other bet
 * types (exact score, halves, ...) are not part of the analysis.
 */
export function mapOdds(raw: RawOdds): SourceOdds[] {
  const result: SourceOdds[] = [];
  for (const bookmaker of raw.bookmakers) {
    const winner = valuesOf(bookmaker.bets, MATCH_WINNER);
    const home = winner.get('Home');
    const draw = winner.get('Draw');
    const away = winner.get('Away');
    if (home === undefined || draw === undefined || away === undefined) {
      continue;
    }
    const goals = valuesOf(bookmaker.bets, GOALS_OVER_UNDER);
    result.push({
      fixtureId: raw.fixture.id,
      kickoff: new Date(raw.fixture.timestamp * 1000),
      updatedAt: new Date(raw.update),
      bookmaker: bookmaker.name,
      home,
      draw,
      away,
      over25: goals.get('Over 2.5') ?? null,
      under25: goals.get('Under 2.5') ?? null,
    });
  }
  return result;
}

function valuesOf(
  bets: RawOdds['bookmakers'][number]['bets'],
  name: string,
): Map<string, number> {
  const bet = bets.find((candidate) => candidate.name === name);
  const values = new Map<string, number>();
  for (const { value, odd } of bet?.values ?? []) {
    const decimal = Number(odd);
    if (Number.isFinite(decimal)) values.set(String(value), decimal);
  }
  return values;
}
