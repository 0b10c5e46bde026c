import { and, eq, gte, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyses, matches, predictions } from '../../src/db/schema.ts';
import { BullmqStageRunner } from '../../src/pipeline/bullmq-stage-runner.ts';
import { jobIdFor } from '../../src/pipeline/job-ids.ts';
import { PipelineQueues } from '../../src/pipeline/pipeline-queues.ts';
import { redisOptions } from '../../src/pipeline/redis-connection.ts';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import {
  TEST_REDIS_URL,
  makeTestPrefix,
  removePrefix,
} from '../helpers/redis.ts';
import {
  FakeRoster,
  findMatchId,
  importPremierLeague,
} from './pipeline-fixture.ts';
import { waitUntil } from './wait-until.ts';
import { startWorkerProcess, type WorkerProcess } from './worker-process.ts';

/**
 * Two `scoreline worker` processes on one Redis prefix and one PostgreSQL
 * database, with three LLMs on a local fake server.
 */
describe('worker processes on BullMQ', { timeout: 120_000 }, () => {
  const prefix = makeTestPrefix('workers');
  const fake = new FakeRoster();
  let database: TestDatabase;
  let queues: PipelineQueues;
  let runner: BullmqStageRunner;
  const workers: WorkerProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    await importPremierLeague(database.db);
    await fake.sync(database.db, await fake.start());
    env = {
      DATABASE_URL: database.url ?? '',
      REDIS_URL: TEST_REDIS_URL,
      SCORELINE_QUEUE_PREFIX: prefix,
      SCORELINE_ROSTER: fake.file,
    };
    for (let i = 0; i < 2; i += 1) {
      workers.push(startWorkerProcess(env, ['--lock-duration', '2000']));
    }
    await Promise.all(workers.map((worker) => worker.started));
    queues = new PipelineQueues({
      connection: redisOptions(TEST_REDIS_URL),
      prefix,
    });
    runner = new BullmqStageRunner(queues);
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.child.exitCode === null && worker.child.signalCode === null) {
        worker.child.kill('SIGTERM');
      }
    }
    await Promise.all(workers.map((worker) => worker.exited));
    await runner?.close();
    await removePrefix(prefix);
    await fake.stop();
    await database?.close();
  }, 60_000);

  it('takes a match through analysis, predictions and settlement', async () => {
    // Manchester City 2-0 Everton, 18 Oct 2025 (openfootball en.1).
    const matchId = await findMatchId(database.db, 'Manchester City FC',
      'Everton FC');

    const analysed = await runner.run('analysis', { matchId },
      jobIdFor('analysis', matchId), 30_000);
    expect(analysed).toMatchObject({ state: 'completed',
      result: { matchId, complete: true } });
    const predicted = await runner.run('predictions',
      { matchId, retroactive: false }, jobIdFor('predictions', matchId),
      30_000);
    expect(predicted).toMatchObject({ state: 'completed', result: {
      added: ['llm-draw', 'llm-exact', 'llm-tendency'], failed: [] } });
    const settled = await runner.run('settlement', { matchId },
      jobIdFor('settlement', matchId), 30_000);
    expect(settled.state).toBe('completed');

    // Quotas from three calls: home win twice, round(6 / (20/3) - 0.6 + 2)
    // = round(2.3) = 2; draw once, round(6 / (10/3) - 0.6 + 2) = round(3.2)
    // = 3 (each prediction keeps the quota of its own tendency). 2-0 is
    // exact (2 + 1 + 3), 1-0 only the tendency (2), 1-1 wrong (0).
    const rows = await database.db
      .select({ modelId: predictions.modelId, points: predictions.points,
        quota: predictions.quota, retroactive: predictions.retroactive })
      .from(predictions)
      .where(eq(predictions.matchId, matchId))
      .orderBy(predictions.modelId);
    expect(rows).toEqual([
      { modelId: 'llm-draw', points: 0, quota: 3, retroactive: false },
      { modelId: 'llm-exact', points: 6, quota: 2, retroactive: false },
      { modelId: 'llm-tendency', points: 2, quota: 2, retroactive: false },
    ]);
  });

  it('shares the jobs between the two workers, each job run once', async () => {
    const ids = (await database.db.select({ id: matches.id }).from(matches)
      .where(and(gte(matches.kickoff, new Date('2025-09-13T00:00:00Z')),
        lt(matches.kickoff, new Date('2025-10-06T00:00:00Z')))))
      .map((row) => row.id);
    // Matchdays 4 to 7 of the openfootball file: 40 matches.
    expect(ids).toHaveLength(40);
    const outcomes = await Promise.all(ids.map((matchId) => runner.run(
      'analysis', { matchId }, jobIdFor('analysis', matchId), 60_000)));
    expect(outcomes.every((o) => o.state === 'completed')).toBe(true);

    const runs = new Map<string, number>();
    const byWorker = workers.map((worker) => {
      const done = worker.lines.filter((line) =>
        line.includes('"analysis job done"'));
      for (const line of done) {
        const { jobId } = JSON.parse(line) as { jobId: string };
        runs.set(jobId, (runs.get(jobId) ?? 0) + 1);
      }
      return done.length;
    });
    for (const matchId of ids) {
      expect(runs.get(jobIdFor('analysis', matchId))).toBe(1);
    }
    expect(byWorker.every((n) => n > 0)).toBe(true);
  });

  it('recovers a job whose worker was killed, without duplicates', async () => {
    // Burnley 2-0 Leeds, 18 Oct 2025.
    const matchId = await findMatchId(database.db, 'Burnley FC',
      'Leeds United FC');
    await runner.run('analysis', { matchId }, jobIdFor('analysis', matchId),
      30_000);

    const held = fake.hold('Burnley FC', 'hang');
    const jobId = jobIdFor('predictions', matchId);
    const outcome = runner.run('predictions',
      { matchId, retroactive: false }, jobId, 60_000);
    await held;
    // The crash comes after the two other models' answers are stored.
    await waitUntil(async () => (await database.db.select()
      .from(predictions).where(eq(predictions.matchId, matchId)))
      .length === 2);
    const job = await queues.queue('predictions').getJob(jobId);
    const holder = workers.find((w) => job?.processedBy === `worker-${w.pid}`);
    expect(holder).toBeDefined();
    holder?.child.kill('SIGKILL');
    expect(await holder?.exited).toEqual({ code: null, signal: 'SIGKILL' });

    expect(await outcome).toMatchObject({ state: 'completed' });
    const rows = await database.db
      .select({ modelId: predictions.modelId })
      .from(predictions)
      .where(eq(predictions.matchId, matchId))
      .orderBy(predictions.modelId);
    expect(rows.map((row) => row.modelId)).toEqual(
      ['llm-draw', 'llm-exact', 'llm-tendency']);
    // The models that answered before the crash were not asked again.
    expect(fake.requestsFor('llm-draw', 'Burnley FC')).toHaveLength(1);
    expect(fake.requestsFor('llm-tendency', 'Burnley FC')).toHaveLength(1);
    expect(fake.requestsFor('llm-exact', 'Burnley FC')).toHaveLength(2);
  });

  it('finishes the active job and exits 0 on SIGTERM', async () => {
    // Brighton 2-1 Newcastle, 18 Oct 2025.
    const matchId = await findMatchId(database.db,
      'Brighton & Hove Albion FC', 'Newcastle United FC');
    await runner.run('analysis', { matchId }, jobIdFor('analysis', matchId),
      30_000);
    const alive = workers.filter((w) => w.child.exitCode === null &&
      w.child.signalCode === null);
    expect(alive).toHaveLength(1);
    const [worker] = alive as [WorkerProcess];

    const held = fake.hold('Brighton & Hove Albion FC', 'slow');
    const jobId = jobIdFor('predictions', matchId);
    const outcome = runner.run('predictions',
      { matchId, retroactive: false }, jobId, 30_000);
    await held;
    worker.child.kill('SIGTERM');

    const [exit, finished] = await Promise.all([worker.exited, outcome]);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(finished).toMatchObject({ state: 'completed',
      result: { added: ['llm-draw', 'llm-exact', 'llm-tendency'] } });
    const job = await queues.queue('predictions').getJob(jobId);
    expect(await job?.getState()).toBe('completed');
    expect(worker.lines.some((line) => line.includes('"worker stopped"')))
      .toBe(true);
    const analysis = await database.db.select().from(analyses)
      .where(eq(analyses.matchId, matchId));
    expect(analysis[0]?.complete).toBe(true);
  });
});
