import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.ts';
import { REPO_ROOT, sharedDataDir } from '../core/paths.ts';
import { loadRoster, parseRoster } from './load-roster.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'scoreline-roster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeRoster(name: string, content: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(content));
  return file;
}

const provider = {
  id: 'local',
  baseUrl: 'http://127.0.0.1:9/v1',
  apiKeyEnv: 'LOCAL_TEST_KEY',
};
const llm = {
  id: 'llm-a',
  provider: 'local',
  model: 'a',
  displayName: 'A',
  active: true,
};

describe('loadRoster', () => {
  it('reads the default roster: the seven baselines, all active', () => {
    const roster = loadRoster({ env: {} });
    expect(roster.file).toBe(path.join(REPO_ROOT, 'roster.json'));
    expect(roster.models.map((m) => m.model)).toEqual([
      'poisson', 'dixon-coles', 'elo', 'market', 'form',
      'most-common-score', 'home-win-1-0',
    ]);
    expect(roster.models.every((m) => m.active && m.kind === 'baseline'))
      .toBe(true);
  });

  it('ships the 42 benchmark models, inactive, names as in the data', () => {
    const roster = loadRoster({
      file: path.join(REPO_ROOT, 'rosters', 'llm-benchmark.json'),
      env: {},
    });
    const example = JSON.parse(
      readFileSync(path.join(sharedDataDir(), 'llm-roster-example.json'), 'utf8'),
    ) as { models: { id: string; modelName: string; provider: string }[] };
    expect(roster.models).toHaveLength(42);
    expect(roster.models.filter((m) => m.provider === 'together'))
      .toHaveLength(29);
    expect(roster.models.some((m) => m.active)).toBe(false);
    expect(roster.models.map((m) => [m.id, m.provider, m.model])).toEqual(
      example.models.map((m) => [m.id, m.provider, m.modelName]),
    );
  });

  it('reads the Ollama example with a keyless local provider', () => {
    const roster = loadRoster({
      file: path.join(REPO_ROOT, 'rosters', 'ollama-local.json'),
      env: {},
    });
    expect(roster.providers.get('ollama')?.baseUrl)
      .toBe('http://127.0.0.1:11434/v1');
    expect(roster.models.filter((m) => m.kind === 'llm' && m.active))
      .toHaveLength(2);
  });

  it('uses SCORELINE_ROSTER and fills provider defaults', () => {
    const file = writeRoster('env.json', { providers: [provider], models: [llm] });
    const roster = loadRoster({
      env: { SCORELINE_ROSTER: file, LOCAL_TEST_KEY: 'k' },
    });
    expect(roster.file).toBe(file);
    expect(roster.providers.get('local')).toMatchObject({
      concurrency: 4,
      requestsPerMinute: null,
      timeoutMs: 60_000,
      showOdds: false,
      responseFormat: true,
    });
    expect(roster.models[0]).toMatchObject({ active: true, kind: 'llm' });
  });

  it('keeps a model whose key is unset inactive, with a warning', () => {
    const lines: string[] = [];
    const logger = pino(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const roster = parseRoster(
      { providers: [provider], models: [llm] }, 'r.json', {}, logger,
    );
    expect(roster.models[0]).toMatchObject({
      listedActive: true,
      active: false,
      inactiveReason: 'environment variable LOCAL_TEST_KEY is not set',
    });
    expect(lines.join('')).toContain('LOCAL_TEST_KEY is not set');
  });
});

describe('loadRoster rejects a bad roster naming file, entry and field', () => {
  it.each([
    [
      'a missing field',
      { providers: [provider], models: [{ ...llm, displayName: undefined }] },
      /bad\.json: models\[0\] \(llm-a\): field "displayName"/,
    ],
    [
      'a wrong type',
      { providers: [{ ...provider, concurrency: 'many' }], models: [llm] },
      /bad\.json: providers\[0\] \(local\): field "concurrency"/,
    ],
    [
      'an unknown provider',
      { providers: [], models: [llm] },
      /bad\.json: models\[0\] \(llm-a\): field "provider": unknown provider "local"/,
    ],
    [
      'a duplicate model',
      { providers: [provider], models: [llm, llm] },
      /bad\.json: models\[1\] \(llm-a\): field "id": duplicate/,
    ],
    [
      'an unknown field',
      { providers: [provider], models: [{ ...llm, temprature: 1 }] },
      /bad\.json: models\[0\] \(llm-a\): field "\(entry\)": .*temprature/,
    ],
  ])('for %s', (_kind, content, message) => {
    const file = writeRoster('bad.json', content);
    expect(() => loadRoster({ file, env: {} })).toThrow(ConfigError);
    expect(() => loadRoster({ file, env: {} })).toThrow(message);
  });

  it('for a file that is not JSON or not there', () => {
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{ "models": [');
    expect(() => loadRoster({ file })).toThrow(/broken\.json is not valid JSON/);
    expect(() => loadRoster({ file: path.join(dir, 'none.json') }))
      .toThrow(/cannot read the roster .*none\.json.*SCORELINE_ROSTER/);
  });
});
