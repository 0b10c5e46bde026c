/**
 * A kickoff without a known time is stored as local midnight, the evening
 * before in UTC. Wherever such a kickoff is shown as a date (the readable
 * analysis, the JSON context's `kickoffDate`, the prompt) it is the local
 * day in the competition's time zone, as in openfootball and
 * `export matches`. Real case: Deportivo Alavés v CA Osasuna, La Liga
 * 2025-26 Matchday 30, openfootball date 2026-04-05 with no time.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnalysis } from '../../src/analysis/compute-analysis.ts';
import { formatAnalysis } from '../../src/analysis/format-analysis.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import type { MatchContext, TeamContext } from '../../src/core/types.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { competitions, matches, teams } from '../../src/db/schema.ts';
import { importFiles } from '../../src/import/import-files.ts';
import { buildPrompt } from '../../src/llm/build-prompt.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';

const team = (teamId: number, name: string): TeamContext => ({
  teamId, name, form: [], table: null,
});

/**
 * A context as stored before `kickoffDate` existed: the day must come
 * from the competition's zone (Europe/Madrid) all the same.
 */
const STORED: MatchContext = {
  matchId: 1926, competitionId: 'es.1', season: '2025-26',
  round: 'Matchday 30', kickoff: '2026-04-04T22:00:00.000Z',
  kickoffTimeKnown: false, asOf: '2026-04-04T22:00:00.000Z',
  tableSize: 20, home: team(75, 'Deportivo Alavés'),
  away: team(86, 'CA Osasuna'),
  headToHead: [{
    // An earlier meeting without a time: 2025-12-20 in Madrid.
    matchId: 1800, kickoff: '2025-12-19T23:00:00.000Z',
    competitionId: 'es.1', homeTeam: 'CA Osasuna',
    awayTeam: 'Deportivo Alavés', homeGoals: 3, awayGoals: 0,
  }],
  odds: null, injuries: null, missing: ['odds', 'injuries'],
};

describe('a stored context of a kickoff without a time', () => {
  it('reads as the local day in the analysis summary', () => {
    const text = formatAnalysis(STORED);
    expect(text).toContain('kickoff 2026-04-05 (time unknown)');
    expect(text).toContain(
      '  2025-12-20  CA Osasuna 3-0 Deportivo Alavés (es.1)');
  });

  it('reads as the local day in the prompt', () => {
    const { user } = buildPrompt(STORED, { showOdds: false });
    expect(user).toContain('Kickoff: 2026-04-05 (time not known)');
    expect(user).toContain('- 2025-12-20: CA Osasuna 3-0 Deportivo Alavés');
  });

  it('keeps the UTC time of a kickoff whose time is known', () => {
    const timed = { ...STORED, kickoff: '2026-04-05T16:15:00.000Z',
      kickoffTimeKnown: true };
    expect(formatAnalysis(timed)).toContain('kickoff 2026-04-05 16:15 UTC');
  });
});

describe.each(DATABASE_KINDS)('analysis of an untimed kickoff on %s',
  (kind) => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      await importFiles(database.db,
        [path.join(sharedDataDir(), 'openfootball', '2025-26', 'es.1.json')],
        makeLogger('silent'));
    });
    afterAll(async () => { await database?.close(); });

    it('carries and shows the local day of La Liga', async () => {
      const [row] = await queryRows<{ id: number }>(database.db, sql`
        select m.id from matches m
        join teams h on h.id = m.home_team_id
        join teams a on a.id = m.away_team_id
        where m.round = 'Matchday 30' and h.name = 'Deportivo Alavés'
          and a.name = 'CA Osasuna'`);
      const context = await computeAnalysis(database.db, row!.id);
      expect(context.kickoff).toBe('2026-04-04T22:00:00.000Z');
      expect(context.kickoffTimeKnown).toBe(false);
      expect(context.kickoffDate).toBe('2026-04-05');
      expect(formatAnalysis(context))
        .toContain('kickoff 2026-04-05 (time unknown)');
      expect(buildPrompt(context, { showOdds: false }).user)
        .toContain('Kickoff: 2026-04-05 (time not known)');
    });

    it('takes the zone of the stored competition', async () => {
      // A competition the catalog does not know: only the database has
      // its zone. Midnight of 5 April in Tokyo is 15:00 UTC on the 4th.
      await database.db.insert(competitions)
        .values({ id: 'jp.1', name: 'J1 League', timeZone: 'Asia/Tokyo' });
      const [home, away] = await database.db.insert(teams)
        .values([{ name: 'Tokyo Home' }, { name: 'Tokyo Away' }])
        .returning({ id: teams.id });
      const [match] = await database.db.insert(matches).values({
        matchKey: 'jp-1', competitionId: 'jp.1', season: '2026',
        round: 'Matchday 8', homeTeamId: home!.id, awayTeamId: away!.id,
        kickoff: new Date('2026-04-04T15:00:00Z'), kickoffTimeKnown: false,
        status: 'scheduled',
      }).returning({ id: matches.id });

      const context = await computeAnalysis(database.db, match!.id);
      expect(context.kickoffDate).toBe('2026-04-05');
      expect(formatAnalysis(context))
        .toContain('kickoff 2026-04-05 (time unknown)');
    });
  });
