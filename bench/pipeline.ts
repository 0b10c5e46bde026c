/**
 * Throughput of the pipeline in embedded mode, on the real 2025-26 Premier
 * League (with 2024-25 for form), in an in-memory PGlite:
 * 1. the predictions stage alone, with LLMs on a local fake
 *    OpenAI-compatible server that answers after a fixed latency;
 * 2. a replay of the first weeks with the built-in baselines.
 *
 *   npx tsx bench/pipeline.ts [--models 20] [--latency 50]
 *     [--concurrency 8] [--matches 30]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { sharedDataDir } from '../src/core/paths.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { predictions } from '../src/db/schema.ts';
import { importFiles } from '../src/import/import-files.ts';
import { EmbeddedStageRunner } from '../src/pipeline/embedded-stage-runner.ts';
import { jobIdFor } from '../src/pipeline/job-ids.ts';
import { runReplay } from '../src/pipeline/run-replay.ts';
import { makeStageProcessors } from '../src/pipeline/stage-processors.ts';
import { makeForecasters } from '../src/predictions/make-forecasters.ts';
import { parseRoster } from '../src/roster/load-roster.ts';
import { syncRoster } from '../src/roster/sync-roster.ts';
import { FakeLlmServer, completion } from '../test/llm/fake-llm-server.ts';

const { values } = parseArgs({
  options: {
    models: { type: 'string', default: '20' },
    latency: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8' },
    matches: { type: 'string', default: '30' },
  },
});
const modelCount = Number(values.models);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);
const matchCount = Number(values.matches);
const logger = pino({ level: 'silent' });

const data = sharedDataDir();
const files = [
  path.join(data, 'openfootball', '2024-25', 'en.1.json'),
  path.join(data, 'football-data', 'E0-2024-25.csv'),
  path.join(data, 'openfootball', '2025-26', 'en.1.json'),
  path.join(data, 'football-data', 'E0-2025-26.csv'),
];

const database = await openDatabase({ dataDir: 'memory://' });
const { db } = database;
let started = performance.now();
await importFiles(db, files, logger);
console.log(`import: ${((performance.now() - started) / 1000).toFixed(1)} s`);

// 1. Predictions stage with LLMs at a fixed latency.
const modelIds = Array.from({ length: modelCount }, (_, i) => `llm-${i}`);
const server = new FakeLlmServer(Object.fromEntries(modelIds.map((id) => [
  id,
  () => ({ delayMs: latencyMs,
    body: completion({ content: '{"home": 1, "away": 1}' }) }),
])));
const baseUrl = await server.start();
const llmRoster = parseRoster({
  providers: [{ id: 'fake', baseUrl, concurrency, timeoutMs: 30_000 }],
  models: modelIds.map((id) => ({ id, provider: 'fake', model: id,
    displayName: id, active: true })),
}, 'bench-roster.json', {});
await syncRoster(db, llmRoster);
const llmDeps = { db, roster: llmRoster, logger };
const llmRunner = new EmbeddedStageRunner(makeStageProcessors({
  ...llmDeps, forecasters: makeForecasters(llmRoster, llmDeps) }));

const ids = (await db.query.matches.findMany({
  columns: { id: true },
  where: (m, { gte }) => gte(m.kickoff, new Date('2025-09-01T00:00:00Z')),
  orderBy: (m, { asc }) => [asc(m.kickoff), asc(m.id)],
  limit: matchCount,
})).map((row) => row.id);
for (const matchId of ids) {
  await llmRunner.run('analysis', { matchId }, jobIdFor('analysis', matchId),
    60_000);
}
const bound = (ids.length * modelCount * latencyMs) / concurrency / 1000;
// One match at a time (as the backfill runs), then 4 matches at once (as
// several workers would): the provider gate is shared by all of them.
for (const lanes of [1, 4]) {
  await db.delete(predictions);
  started = performance.now();
  let added = 0;
  let next = 0;
  await Promise.all(Array.from({ length: lanes }, async () => {
    while (next < ids.length) {
      const matchId = ids[next++] as number;
      const outcome = await llmRunner.run('predictions',
        { matchId, retroactive: false }, jobIdFor('predictions', matchId),
        60_000);
      if (outcome.state === 'completed') added += outcome.result.added.length;
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `predictions stage, ${lanes} match(es) at once: ${ids.length} matches ` +
    `x ${modelCount} models, ${latencyMs} ms latency, provider concurrency ` +
    `${concurrency}: ${added} predictions in ${seconds.toFixed(2)} s = ` +
    `${(added / seconds).toFixed(0)} predictions/s, ` +
    `${(ids.length / seconds).toFixed(2)} matches/s ` +
    `(lower bound ${bound.toFixed(2)} s)`,
  );
}
await llmRunner.close();
await server.stop();

// 2. Replay of the first weeks with the baselines.
await db.delete(predictions);
const baselineRoster = parseRoster({
  providers: [],
  models: ['poisson', 'dixon-coles', 'elo', 'market', 'form',
    'most-common-score', 'home-win-1-0'].map((id) => ({ id,
    provider: 'baseline', model: id, displayName: id, active: true })),
}, 'bench-baselines.json', {});
await syncRoster(db, baselineRoster);
const baseDeps = { db, roster: baselineRoster, logger };
const replayRunner = new EmbeddedStageRunner(makeStageProcessors({
  ...baseDeps, forecasters: makeForecasters(baselineRoster, baseDeps) }));
const report = await runReplay({ db, runner: replayRunner, logger,
  from: new Date('2025-08-15T00:00:00Z'), to: new Date('2025-10-15T00:00:00Z'),
  competitionId: 'en.1', failRate: 0, seed: 1 });
console.log(
  `replay 2025-08-15 to 2025-10-14, 7 baselines: ${report.matches} matches, ` +
  `${report.predictionsAdded} predictions in ` +
  `${(report.durationMs / 1000).toFixed(2)} s = ` +
  `${report.matchesPerSecond.toFixed(2)} matches/s`,
);
await replayRunner.close();
await database.close();
