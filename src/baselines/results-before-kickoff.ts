import type { ForecastInput, PastResult } from '../models/forecaster.ts';

/**
 * The past results of a forecast input, keeping only matches that kicked
 * off strictly before this match. The stage already cuts them there; the
 * baselines cut again so that a loader bug can never leak a later result
 * into a forecast.
 */
export async function resultsBeforeKickoff(
  input: ForecastInput,
): Promise<PastResult[]> {
  const kickoff = new Date(input.context.kickoff).getTime();
  const results = await input.pastResults();
  return results.filter((result) => result.kickoff.getTime() < kickoff);
}

/**
 * The results of the given season, topped up with the most recent earlier
 * results until there are at least `minimum` (all when there are fewer;
 * a few more when several kicked off at the same instant as the last one
 * needed). Input and output are oldest first.
 */
export function seasonFirstSample(
  results: readonly PastResult[],
  season: string,
  minimum: number,
): PastResult[] {
  const current = results.filter((result) => result.season === season);
  if (current.length >= minimum) return current;
  const earlier = results.filter((result) => result.season !== season);
  const wanted = minimum - current.length;
  // Matches that kicked off at the same instant are taken all or none, so
  // the sample does not depend on how a source happened to order them.
  let start = Math.max(0, earlier.length - wanted);
  while (start > 0 && sameKickoff(earlier[start - 1], earlier[start])) {
    start -= 1;
  }
  return [...earlier.slice(start), ...current];
}

function sameKickoff(a?: PastResult, b?: PastResult): boolean {
  return a !== undefined && b !== undefined &&
    a.kickoff.getTime() === b.kickoff.getTime();
}
