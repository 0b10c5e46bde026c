import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sharedDataDir } from '../../src/core/paths.ts';

/** A recorded API-Football response, as the provider would send it. */
export interface RecordedResponse {
  file: string;
  get: string;
  parameters: Record<string, string>;
  envelope: Record<string, unknown>;
}

export const RECORDED_DIR = path.join(sharedDataDir(), 'api-football');

/**
 * Every recorded file as a full envelope. Three files are cache entries of
 * another application, not envelopes; they are wrapped with the request
 * their README row names, and the standings entry gets the league fields
 * (id 39, Premier League, 2024) that its wrapper dropped.
 */
export function loadRecordedResponses(): RecordedResponse[] {
  return readdirSync(RECORDED_DIR)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => toRecorded(file, readJson(file)));
}

/** One recorded file's envelope by file name. */
export function recordedEnvelope(file: string): Record<string, unknown> {
  const found = loadRecordedResponses().find((r) => r.file === file);
  if (!found) throw new Error(`no recorded file ${file}`);
  return found.envelope;
}

function readJson(file: string): Record<string, unknown> {
  const text = readFileSync(path.join(RECORDED_DIR, file), 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

function toRecorded(
  file: string,
  body: Record<string, unknown>,
): RecordedResponse {
  if (typeof body.get === 'string') {
    return {
      file,
      get: body.get,
      parameters: body.parameters as Record<string, string>,
      envelope: body,
    };
  }
  if (file.startsWith('injuries-epl-2024-25')) {
    const items = body.injuries as unknown[];
    return wrap(file, 'injuries', {
      league: '39', season: '2024', date: '2025-02-16',
    }, items);
  }
  if (file.startsWith('standings-epl-2024-25')) {
    const standing = body.standing as { standings: unknown };
    return wrap(file, 'standings', { league: '39', season: '2024' }, [
      {
        league: {
          id: 39,
          name: 'Premier League',
          season: 2024,
          standings: standing.standings,
        },
      },
    ]);
  }
  if (file.startsWith('teams-statistics-epl-2024-25')) {
    const data = body.data as { statistics: unknown };
    return wrap(file, 'teams/statistics', {
      league: '39', season: '2024', team: '40',
    }, data.statistics);
  }
  throw new Error(`${file}: neither an envelope nor a known cache entry`);
}

function wrap(
  file: string,
  get: string,
  parameters: Record<string, string>,
  response: unknown,
): RecordedResponse {
  const results = Array.isArray(response) ? response.length : 1;
  return {
    file,
    get,
    parameters,
    envelope: {
      get,
      parameters,
      errors: [],
      results,
      paging: { current: 1, total: 1 },
      response,
    },
  };
}
