import { describe, expect, it } from 'vitest';
import { AnswerParseError } from './llm-errors.ts';
import { parseAnswer } from './parse-answer.ts';

describe('parseAnswer reads a score', () => {
  it.each([
    ['plain JSON', '{"home": 2, "away": 1}', 2, 1],
    ['JSON in a json fence', '```json\n{"home": 0, "away": 3}\n```', 0, 3],
    ['JSON in a bare fence', '```\n{"home": 1, "away": 1}\n```', 1, 1],
    [
      'prose before and after',
      'Arsenal are strong at home.\n{"home": 3, "away": 0}\nGood luck!',
      3,
      0,
    ],
    [
      'a think block first',
      '<think>Maybe {"home": 4, "away": 4}? No.</think>{"home": 1, "away": 2}',
      1,
      2,
    ],
    [
      'only the closing think tag',
      'home side looks tired, say 3-3 ... </think>\n{"home": 2, "away": 2}',
      2,
      2,
    ],
    ['home_score keys', '{"home_score": 2, "away_score": 0}', 2, 0],
    ['homeScore keys', '{"homeScore": 1, "awayScore": 0}', 1, 0],
    ['home_goals keys', '{"home_goals": 0, "away_goals": 0}', 0, 0],
    ['nested under score', '{"score": {"home": 2, "away": 3}}', 2, 3],
    ['a score string', '{"prediction": "2-1"}', 2, 1],
    ['integer strings', '{"home": "2", "away": "1"}', 2, 1],
    ['unquoted keys', '{home: 1, away: 0}', 1, 0],
    ['plain 2-1 text', 'I predict 2-1 to the home side.', 2, 1],
    ['plain 2:1 text', 'Final score 2:1', 2, 1],
    ['a spaced dash', 'Prediction: 0 - 2', 0, 2],
    ['the same score twice in text', 'I say 1-1. Yes, 1-1.', 1, 1],
  ])('from %s', (_kind, text, home, away) => {
    expect(parseAnswer(text)).toEqual({ home, away });
  });
});

describe('parseAnswer never invents a score', () => {
  it.each([
    ['an empty answer', '', 'empty answer'],
    ['a blank answer', '  \n ', 'empty answer'],
    ['null', null, 'empty answer'],
    ['an unfinished think block', '<think>Let me see, 2-1 or', 'never ended'],
    ['only reasoning', '<think>2-1?</think>  ', 'empty answer after'],
    ['null values', '{"home": null, "away": null}', 'home goals are null'],
    ['fractional goals', '{"home": 1.5, "away": 1}', 'not whole'],
    ['negative goals', '{"home": -1, "away": 2}', 'negative'],
    ['word values', '{"home": "two", "away": "one"}', 'not a whole number'],
    ['a fractional string', '{"home": "1.5", "away": "0"}', 'not a whole'],
    ['no score at all', 'I cannot predict football matches.', 'no score'],
    ['several scores', 'Either 2-1 or 1-1, hard to say.', 'several scores'],
    ['a date only', 'Played on 2024-05-19.', 'no score'],
  ])('for %s', (_kind, text, reason) => {
    let caught: unknown;
    try {
      parseAnswer(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AnswerParseError);
    expect((caught as AnswerParseError).reason).toContain(reason);
  });
});
