/**
 * Replays the Premier League 2024-25 with every baseline (2023-24 as
 * history) and prints milliseconds per forecast and hit rates.
 *
 *     npx tsx bench/baselines.ts
 */
import { computeEloRatings } from '../src/baselines/elo-ratings.ts';
import { BASELINES } from '../src/baselines/index.ts';
import {
  makeForecastInput,
  makeTeamIds,
} from '../test/baselines/forecast-inputs.ts';
import {
  favouriteHitRate,
  readPremierLeague,
  replaySeason,
} from '../test/baselines/replay-season.ts';

const { matches, replayed } = readPremierLeague();
const forecasters = Object.entries(BASELINES).map(([name, create]) =>
  create(name),
);
const replays = await replaySeason(forecasters, matches, replayed);

console.log(`${replayed.length} matches, Premier League 2024-25`);
for (const replay of replays) {
  const n = replay.scores.length;
  const draws = replay.scores.filter((s) => s.home === s.away).length;
  const aways = replay.scores.filter((s) => s.home < s.away).length;
  console.log(
    [
      replay.modelId.padEnd(18),
      `${(replay.milliseconds / n).toFixed(2)} ms/forecast`,
      `tendency ${((100 * replay.tendencyHits) / n).toFixed(1)}%`,
      `exact ${((100 * replay.exactHits) / n).toFixed(1)}%`,
      `calls H/D/A ${n - draws - aways}/${draws}/${aways}`,
    ].join('  '),
  );
}
const favourite = 100 * favouriteHitRate(replayed);
console.log(`bookmaker favourite tendency ${favourite.toFixed(1)}%`);

// The O(n) part of the Elo baseline alone, over the largest history: the
// results before the season's last match.
const last = replayed[replayed.length - 1]!;
const history = await makeForecastInput(
  matches,
  last,
  makeTeamIds(matches),
).pastResults();
const rounds = 200;
const started = performance.now();
for (let round = 0; round < rounds; round += 1) computeEloRatings(history);
const perRun = (performance.now() - started) / rounds;
console.log(
  `elo ratings over ${history.length} results: ${perRun.toFixed(3)} ms`,
);
