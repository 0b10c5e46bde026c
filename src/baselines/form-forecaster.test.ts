import { describe, expect, it } from 'vitest';
import type { FormEntry } from '../core/types.ts';
import { createFormForecaster } from './form-forecaster.ts';
import { formGoalMeans, formRates } from './form-goal-means.ts';
import { makeInput } from '../../test/baselines/hand-made-inputs.ts';

function form(goals: [number, number][], kickoff = '2024-02-01'): FormEntry[] {
  return goals.map(([goalsFor, goalsAgainst], index) => ({
    matchId: index + 1,
    kickoff: `${kickoff}T15:00:00.000Z`,
    competitionId: 'X',
    opponent: 'someone',
    venue: index % 2 === 0 ? 'home' : 'away',
    goalsFor,
    goalsAgainst,
    result:
      goalsFor > goalsAgainst ? 'W' : goalsFor < goalsAgainst ? 'L' : 'D',
  }));
}

const LEAGUE = { home: 1.6, away: 1.2, matches: 100 };
const HOME_FORM = form([[2, 0], [1, 1], [0, 2], [3, 1], [1, 1]]);
const AWAY_FORM = form([[1, 2], [0, 3], [2, 1], [1, 1], [1, 1]]);

describe('form goal means', () => {
  it('averages goals for and against per game', () => {
    expect(formRates(HOME_FORM, LEAGUE)).toEqual({
      scored: 1.4,
      conceded: 1,
      games: 5,
    });
    expect(formRates([], LEAGUE).scored).toBeCloseTo(1.4, 12);
  });

  it('mixes attack and defence and applies the home edge', () => {
    const means = formGoalMeans(
      formRates(HOME_FORM, LEAGUE),
      formRates(AWAY_FORM, LEAGUE),
      LEAGUE,
    );
    // Home: (1.4 + 1.6) / 2 * 1.6 / 1.4; away: (1.0 + 1.0) / 2 * 1.2 / 1.4.
    expect(means.home).toBeCloseTo(1.714286, 6);
    expect(means.away).toBeCloseTo(0.857143, 6);
  });
});

describe('form baseline', () => {
  it('forecasts from the form, ignoring entries after kickoff', async () => {
    const input = makeInput([]);
    input.context.home.form = HOME_FORM;
    input.context.away.form = AWAY_FORM;
    const forecast = await createFormForecaster('form').forecast(input);
    // League defaults 1.5 and 1.2 (per side 1.35): means 1.666667 and
    // 0.888889; 1-0 (1.667) beats 2-0 (1.389) and 2-1 (1.235).
    expect(forecast.score).toEqual({ home: 1, away: 0 });
    expect(forecast.rawAnswer).toContain('expected goals 1.67-0.89');

    const later = form([[0, 9]], '2024-03-02');
    input.context.home.form = [...later, ...HOME_FORM];
    const again = await createFormForecaster('form').forecast(input);
    expect(again).toEqual(forecast);
  });
});
