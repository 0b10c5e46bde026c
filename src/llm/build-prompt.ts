import type {
  FormEntry,
  HeadToHeadEntry,
  MatchContext,
  TableLine,
  TeamContext,
} from '../core/types.ts';
import { kickoffDayOf, localDayOf } from '../analysis/match-day.ts';

/** What a model is told about the prompt besides the match context. */
export interface PromptOptions {
  /** Put the market odds in the prompt (the provider's `showOdds`). */
  showOdds: boolean;
  /** The model's `promptNotes` from the roster, appended as is. */
  promptNotes?: string;
}

/** The chat messages of one forecast. */
export interface Prompt {
  system: string;
  user: string;
}

const SYSTEM = [
  'You are a football analyst who predicts the exact final score of a',
  'match after 90 minutes plus stoppage time (no extra time, no penalties).',
  'Use only the pre-match information given. Answer with one JSON object',
  'and nothing else: {"home": <int>, "away": <int>}, where home and away',
  'are the goals of the home and the away team, whole numbers from 0.',
].join(' ');

/**
 * The prompt for one match, built from its analysis only. Each field is
 * picked by name, so nothing else that might sit in the context object
 * (a result, say) can reach a model; odds only when `showOdds` is true.
 */
export function buildPrompt(
  context: MatchContext,
  options: PromptOptions,
): Prompt {
  const { home, away } = context;
  const kickoff = context.kickoffTimeKnown
    ? `${context.kickoff.slice(0, 16).replace('T', ' ')} UTC`
    : `${kickoffDayOf(context)} (time not known)`;
  const lines = [
    `Match: ${home.name} (home) v ${away.name} (away)`,
    `Competition: ${context.competitionId}, season ${context.season}` +
      (context.round ? `, ${context.round}` : ''),
    `Kickoff: ${kickoff}`,
    '',
    ...teamLines('Home', home, context.tableSize),
    '',
    ...teamLines('Away', away, context.tableSize),
    '',
    ...headToHeadLines(context.headToHead),
  ];
  if (options.showOdds && context.odds) {
    const { odds } = context;
    lines.push(
      '',
      `Market odds (${odds.bookmaker}, decimal): home ${odds.home}, ` +
        `draw ${odds.draw}, away ${odds.away}` +
        (odds.over25 !== null && odds.under25 !== null
          ? `; over 2.5 goals ${odds.over25}, under ${odds.under25}`
          : ''),
    );
  }
  if (context.injuries && context.injuries.length > 0) {
    lines.push('', `Injuries: ${context.injuries.join('; ')}`);
  }
  if (context.missing.length > 0) {
    lines.push('', `Not known before kickoff: ${context.missing.join(', ')}`);
  }
  lines.push(
    '',
    'Predict the final score. Answer only with JSON: {"home": <int>, "away": <int>}',
  );
  if (options.promptNotes) lines.push(options.promptNotes);
  return { system: SYSTEM, user: lines.join('\n') };
}

function teamLines(
  side: string,
  team: TeamContext,
  tableSize: number,
): string[] {
  return [
    `${side} team: ${team.name}`,
    tableLine(team.table, tableSize),
    `Recent form (newest first): ${formText(team.form)}`,
  ];
}

function tableLine(table: TableLine | null, tableSize: number): string {
  if (!table) return 'Table: no games yet in this competition';
  const { home, away } = table;
  return (
    `Table: ${table.position} of ${tableSize}, ${table.points} points from ` +
    `${table.played} games (W${table.won} D${table.drawn} L${table.lost}), ` +
    `goals ${table.goalsFor}-${table.goalsAgainst}; at home ` +
    `W${home.won} D${home.drawn} L${home.lost}, away ` +
    `W${away.won} D${away.drawn} L${away.lost}`
  );
}

function formText(form: FormEntry[]): string {
  if (form.length === 0) return 'none';
  return form
    .map(
      (entry) =>
        `${entry.result} ${entry.goalsFor}-${entry.goalsAgainst} ` +
        `${entry.venue === 'home' ? 'v' : 'at'} ${entry.opponent}`,
    )
    .join('; ');
}

function headToHeadLines(entries: HeadToHeadEntry[]): string[] {
  if (entries.length === 0) return ['Head-to-head: no earlier meetings'];
  return [
    'Head-to-head (newest first):',
    ...entries.map(
      (entry) =>
        `- ${localDayOf(entry.kickoff, entry.competitionId)}: ` +
        `${entry.homeTeam} ` +
        `${entry.homeGoals}-${entry.awayGoals} ${entry.awayTeam}`,
    ),
  ];
}
