import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBackfillOptions } from '../../src/backfill/backfill-options.ts';
import { formatReport } from '../../src/backfill/format-report.ts';
import {
  runBackfill,
  type BackfillDeps,
} from '../../src/backfill/run-backfill.ts';
import { acquireDbRunLock } from '../../src/backfill/run-lock.ts';
import { getAnalysis } from '../../src/db/analyses.ts';
import { EmbeddedStageRunner } from '../../src/pipeline/embedded-stage-runner.ts';
import { jobIdFor } from '../../src/pipeline/job-ids.ts';
import { makeStageProcessors } from '../../src/pipeline/stage-processors.ts';
import type { Roster } from '../../src/roster/roster.ts';
import { RequestBudget } from '../../src/sources/api-football/request-budget.ts';
import {
  makeAnalysisSource,
  makeSourceStopCheck,
} from '../../src/sources/make-analysis-source.ts';
import { systemClock } from '../../src/core/clock.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import {
  hasAnalysisRow,
  matchIdOf,
  replayConfig,
  scoresOf,
  seedUnitedSeason,
  silent,
  WINDOW_ARGS,
  WINDOW_FIXTURES,
} from './api-football-end-to-end.ts';
import { archiveHandler } from './fixture-archive.ts';
import { loadRecordedResponses } from './recorded-responses.ts';
import { startReplayServer, type ReplayServer } from './replay-server.ts';

describe.each(DATABASE_KINDS)(
  'pipeline and backfill on API-Football replays (%s)',
  (kind) => {
    let database: TestDatabase;
    let server: ReplayServer;
    let roster: Roster;
    const ids = { chelsea: 0, brentford: 0, brighton: 0 };

    function deps(dailyBudget: number): BackfillDeps {
      const db = database.db;
      const config = replayConfig(server.baseUrl, dailyBudget);
      const analyse = makeAnalysisSource({ config, backfill: true });
      return {
        db,
        logger: silent,
        makeRunner: async () =>
          new EmbeddedStageRunner(
            makeStageProcessors({ db, roster, logger: silent, analyse }),
          ),
        acquireLock: () => acquireDbRunLock(db, 'backfill'),
        analysisNeedsSourceReference: true,
        sourceStopped: makeSourceStopCheck(db, { config }),
      };
    }
    const spentToday = () =>
      new RequestBudget(database.db, {
        source: 'api-football', dailyLimit: 1000, clock: systemClock,
      }).spent();

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      server = await startReplayServer(
        loadRecordedResponses(),
        archiveHandler(),
      );
      roster = await seedUnitedSeason(database.db);
      for (const key of Object.keys(ids) as (keyof typeof ids)[]) {
        ids[key] = await matchIdOf(database.db, WINDOW_FIXTURES[key]);
      }
    }, 60_000);

    afterAll(async () => {
      await server?.close();
      await database?.close();
    });

    it('stops when the day budget runs out mid-backfill, exit 3', async () => {
      // The first match costs 10 requests: the fixture, both teams'
      // season, the meetings, the league's season, the table, both teams'
      // statistics, odds and injuries. The second one finds United's and
      // the league's fixtures and the table cached and needs 7; with a
      // budget of 14 its fifth request (Brentford's statistics) is refused.
      const run = await runBackfill(
        parseBackfillOptions(WINDOW_ARGS), deps(14),
      );
      expect(run.exitCode).toBe(3);
      expect(run.report.stopped).toMatch(
        /API-Football requests are used up \(14 spent of a budget of 14/,
      );
      expect(formatReport(run.report)).toContain(
        'stopped early: today\'s API-Football requests are used up',
      );
      expect(run.report.failed).toEqual([{
        matchId: ids.brentford,
        stage: 'analysis',
        reason: expect.stringMatching(
          /^job failed: today's api-football budget of 14 requests .* is spent/,
        ),
      }]);
      expect(run.report.matches.map((m) => m.outcome)).toEqual([
        'repaired', 'failed', 'not run',
      ]);
      expect(server.received).toHaveLength(14);
      expect(await spentToday()).toBe(14);

      // Nothing half-written: no analysis row, no prediction.
      expect(await hasAnalysisRow(database.db, ids.brentford)).toBe(false);
      expect(await hasAnalysisRow(database.db, ids.brighton)).toBe(false);
      expect(await scoresOf(database.db, ids.brentford)).toEqual([]);

      // United 1-1 Chelsea: both said 1-0, home quota (6*2 + 14*2) / 20
      // = 2, wrong tendency: 0 points.
      expect(await scoresOf(database.db, ids.chelsea)).toEqual([
        ['m1', 2, 0], ['m2', 2, 0],
      ]);
    });

    it('stored the analysis of the first match as of its kickoff', async () => {
      const stored = await getAnalysis(database.db, ids.chelsea);
      expect(stored).toMatchObject({
        complete: true,
        missing: ['odds', 'injuries'],
        asOf: new Date('2022-04-28T18:45:00Z'),
      });
      const context = stored!.context!;
      // United's last five before 28 April 2022, from the recorded season.
      expect(context.home.form.map((f) => [f.opponent, f.goalsFor,
        f.goalsAgainst, f.result])).toEqual([
        ['Arsenal FC', 1, 3, 'L'],
        ['Liverpool FC', 0, 4, 'L'],
        ['Norwich City FC', 3, 2, 'W'],
        ['Everton FC', 0, 1, 'L'],
        ['Leicester City FC', 1, 1, 'D'],
      ]);
      // Chelsea's season as recorded: the 1-1 at Stamford Bridge only.
      expect(context.away.form).toEqual([expect.objectContaining({
        venue: 'home', goalsFor: 1, goalsAgainst: 1, result: 'D',
      })]);
      expect(context.headToHead).toHaveLength(1);
      // The table rebuilt from United's 34 league results before kickoff:
      // 15 won, 9 drawn, 10 lost, 53-51, 54 points.
      expect(context.home.table).toMatchObject({
        played: 34, won: 15, drawn: 9, lost: 10, goalsFor: 53,
        goalsAgainst: 51, points: 54,
      });
      expect(context.away.table).toMatchObject({
        played: 1, drawn: 1, points: 1,
      });
      expect(context.injuries).toBeNull();
    });

    it('finishes on the next run and spends only the uncached requests',
      async () => {
        // Brentford's match still needs its away statistics, odds and
        // injuries (3); Brighton's match the 7 of a match whose United
        // and league fixtures are cached.
        const before = server.received.length;
        const run = await runBackfill(
          parseBackfillOptions(WINDOW_ARGS), deps(40),
        );
        expect(run.exitCode).toBe(0);
        expect(run.report.stopped).toBeNull();
        expect(run.report.matches.map((m) => [m.matchId, m.outcome]))
          .toEqual([
            [ids.brentford, 'repaired'], [ids.brighton, 'repaired'],
          ]);
        expect(server.received.length - before).toBe(10);
        // United 3-0 Brentford and Brighton 4-0 United: 1-0 is the right
        // tendency at home quota 2, the wrong goal difference: 2 points.
        expect(await scoresOf(database.db, ids.brentford)).toEqual([
          ['m1', 2, 2], ['m2', 2, 2],
        ]);
        expect(await scoresOf(database.db, ids.brighton)).toEqual([
          ['m1', 2, 2], ['m2', 2, 2],
        ]);
      });

    it('runs the pipeline stages on the embedded runner', async () => {
      // Arsenal 3-1 United, 23 April 2022, outside the backfill window.
      const matchId = await matchIdOf(database.db, 710886);
      const config = replayConfig(server.baseUrl, 100);
      const runner = new EmbeddedStageRunner(makeStageProcessors({
        db: database.db, roster, logger: silent,
        analyse: makeAnalysisSource({ config }),
      }));
      try {
        const analysed = await runner.run('analysis', { matchId },
          jobIdFor('analysis', matchId), 30_000);
        expect(analysed).toMatchObject({ state: 'completed',
          result: { complete: true, missing: ['odds', 'injuries'] } });
        const predicted = await runner.run('predictions',
          { matchId, retroactive: true },
          jobIdFor('predictions', matchId), 30_000);
        expect(predicted).toMatchObject({ state: 'completed',
          result: { added: ['m1', 'm2'] } });
        const settled = await runner.run('settlement', { matchId },
          jobIdFor('settlement', matchId), 30_000);
        expect(settled.state).toBe('completed');
      } finally {
        await runner.close();
      }
      const context = (await getAnalysis(database.db, matchId))!.context!;
      // Arsenal's recorded season before 23 April: the 3-2 at Old Trafford.
      expect(context.home.form.map((f) => [f.opponent, f.result])).toEqual([
        ['Manchester United FC', 'L'],
      ]);
      expect(context.away.form[0]).toMatchObject({
        opponent: 'Liverpool FC', goalsFor: 0, goalsAgainst: 4,
      });
      // 3-1 home win; 1-0 right tendency, wrong difference: 2 points.
      expect(await scoresOf(database.db, matchId)).toEqual([
        ['m1', 2, 2], ['m2', 2, 2],
      ]);
    });
  },
);
