/**
 * The round of an API-Football fixture in the words of the offline files,
 * so that a match's identity (the round is part of it in cups) is the same
 * from both sources: `Regular Season - 26` is `Matchday 26`; in the
 * Champions League `League Stage - 3` is `League, Matchday 3` and the
 * knockout rounds are `Finals, ...`. Other rounds are kept as they are;
 * qualifying and play-off rounds have no agreed name yet.
 */
export function roundName(round: string | null, cup: boolean): string | null {
  if (round === null) return null;
  const matchday = /^Regular Season - (\d+)$/.exec(round);
  if (matchday) return `Matchday ${matchday[1]}`;
  if (!cup) return round;
  const league = /^League Stage - (\d+)$/.exec(round);
  if (league) return `League, Matchday ${league[1]}`;
  const knockout = KNOCKOUT_ROUNDS[round];
  return knockout ? `Finals, ${knockout}` : round;
}

const KNOCKOUT_ROUNDS: Readonly<Record<string, string>> = {
  'Round of 16': 'Round of 16',
  'Quarter-finals': 'Quarterfinals',
  'Semi-finals': 'Semifinals',
  Final: 'Final',
};
