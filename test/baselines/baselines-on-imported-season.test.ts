import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASELINE_NAMES, BASELINES } from '../../src/baselines/index.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { findTeamIdByAlias } from '../../src/db/teams.ts';
import { importFiles } from '../../src/import/import-files.ts';
import {
  makePastResultsLoader,
} from '../../src/predictions/load-past-results.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { makeForecastInput, makeTeamIds } from './forecast-inputs.ts';
import { readPremierLeague } from './replay-season.ts';

interface StoredMatch {
  id: number;
  competitionId: string;
  season: string;
  kickoffMs: number;
  homeTeamId: number;
  awayTeamId: number;
}

const forecasters = BASELINE_NAMES.map((name) => BASELINES[name]!(name));

// The same two seasons through the importer and the stored past results:
// every baseline must answer exactly what it answers from the files read
// here directly, so ids, seasons, kickoffs and the cut at kickoff agree.
describe.each(DATABASE_KINDS)('baselines on imported data (%s)', (kind) => {
  let database: TestDatabase;
  const { matches, replayed } = readPremierLeague();
  // Every eighth match and the whole last round (simultaneous kickoffs).
  const sample = replayed.filter((_, i) => i % 8 === 0 || i >= 370);
  const stored = new Map<string, StoredMatch>();
  const storedTeamIds = new Map<string, number>();

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const folder = path.join(sharedDataDir(), 'football-data');
    await importFiles(
      database.db,
      ['E0-2023-24.csv', 'E0-2024-25.csv'].map((f) => path.join(folder, f)),
      makeLogger('silent'),
    );
    const rows = await queryRows<StoredMatch>(
      database.db,
      sql`select id, competition_id as "competitionId", season,
          (extract(epoch from kickoff) * 1000)::float8 as "kickoffMs",
          home_team_id as "homeTeamId", away_team_id as "awayTeamId"
        from matches`,
    );
    for (const row of rows) {
      stored.set(`${row.kickoffMs}:${row.homeTeamId}`, row);
    }
    for (const name of makeTeamIds(matches).keys()) {
      const id = await findTeamIdByAlias(database.db, name);
      if (id === null) throw new Error(`no stored team for ${name}`);
      storedTeamIds.set(name, id);
    }
  }, 120_000);

  afterAll(async () => {
    await database?.close();
  });

  it('stores both seasons', () => {
    expect(stored.size).toBe(760);
  });

  it('gives the same forecasts as the files read directly', async () => {
    const fileTeamIds = makeTeamIds(matches);
    for (const match of sample) {
      const fromFiles = makeForecastInput(matches, match, fileTeamIds);
      const homeTeamId = storedTeamIds.get(match.homeTeam)!;
      const row = stored.get(`${match.kickoff.getTime()}:${homeTeamId}`);
      expect(row, `${match.homeTeam} on ${match.kickoff.toISOString()}`)
        .toBeDefined();
      const context = {
        ...fromFiles.context,
        matchId: row!.id,
        competitionId: row!.competitionId,
        season: row!.season,
        home: { ...fromFiles.context.home, teamId: row!.homeTeamId },
        away: { ...fromFiles.context.away, teamId: row!.awayTeamId },
      };
      const fromDatabase = {
        context,
        pastResults: makePastResultsLoader(database.db, match.kickoff),
      };
      for (const forecaster of forecasters) {
        const expected = await forecaster.forecast(fromFiles);
        const actual = await forecaster.forecast(fromDatabase);
        expect(actual, `${forecaster.modelId}, match ${match.matchId}`)
          .toEqual(expected);
      }
    }
  }, 120_000);
});
