import { beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_NAMES, BASELINES } from '../../src/baselines/index.ts';
import type { Forecast, PastResult } from '../../src/models/forecaster.ts';
import type { HistoricMatch } from './football-data-season.ts';
import { makeForecastInput, makeTeamIds } from './forecast-inputs.ts';
import { readPremierLeague } from './replay-season.ts';

const forecasters = BASELINE_NAMES.map((name) => BASELINES[name]!(name));

async function forecastAll(
  matches: readonly HistoricMatch[],
  match: HistoricMatch,
  teamIds: ReadonlyMap<string, number>,
): Promise<Forecast[]> {
  const input = makeForecastInput(matches, match, teamIds);
  return Promise.all(forecasters.map((f) => f.forecast(input)));
}

/** Every result from `match`'s kickoff on turned upside down. */
function rewriteFrom(
  matches: readonly HistoricMatch[],
  match: HistoricMatch,
): HistoricMatch[] {
  const cut = match.kickoff.getTime();
  return matches.map((other) =>
    other.kickoff.getTime() < cut
      ? other
      : {
          ...other,
          homeGoals: other.awayGoals + 3,
          awayGoals: other.homeGoals,
          odds:
            other === match
              ? other.odds
              : { ...other.odds, home: other.odds.away, away: other.odds.home },
        },
  );
}

describe('baselines use nothing from kickoff on', () => {
  let matches: HistoricMatch[] = [];
  let sample: HistoricMatch[] = [];
  let teamIds = new Map<string, number>();

  beforeAll(() => {
    const season = readPremierLeague();
    matches = season.matches;
    teamIds = makeTeamIds(matches);
    // The first, every 25th and the last match of 2024-25.
    sample = season.replayed.filter(
      (_, index) => index % 25 === 0 || index === 379,
    );
  });

  it('keeps forecasts when the match and later results change', async () => {
    for (const match of sample) {
      const original = await forecastAll(matches, match, teamIds);
      const rewritten = rewriteFrom(matches, match);
      const changed = rewritten.find((m) => m.matchId === match.matchId);
      expect(changed?.homeGoals).not.toBe(match.homeGoals);
      const again = await forecastAll(rewritten, changed!, teamIds);
      expect(again, `match ${match.matchId}`).toEqual(original);
    }
  }, 60_000);

  it('ignores later results even when handed them by mistake', async () => {
    for (const match of sample) {
      const input = makeForecastInput(matches, match, teamIds);
      const original = await Promise.all(
        forecasters.map((f) => f.forecast(input)),
      );
      const everything: PastResult[] = matches.map((other) => ({
        matchId: other.matchId,
        competitionId: other.competitionId,
        season: other.season,
        kickoff: other.kickoff,
        homeTeamId: teamIds.get(other.homeTeam)!,
        awayTeamId: teamIds.get(other.awayTeam)!,
        homeGoals: other.homeGoals,
        awayGoals: other.awayGoals,
      }));
      const leaky = { ...input, pastResults: async () => everything };
      const again = await Promise.all(
        forecasters.map((f) => f.forecast(leaky)),
      );
      expect(again, `match ${match.matchId}`).toEqual(original);
    }
  }, 60_000);

  it('gives the same forecasts for the same input', async () => {
    const match = sample[5]!;
    const first = await forecastAll(matches, match, teamIds);
    expect(await forecastAll(matches, match, teamIds)).toEqual(first);
  });

  it('does change forecasts when earlier results change', async () => {
    // The control: the comparison above would notice a difference.
    const match = sample[8]!;
    const original = await forecastAll(matches, match, teamIds);
    const earlier = matches.map((other) =>
      other.kickoff.getTime() < match.kickoff.getTime()
        ? {
            ...other,
            homeGoals: other.awayGoals,
            awayGoals: other.homeGoals + 2,
          }
        : other,
    );
    const again = await forecastAll(earlier, match, teamIds);
    const changed = BASELINE_NAMES.filter(
      (_, index) =>
        JSON.stringify(again[index]) !== JSON.stringify(original[index]),
    );
    expect(changed).toEqual(
      expect.arrayContaining(['poisson', 'dixon-coles', 'elo', 'form']),
    );
  }, 60_000);
});
