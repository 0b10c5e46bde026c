import { beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_NAMES, BASELINES } from '../../src/baselines/index.ts';
import type { HistoricMatch } from './football-data-season.ts';
import {
  favouriteHitRate,
  readPremierLeague,
  replaySeason,
  type SeasonReplay,
} from './replay-season.ts';

// Counted in E0-2024-25.csv (column FTR): 155 home wins, 93 draws and
// 132 away wins.
const HOME_WINS = 155;
const DRAWS = 93;

describe('baselines over the Premier League 2024-25', () => {
  let replayed: HistoricMatch[] = [];
  let replays: SeasonReplay[] = [];

  beforeAll(async () => {
    const season = readPremierLeague();
    replayed = season.replayed;
    const forecasters = BASELINE_NAMES.map((name) => BASELINES[name]!(name));
    replays = await replaySeason(forecasters, season.matches, replayed);
    for (const replay of replays) {
      const rate = replay.tendencyHits / replayed.length;
      console.log(`${replay.modelId}: tendency ${(100 * rate).toFixed(1)}%`);
    }
    const favourite = favouriteHitRate(replayed);
    console.log(`bookmaker favourite: ${(100 * favourite).toFixed(1)}%`);
  }, 60_000);

  it('reads all 380 matches of the season', () => {
    expect(replayed).toHaveLength(380);
    const homeWins = replayed.filter((m) => m.homeGoals > m.awayGoals);
    const draws = replayed.filter((m) => m.homeGoals === m.awayGoals);
    expect(homeWins).toHaveLength(HOME_WINS);
    expect(draws).toHaveLength(DRAWS);
  });

  it('gives every baseline a valid score for every match', () => {
    expect(replays.map((replay) => replay.modelId)).toEqual(BASELINE_NAMES);
    for (const replay of replays) {
      expect(replay.scores).toHaveLength(380);
      for (const score of replay.scores) {
        expect(Number.isInteger(score.home) && score.home >= 0).toBe(true);
        expect(Number.isInteger(score.away) && score.away >= 0).toBe(true);
      }
    }
  });

  it('gives the statistical baselines a plausible tendency hit rate', () => {
    // Above 60% a model would have to know results; below 35% it would be
    // worse than always calling a home win (40.8%).
    const statistical = ['poisson', 'dixon-coles', 'elo', 'market', 'form'];
    for (const replay of replays) {
      if (!statistical.includes(replay.modelId)) continue;
      const rate = replay.tendencyHits / 380;
      expect(rate, replay.modelId).toBeGreaterThan(0.35);
      expect(rate, replay.modelId).toBeLessThan(0.6);
    }
  });

  it('hits exactly the home wins, or the draws, with the naive models', () => {
    const byId = new Map(replays.map((replay) => [replay.modelId, replay]));
    expect(byId.get('home-win-1-0')?.tendencyHits).toBe(HOME_WINS);
    // 1-1 is the most common score of 2023-24 and stays so all season.
    const mostCommon = byId.get('most-common-score');
    expect(
      mostCommon?.scores.every((s) => s.home === 1 && s.away === 1),
    ).toBe(true);
    expect(mostCommon?.tendencyHits).toBe(DRAWS);
  });

  it('lets the market baseline agree with the bookmaker favourite', () => {
    // The market model calls the lowest price's tendency, so its hit rate
    // is the favourite's (54.2% counted from the Avg columns).
    const market = replays.find((replay) => replay.modelId === 'market');
    // 206 counted with awk over the AvgH, AvgD and AvgA columns.
    expect(favouriteHitRate(replayed)).toBeCloseTo(206 / 380, 12);
    expect(market?.tendencyHits).toBe(206);
  });
});
