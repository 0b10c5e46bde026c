import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { predictions } from '../../src/db/schema.ts';
import { EmbeddedStageRunner } from '../../src/pipeline/embedded-stage-runner.ts';
import { jobIdFor } from '../../src/pipeline/job-ids.ts';
import { makeStageProcessors } from '../../src/pipeline/stage-processors.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import {
  FakeRoster,
  findMatchId,
  importPremierLeague,
  silentLogger,
} from './pipeline-fixture.ts';

describe.each(DATABASE_KINDS)('embedded pipeline on %s', (kind) => {
  const fake = new FakeRoster();
  let database: TestDatabase;
  let runner: EmbeddedStageRunner;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await importPremierLeague(database.db);
    const roster = await fake.start();
    await fake.sync(database.db, roster);
    runner = new EmbeddedStageRunner(makeStageProcessors({
      db: database.db, roster, logger: silentLogger,
    }));
  }, 120_000);

  afterAll(async () => {
    await runner?.close();
    await fake.stop();
    await database?.close();
  });

  it('takes a match through analysis, predictions and settlement', async () => {
    // Manchester City 2-0 Everton, 18 Oct 2025 (openfootball en.1).
    const matchId = await findMatchId(database.db, 'Manchester City FC',
      'Everton FC');
    const analysed = await runner.run('analysis', { matchId },
      jobIdFor('analysis', matchId), 30_000);
    expect(analysed).toMatchObject({ state: 'completed',
      result: { complete: true } });

    // Two runs of the same job id at once: one job, joined.
    const [predicted, joined] = await Promise.all([
      runner.run('predictions', { matchId, retroactive: false },
        jobIdFor('predictions', matchId), 30_000),
      runner.run('predictions', { matchId, retroactive: false },
        jobIdFor('predictions', matchId), 30_000),
    ]);
    expect(predicted).toEqual(joined);
    expect(predicted).toMatchObject({ state: 'completed', result: {
      added: ['llm-draw', 'llm-exact', 'llm-tendency'], failed: [] } });
    expect(fake.requestsFor('llm-exact', 'Manchester City FC'))
      .toHaveLength(1);

    const settled = await runner.run('settlement', { matchId },
      jobIdFor('settlement', matchId), 30_000);
    expect(settled.state).toBe('completed');

    // Home win twice of three: quota round(2.3) = 2; draw once: round(3.2)
    // = 3. 2-0 exact: 2 + 1 + 3; 1-0 tendency only: 2; 1-1 wrong: 0.
    const rows = await database.db
      .select({ modelId: predictions.modelId, points: predictions.points,
        quota: predictions.quota })
      .from(predictions)
      .where(eq(predictions.matchId, matchId))
      .orderBy(predictions.modelId);
    expect(rows).toEqual([
      { modelId: 'llm-draw', points: 0, quota: 3 },
      { modelId: 'llm-exact', points: 6, quota: 2 },
      { modelId: 'llm-tendency', points: 2, quota: 2 },
    ]);
  });

  it('fails a predictions job for a match without analysis, then succeeds', async () => {
    // Burnley 2-0 Leeds, 18 Oct 2025: predictions before analysis.
    const matchId = await findMatchId(database.db, 'Burnley FC',
      'Leeds United FC');
    const early = await runner.run('predictions',
      { matchId, retroactive: false }, jobIdFor('predictions', matchId),
      30_000);
    expect(early).toEqual({ state: 'failed', reason: `match ${matchId} has no complete analysis yet; run its analysis first (the queue retries this job)` });
    await runner.run('analysis', { matchId }, jobIdFor('analysis', matchId),
      30_000);
    const again = await runner.run('predictions',
      { matchId, retroactive: false }, jobIdFor('predictions', matchId),
      30_000);
    expect(again).toMatchObject({ state: 'completed',
      result: { added: ['llm-draw', 'llm-exact', 'llm-tendency'] } });
  });
});
