import { describe, expect, it } from 'vitest';
import { ConfigError, EXIT } from '../core/errors.ts';
import { readDataSourceConfig } from './data-source.ts';

describe('readDataSourceConfig', () => {
  it('uses the offline files by default', () => {
    expect(readDataSourceConfig({})).toEqual({ kind: 'files' });
    expect(readDataSourceConfig({ SCORELINE_SOURCE: 'files' })).toEqual({
      kind: 'files',
    });
  });

  it('reads API-Football settings with their defaults', () => {
    expect(
      readDataSourceConfig({
        SCORELINE_SOURCE: 'api-football',
        API_FOOTBALL_KEY: 'k',
      }),
    ).toEqual({
      kind: 'api-football',
      apiKey: 'k',
      baseUrl: 'https://v3.football.api-sports.io',
      dailyBudget: 100,
      backfillReserve: 10,
      requestsPerMinute: 10,
    });
    expect(
      readDataSourceConfig({
        SCORELINE_SOURCE: 'api-football',
        API_FOOTBALL_KEY: 'k',
        API_FOOTBALL_BASE_URL: 'http://127.0.0.1:9',
        API_FOOTBALL_DAILY_BUDGET: '7500',
        API_FOOTBALL_BACKFILL_RESERVE: '0',
        API_FOOTBALL_REQUESTS_PER_MINUTE: '300',
      }),
    ).toMatchObject({
      baseUrl: 'http://127.0.0.1:9',
      dailyBudget: 7500,
      backfillReserve: 0,
      requestsPerMinute: 300,
    });
  });

  it('names the variable to fix', () => {
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ SCORELINE_SOURCE: 'api' }, 'SCORELINE_SOURCE'],
      [{ SCORELINE_SOURCE: 'api-football' }, 'API_FOOTBALL_KEY'],
      [
        {
          SCORELINE_SOURCE: 'api-football',
          API_FOOTBALL_KEY: 'k',
          API_FOOTBALL_DAILY_BUDGET: '1.5',
        },
        'API_FOOTBALL_DAILY_BUDGET',
      ],
    ];
    for (const [env, name] of cases) {
      let caught: unknown;
      try {
        readDataSourceConfig(env);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).exitCode).toBe(EXIT.usage);
      expect((caught as ConfigError).message).toContain(name);
    }
  });
});
