import type { MarketOdds, Tendency } from '../core/types.ts';

/** Market probabilities with the bookmaker's margin removed. */
export interface MarketProbabilities {
  tendencies: Record<Tendency, number>;
  /** P(over 2.5 goals), null when the over/under odds are missing. */
  over25: number | null;
  /** The bookmaker's 1X2 margin: sum of 1 / odds minus 1. */
  margin: number;
}

/**
 * Implied probabilities of mutually exclusive outcomes from decimal odds,
 * margin removed by proportional normalisation (each 1 / odds divided by
 * their sum). Simple and common; it slightly overstates long shots compared
 * with Shin's method, which matters little for choosing a tendency.
 */
export function impliedProbabilities(odds: readonly number[]): number[] {
  const raw = odds.map((price) => 1 / price);
  const total = raw.reduce((sum, p) => sum + p, 0);
  return raw.map((p) => p / total);
}

/** True when every price is a finite decimal price above 1. */
export function arePricesValid(odds: readonly (number | null)[]): boolean {
  return odds.every(
    (price) => price !== null && Number.isFinite(price) && price > 1,
  );
}

/**
 * The market's probabilities for a match, or null when the 1X2 prices are
 * unusable. Over/under is used only when both of its prices are valid.
 */
export function marketProbabilities(
  odds: MarketOdds,
): MarketProbabilities | null {
  const prices = [odds.home, odds.draw, odds.away];
  if (!arePricesValid(prices)) return null;
  const [home = 0, draw = 0, away = 0] = impliedProbabilities(prices);
  const margin = prices.reduce((sum, price) => sum + 1 / price, 0) - 1;
  const overUnder = [odds.over25, odds.under25];
  const over25 = arePricesValid(overUnder)
    ? (impliedProbabilities(overUnder as number[])[0] ?? null)
    : null;
  return { tendencies: { H: home, D: draw, A: away }, over25, margin };
}
