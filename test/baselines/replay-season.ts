import { tendencyOf, type Score } from '../../src/core/types.ts';
import type { Forecaster } from '../../src/models/forecaster.ts';
import {
  readFootballDataSeasons,
  type HistoricMatch,
} from './football-data-season.ts';
import { makeForecastInput, makeTeamIds } from './forecast-inputs.ts';

/** One model's forecasts over a replayed season. */
export interface SeasonReplay {
  modelId: string;
  scores: Score[];
  tendencyHits: number;
  exactHits: number;
  milliseconds: number;
}

/** The Premier League 2023-24 (history only) and 2024-25 (replayed). */
export function readPremierLeague(): {
  matches: HistoricMatch[];
  replayed: HistoricMatch[];
} {
  const matches = readFootballDataSeasons([
    { file: 'E0-2023-24.csv', season: '2023-24' },
    { file: 'E0-2024-25.csv', season: '2024-25' },
  ]);
  return {
    matches,
    replayed: matches.filter((match) => match.season === '2024-25'),
  };
}

/**
 * Every forecaster forecasts every replayed match from the matches before
 * its kickoff; hits are counted against the real results.
 */
export async function replaySeason(
  forecasters: readonly Forecaster[],
  matches: readonly HistoricMatch[],
  replayed: readonly HistoricMatch[],
): Promise<SeasonReplay[]> {
  const teamIds = makeTeamIds(matches);
  const replays = forecasters.map((forecaster) => ({
    modelId: forecaster.modelId,
    scores: [] as Score[],
    tendencyHits: 0,
    exactHits: 0,
    milliseconds: 0,
  }));
  for (const match of replayed) {
    const input = makeForecastInput(matches, match, teamIds);
    const actual = { home: match.homeGoals, away: match.awayGoals };
    for (const [index, forecaster] of forecasters.entries()) {
      const replay = replays[index]!;
      const started = performance.now();
      const { score } = await forecaster.forecast(input);
      replay.milliseconds += performance.now() - started;
      replay.scores.push(score);
      if (tendencyOf(score) === tendencyOf(actual)) replay.tendencyHits += 1;
      if (score.home === actual.home && score.away === actual.away) {
        replay.exactHits += 1;
      }
    }
  }
  return replays;
}

/** The share of matches whose tendency the lowest 1X2 price called. */
export function favouriteHitRate(replayed: readonly HistoricMatch[]): number {
  let hits = 0;
  for (const match of replayed) {
    const { home, draw, away } = match.odds;
    const favourite =
      home <= draw && home <= away ? 'H' : draw <= away ? 'D' : 'A';
    const actual = tendencyOf({ home: match.homeGoals, away: match.awayGoals });
    if (favourite === actual) hits += 1;
  }
  return hits / replayed.length;
}
