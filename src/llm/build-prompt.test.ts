import { describe, expect, it } from 'vitest';
import type { MatchContext } from '../core/types.ts';
import { sampleContext } from '../../test/llm/sample-context.ts';
import { buildPrompt } from './build-prompt.ts';

describe('buildPrompt', () => {
  it('describes the match from its analysis and asks for JSON', () => {
    const { system, user } = buildPrompt(sampleContext(), { showOdds: false });
    expect(user).toContain('Arsenal FC (home) v Chelsea FC (away)');
    expect(user).toContain('2024-11-09 15:00 UTC');
    expect(user).toContain('Table: 4 of 20, 20 points from 10 games');
    expect(user).toContain('L 0-1 at Newcastle United FC');
    expect(user).toContain('2024-04-23: Arsenal FC 5-0 Chelsea FC');
    expect(user).toContain('{"home": <int>, "away": <int>}');
    expect(system).toContain('{"home": <int>, "away": <int>}');
  });

  it('leaves the odds out unless the provider shows them', () => {
    const hidden = buildPrompt(sampleContext(), { showOdds: false }).user;
    expect(hidden).not.toContain('1.83');
    expect(hidden).not.toContain('Bet365');
    expect(hidden.toLowerCase()).not.toContain('odds');

    const shown = buildPrompt(sampleContext(), { showOdds: true }).user;
    expect(shown).toContain(
      'Market odds (Bet365, decimal): home 1.83, draw 3.75, away 4.33',
    );
  });

  it('never carries a result that sits in the context object', () => {
    // A context that wrongly carries the final score must not leak it.
    const leaky = {
      ...sampleContext(),
      homeGoals: 7,
      result: 'FINAL-SCORE-7-6',
      status: 'finished',
    } as MatchContext;
    const { system, user } = buildPrompt(leaky, { showOdds: true });
    const text = `${system}\n${user}`;
    expect(text).not.toContain('FINAL-SCORE');
    expect(text).not.toContain('finished');
    expect(text).not.toMatch(/\b7\b/);
    expect(buildPrompt(sampleContext(), { showOdds: true }).user).toBe(user);
  });

  it('says when the kickoff time is not known and appends model notes', () => {
    const context = { ...sampleContext(), kickoffTimeKnown: false };
    const { user } = buildPrompt(context, {
      showOdds: false,
      promptNotes: 'Answer without explanation.',
    });
    expect(user).toContain('Kickoff: 2024-11-09 (time not known)');
    expect(user.endsWith('Answer without explanation.')).toBe(true);
  });
});
