import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors.ts';
import { LlmRequestError } from '../../src/llm/llm-errors.ts';
import { makeLlmForecaster } from '../../src/llm/make-llm-forecaster.ts';
import { ProviderGates } from '../../src/llm/provider-gate.ts';
import type { ForecastInput } from '../../src/models/forecaster.ts';
import { parseRoster } from '../../src/roster/load-roster.ts';
import { completion, FakeLlmServer } from './fake-llm-server.ts';
import { sampleContext } from './sample-context.ts';

const KEY = 'sk-forecaster-test-51c0';
const input: ForecastInput = {
  context: sampleContext(),
  pastResults: async () => [],
};

const server = new FakeLlmServer({
  'always-500': () => ({ status: 500, body: { error: 'down' } }),
  missing: () => ({ status: 404, body: { error: 'no such model' } }),
  forbidden: () => ({ status: 403, body: { error: 'forbidden' } }),
  'dated-429': ({ attempt }) =>
    attempt === 1
      ? {
          status: 429,
          headers: { 'retry-after': new Date(Date.now() + 1500).toUTCString() },
          body: { error: 'slow down' },
        }
      : { body: completion({ content: '{"home": 1, "away": 0}' }) },
  echo: () => ({
    body: completion({ content: `{"home": 2, "away": 0} (key ${KEY})` }),
  }),
  slow: () => ({ delayMs: 5_000, body: completion({ content: '{"home":1,"away":1}' }) }),
  plain: () => ({ body: completion({ content: '{"home": 0, "away": 1}' }) }),
});
let baseUrl: string;

beforeAll(async () => {
  baseUrl = await server.start();
});
afterAll(async () => {
  await server.stop();
});

function forecasterFor(
  model: string,
  options: { url?: string; responseFormat?: boolean; env?: NodeJS.ProcessEnv } = {},
) {
  const roster = parseRoster(
    {
      providers: [
        {
          id: 'p',
          baseUrl: options.url ?? baseUrl,
          apiKeyEnv: 'P_KEY',
          responseFormat: options.responseFormat ?? true,
        },
      ],
      models: [{ id: model, provider: 'p', model, displayName: model, active: true }],
    },
    'r.json',
    { P_KEY: KEY },
  );
  let calls = 0;
  const countingFetch: typeof fetch = (...args) => {
    calls += 1;
    return fetch(...args);
  };
  const forecaster = makeLlmForecaster(roster.models[0]!, roster.providers.get('p')!, {
    logger: pino({ level: 'silent' }),
    env: options.env ?? { P_KEY: KEY },
    fetch: countingFetch,
    gates: new ProviderGates(),
    retryBaseMs: 10,
  });
  return { forecaster, calls: () => calls };
}

async function failureOf(promise: Promise<unknown>): Promise<LlmRequestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LlmRequestError);
  return error as LlmRequestError;
}

describe('the LLM forecaster over HTTP', () => {
  it('gives up on a 5xx after 3 attempts', async () => {
    const { forecaster } = forecasterFor('always-500');
    const error = await failureOf(forecaster.forecast(input));
    expect(error).toMatchObject({ kind: 'server', status: 500 });
    expect(server.requestsOf('always-500')).toHaveLength(3);
  });

  it.each([
    ['missing', 404],
    ['forbidden', 403],
  ])('does not retry %s (HTTP %i), a configuration problem', async (model, status) => {
    const { forecaster } = forecasterFor(model);
    const error = await failureOf(forecaster.forecast(input));
    expect(error).toMatchObject({ kind: 'config', status });
    expect(error.message).toContain('check the key variable and the model name');
    expect(server.requestsOf(model)).toHaveLength(1);
  });

  it('retries network errors, 3 attempts in all', async () => {
    const closed = new FakeLlmServer({});
    const url = await closed.start();
    await closed.stop();
    const { forecaster, calls } = forecasterFor('plain', { url });
    const error = await failureOf(forecaster.forecast(input));
    expect(error.kind).toBe('network');
    expect(calls()).toBe(3);
  });

  it('waits until the HTTP date of Retry-After', async () => {
    const { forecaster } = forecasterFor('dated-429');
    const started = Date.now();
    const forecast = await forecaster.forecast(input);
    expect(forecast.score).toEqual({ home: 1, away: 0 });
    // The header's date has whole seconds: at least ~0.5 s of the 1.5 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
    expect(server.requestsOf('dated-429')).toHaveLength(2);
  });

  it('removes the key from the stored raw answer', async () => {
    const { forecaster } = forecasterFor('echo');
    const forecast = await forecaster.forecast(input);
    expect(forecast.rawAnswer).toBe('{"home": 2, "away": 0} (key [redacted])');
  });

  it('sends no response_format when the provider turned it off', async () => {
    const before = server.requestsOf('plain').length;
    const { forecaster } = forecasterFor('plain', { responseFormat: false });
    expect((await forecaster.forecast(input)).score).toEqual({ home: 0, away: 1 });
    const sent = server.requestsOf('plain').slice(before);
    expect(sent.map((r) => 'response_format' in r.body)).toEqual([false]);
    expect(sent[0]?.body.temperature).toBe(0.2);
    expect(sent[0]?.body.messages).toHaveLength(2);
  });

  it('asks nothing when the key variable is unset', async () => {
    const { forecaster, calls } = forecasterFor('plain', { env: {} });
    await expect(forecaster.forecast(input)).rejects.toBeInstanceOf(ConfigError);
    await expect(forecaster.forecast(input)).rejects.toThrow(/P_KEY is not set/);
    expect(calls()).toBe(0);
  });

  it('stops at once when the caller aborts', async () => {
    const { forecaster } = forecasterFor('slow');
    const controller = new AbortController();
    const pending = forecaster.forecast(input, controller.signal);
    const started = Date.now();
    setImmediate(() => controller.abort(new Error('job cancelled')));
    await expect(pending).rejects.toThrow('job cancelled');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
