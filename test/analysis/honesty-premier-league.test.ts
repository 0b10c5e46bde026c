import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnalysis } from '../../src/analysis/compute-analysis.ts';
import { makeLogger } from '../../src/core/logger.ts';
import { sharedDataDir } from '../../src/core/paths.ts';
import type { MatchContext } from '../../src/core/types.ts';
import { matches } from '../../src/db/schema.ts';
import { importFiles } from '../../src/import/import-files.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { checkHonesty } from './check-honesty.ts';

// The whole shared data folder is imported (Premier League 2023-24 to
// 2025-26, Champions League 2024-25, other leagues), so form and
// head-to-head cross competitions and seasons.

describe.each(DATABASE_KINDS)('analysis of the Premier League 2024-25 on %s',
  (kind) => {
    let database: TestDatabase;
    let seasonIds: number[];
    let contexts: MatchContext[] | undefined;

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      await importFiles(database.db, [sharedDataDir()],
        makeLogger('silent'));
      const rows = await database.db
        .select({ id: matches.id })
        .from(matches)
        .where(and(eq(matches.competitionId, 'en.1'),
          eq(matches.season, '2024-25'), eq(matches.status, 'finished')))
        .orderBy(asc(matches.kickoff), asc(matches.id));
      seasonIds = rows.map((r) => r.id);
    }, 300_000);
    afterAll(async () => {
      await database?.close();
    });

    it('sees for every match what the data cut at kickoff shows',
      async () => {
        expect(seasonIds).toHaveLength(380);
        // Oracle for all 380; the real code on a cut copy for every 10th.
        contexts = await checkHonesty(database.db, seasonIds, 10);
        const last = contexts.at(-1)!;
        expect(last.tableSize).toBe(20);
        expect(last.home.table?.played).toBe(37);
        expect(contexts.filter((c) => c.odds?.bookmaker === 'avg'))
          .toHaveLength(380);
      }, 600_000);

    it('agrees with the published table of 16 February 2025', async () => {
      // API-Football standings updated 2025-02-15 (shared data folder):
      // Liverpool 1st, 24 played, 58:23, 57 pts, home 8-2-1; Wolves 17th,
      // 24 played, 34:52, 19 pts, home 3-1-8. Liverpool v Wolves kicked
      // off on 16 Feb 2025 at 14:00 GMT, after every match counted there.
      const [row] = await database.db
        .select({ id: matches.id })
        .from(matches)
        .where(and(eq(matches.competitionId, 'en.1'),
          eq(matches.kickoff, new Date('2025-02-16T14:00:00Z'))));
      const context = await computeAnalysis(database.db, row!.id);
      expect(context.home.name).toBe('Liverpool FC');
      expect(context.home.table).toMatchObject({
        position: 1, played: 24, goalsFor: 58, goalsAgainst: 23,
        goalDifference: 35, points: 57,
        home: { won: 8, drawn: 2, lost: 1 },
      });
      expect(context.away.table).toMatchObject({
        position: 17, played: 24, goalsFor: 34, goalsAgainst: 52,
        goalDifference: -18, points: 19,
        home: { won: 3, drawn: 1, lost: 8 },
      });
      // Form from the openfootball files, Premier and Champions League.
      expect(context.home.form.map((e) => [
        e.kickoff.slice(0, 10), e.competitionId, e.venue, e.goalsFor,
        e.goalsAgainst, e.result,
      ])).toEqual([
        ['2025-02-12', 'en.1', 'away', 2, 2, 'D'],
        ['2025-02-01', 'en.1', 'away', 2, 0, 'W'],
        ['2025-01-29', 'uefa.cl', 'away', 2, 3, 'L'],
        ['2025-01-25', 'en.1', 'home', 4, 1, 'W'],
        ['2025-01-21', 'uefa.cl', 'home', 2, 1, 'W'],
      ]);
      expect(context.headToHead.map((e) => [
        e.kickoff.slice(0, 10), e.homeGoals, e.awayGoals,
      ])).toEqual([
        ['2024-09-28', 1, 2],
        ['2024-05-19', 2, 0],
        ['2023-09-16', 1, 3],
      ]);
      // football-data.co.uk E0-2024-25.csv: AvgH 1.19, AvgD 7.85, AvgA
      // 12.84, Avg>2.5 1.37, Avg<2.5 3.12.
      expect(context.odds).toEqual({
        bookmaker: 'avg', home: 1.19, draw: 7.85, away: 12.84,
        over25: 1.37, under25: 3.12,
      });
    });
  });
