import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loadRoster, parseRoster } from '../roster/load-roster.ts';
import { makeForecasters } from './make-forecasters.ts';

const logger = pino({ level: 'silent' });

describe('makeForecasters', () => {
  it('builds every baseline of the default roster', () => {
    const { byModelId, unavailable } = makeForecasters(
      loadRoster({ env: {} }),
      { logger },
    );
    expect([...byModelId.keys()]).toEqual([
      'poisson', 'dixon-coles', 'elo', 'market', 'form',
      'most-common-score', 'home-win-1-0',
    ]);
    expect(unavailable.size).toBe(0);
    expect(byModelId.get('elo')?.modelId).toBe('elo');
  });

  it('skips inactive models and names an unknown baseline', () => {
    const roster = parseRoster(
      {
        providers: [
          { id: 'p', baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'P_KEY' },
        ],
        models: [
          { id: 'llm', provider: 'p', model: 'm', displayName: 'M', active: true },
          { id: 'off', provider: 'p', model: 'o', displayName: 'O', active: false },
          { id: 'crystal-ball', provider: 'baseline', model: 'crystal-ball', displayName: 'C', active: true },
        ],
      },
      'r.json',
      {},
    );
    const { byModelId, unavailable } = makeForecasters(roster, { logger });
    // The key variable is unset, so the LLM is inactive too.
    expect(byModelId.size).toBe(0);
    expect(unavailable.get('crystal-ball')).toMatch(
      /no built-in baseline named 'crystal-ball' \(roster r\.json\); use one of poisson, /,
    );

    const withKey = parseRoster(
      { providers: [{ id: 'p', baseUrl: 'http://127.0.0.1:9/v1', apiKeyEnv: 'P_KEY' }],
        models: [{ id: 'llm', provider: 'p', model: 'm', displayName: 'M', active: true }] },
      'r.json',
      { P_KEY: 'k' },
    );
    expect([...makeForecasters(withKey, { logger }).byModelId.keys()]).toEqual(['llm']);
  });
});
