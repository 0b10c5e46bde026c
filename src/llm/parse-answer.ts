import type { Score } from '../core/types.ts';
import { AnswerParseError } from './llm-errors.ts';

/** Goals above this are not a football score but a misread number. */
const MAX_GOALS = 99;

const HOME_KEYS = new Set([
  'home', 'homescore', 'homegoals', 'hometeam', 'hometeamscore',
  'hometeamgoals',
]);
const AWAY_KEYS = new Set([
  'away', 'awayscore', 'awaygoals', 'awayteam', 'awayteamscore',
  'awayteamgoals',
]);
const NESTING_KEYS = ['score', 'prediction', 'predicted_score', 'result'];

/**
 * Reads a score from a model's answer text. Accepts JSON (also in markdown
 * fences or between prose), reasoning blocks before the answer, key
 * variants (`home`, `home_score`, `homeScore`, `home_goals`...) and integer
 * strings; plain `2-1` or `2:1` text only as a last resort and only when it
 * names one score. Never invents a score: anything else throws an
 * AnswerParseError with the reason.
 */
export function parseAnswer(text: string | null | undefined): Score {
  if (text === null || text === undefined || text.trim() === '') {
    throw new AnswerParseError('empty answer', text ?? null);
  }
  const answer = stripReasoning(text);
  if (answer === null) {
    throw new AnswerParseError('the reasoning never ended in an answer', text);
  }
  if (answer.trim() === '') {
    throw new AnswerParseError('empty answer after the reasoning', text);
  }

  const fromJson = scoreFromJson(answer, text);
  if (fromJson) return fromJson;
  return scoreFromPlainText(answer, text);
}

/**
 * The answer without reasoning: the text after the last `</think>` (also
 * when the opening tag is missing), or null when a `<think>` never closes.
 */
function stripReasoning(text: string): string | null {
  const close = text.lastIndexOf('</think>');
  if (close >= 0) return text.slice(close + '</think>'.length);
  if (/<think>/i.test(text)) return null;
  return text;
}

/** Candidate JSON texts, the most likely answer first. */
function jsonCandidates(text: string): string[] {
  const fenced = [...text.matchAll(/```(?:json|JSON)?\s*([\s\S]*?)```/g)]
    .map((match) => match[1] ?? '')
    .reverse();
  return [...fenced, ...balancedObjects(text).reverse()];
}

/** Every top-level `{...}` span of the text, in order. */
function balancedObjects(text: string): string[] {
  const spans: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (char === '{') {
      if (depth === 0) start = i;
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0) spans.push(text.slice(start, i + 1));
    }
  }
  return spans;
}

function scoreFromJson(answer: string, raw: string): Score | null {
  for (const candidate of jsonCandidates(answer)) {
    const value = parseLooseJson(candidate.trim());
    if (value === undefined) continue;
    const found = findScoreObject(value);
    if (found) return readScore(found, raw);
  }
  return null;
}

/** JSON, or JSON with unquoted keys or single quotes; undefined if neither. */
function parseLooseJson(text: string): unknown {
  for (const attempt of [text, loosen(text)]) {
    try {
      return JSON.parse(attempt);
    } catch {
      // try the next form
    }
  }
  return undefined;
}

function loosen(text: string): string {
  return text
    .replace(/'/g, '"')
    .replace(/([{,]\s*)([A-Za-z_][A-Za-z0-9_]*)\s*:/g, '$1"$2":');
}

type Entry = { home: unknown; away: unknown };

/** The home and away values of a score object, also one level nested. */
function findScoreObject(value: unknown): Entry | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return null;
  }
  const record = value as Record<string, unknown>;
  let home: unknown = undefined;
  let away: unknown = undefined;
  let hasHome = false;
  let hasAway = false;
  for (const [key, field] of Object.entries(record)) {
    const normal = key.toLowerCase().replace(/[_\s-]/g, '');
    if (HOME_KEYS.has(normal)) [home, hasHome] = [field, true];
    if (AWAY_KEYS.has(normal)) [away, hasAway] = [field, true];
  }
  if (hasHome && hasAway) return { home, away };
  for (const key of NESTING_KEYS) {
    const nested = record[key];
    if (typeof nested === 'string') {
      const pair = nested.match(/^\s*(\d+)\s*[-:–]\s*(\d+)\s*$/);
      if (pair) return { home: pair[1], away: pair[2] };
    }
    const inner = findScoreObject(nested);
    if (inner) return inner;
  }
  return null;
}

function readScore(entry: Entry, raw: string): Score {
  return {
    home: readGoals(entry.home, 'home', raw),
    away: readGoals(entry.away, 'away', raw),
  };
}

function readGoals(value: unknown, side: string, raw: string): number {
  let goals: number;
  if (typeof value === 'number') {
    goals = value;
  } else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) {
    goals = Number(value);
  } else {
    throw new AnswerParseError(
      `${side} goals are ${JSON.stringify(value) ?? 'missing'}, not a whole number`,
      raw,
    );
  }
  if (!Number.isInteger(goals)) {
    throw new AnswerParseError(`${side} goals ${goals} are not whole`, raw);
  }
  if (goals < 0) {
    throw new AnswerParseError(`${side} goals ${goals} are negative`, raw);
  }
  if (goals > MAX_GOALS) {
    throw new AnswerParseError(`${side} goals ${goals} are implausible`, raw);
  }
  return goals;
}

function scoreFromPlainText(answer: string, raw: string): Score {
  // Two numbers of one or two digits joined by - or :, not part of a
  // date, a time with seconds or a decimal.
  const pattern =
    /(?<![\d.:\-/])(\d{1,2})\s*[-:–]\s*(\d{1,2})(?![\d:\-/]|\.\d)/g;
  const scores = new Set(
    [...answer.matchAll(pattern)].map((match) => `${match[1]}-${match[2]}`),
  );
  if (scores.size === 0) {
    throw new AnswerParseError('no score found in the answer', raw);
  }
  if (scores.size > 1) {
    throw new AnswerParseError(
      `several scores in the answer (${[...scores].join(', ')})`,
      raw,
    );
  }
  const [home, away] = [...scores][0]!.split('-').map(Number);
  return { home: home!, away: away! };
}
