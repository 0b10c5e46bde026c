import type { Forecaster } from '../models/forecaster.ts';
import { formGoalMeans, formRates } from './form-goal-means.ts';
import { leagueAverages } from './league-averages.ts';
import { pickScore } from './pick-score.ts';
import { makeScoreMatrix } from './poisson-probabilities.ts';
import { resultsBeforeKickoff } from './results-before-kickoff.ts';

/** Form entries used per team: the context's last five results. */
const FORM_GAMES = 5;

/**
 * The `form` baseline: goals for and against in both teams' last five
 * results (from the context, all competitions) give the goal means; the
 * competition's home edge comes from past results. The score is the most
 * likely one within the most likely tendency.
 */
export function createFormForecaster(modelId: string): Forecaster {
  return {
    modelId,
    async forecast(input) {
      const { context } = input;
      const kickoff = new Date(context.kickoff).getTime();
      // The analysis cuts form at kickoff; drop anything later just in case.
      const recent = (form: typeof context.home.form) =>
        form
          .filter((entry) => new Date(entry.kickoff).getTime() < kickoff)
          .slice(0, FORM_GAMES);
      const results = await resultsBeforeKickoff(input);
      const league = leagueAverages(
        results,
        context.competitionId,
        context.season,
      );
      const home = formRates(recent(context.home.form), league);
      const away = formRates(recent(context.away.form), league);
      const means = formGoalMeans(home, away, league);
      const score = pickScore(makeScoreMatrix(means.home, means.away));
      const rawAnswer =
        `form ${home.scored.toFixed(1)}:${home.conceded.toFixed(1)} over ` +
        `${home.games} and ${away.scored.toFixed(1)}:` +
        `${away.conceded.toFixed(1)} over ${away.games} games, expected ` +
        `goals ${means.home.toFixed(2)}-${means.away.toFixed(2)}`;
      return { score, rawAnswer };
    },
  };
}
