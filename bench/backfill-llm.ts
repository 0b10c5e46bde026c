/**
 * Backfill benchmark, part two: a backfill of 50 gap matches of the real
 * 2025-26 Premier League against a fake OpenAI-compatible server on
 * 127.0.0.1 (20 models, 200 ms per answer), in embedded mode on a fresh
 * PostgreSQL database. Prints the wall time against the lower bound:
 * calls x latency / provider concurrency.
 *
 *     npx tsx bench/backfill-llm.ts [--matches 50] [--models 20]
 *       [--latency 200] [--concurrency 20]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openBackfillEdges } from '../src/backfill/open-backfill-edges.ts';
import { parseBackfillOptions } from '../src/backfill/backfill-options.ts';
import { runBackfill } from '../src/backfill/run-backfill.ts';
import { makeLogger } from '../src/core/logger.ts';
import { sharedDataDir } from '../src/core/paths.ts';
import { queryRows } from '../src/db/query-rows.ts';
import { importFiles } from '../src/import/import-files.ts';
import { loadRoster } from '../src/roster/load-roster.ts';
import { syncRoster } from '../src/roster/sync-roster.ts';
import { openTestDatabase } from '../test/helpers/databases.ts';

const { values } = parseArgs({
  options: {
    matches: { type: 'string', default: '50' },
    models: { type: 'string', default: '20' },
    latency: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '20' },
  },
});
const matchCount = Number(values.matches);
const modelCount = Number(values.models);
const latencyMs = Number(values.latency);
const concurrency = Number(values.concurrency);
const AS_OF = '2026-03-06T00:00:00Z';

// The fake provider: every answer after `latencyMs`, counting calls.
let calls = 0;
let inFlight = 0;
let maxInFlight = 0;
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    calls += 1;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight -= 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({
        id: `fake-${calls}`,
        object: 'chat.completion',
        choices: [{ index: 0, finish_reason: 'stop',
          message: { role: 'assistant', content: '{"home": 2, "away": 1}' } }],
        usage: { prompt_tokens: 500, completion_tokens: 10 },
      }));
    }, latencyMs);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;

const folder = mkdtempSync(path.join(tmpdir(), 'scoreline-bench-'));
const rosterFile = path.join(folder, 'roster.json');
writeFileSync(rosterFile, JSON.stringify({
  providers: [{ id: 'fake', baseUrl: `http://127.0.0.1:${port}/v1`,
    concurrency, timeoutMs: 30_000 }],
  models: Array.from({ length: modelCount }, (_, i) => ({
    id: `fake-${i + 1}`, provider: 'fake', model: `fake-model-${i + 1}`,
    displayName: `Fake ${i + 1}`, active: true,
  })),
}));
process.env.SCORELINE_ROSTER = rosterFile;

const logger = makeLogger('warn');
const database = await openTestDatabase('postgres');
try {
  const data = sharedDataDir();
  await importFiles(database.db, [
    path.join(data, 'openfootball/2025-26/en.1.json'),
    path.join(data, 'football-data/E0-2025-26.csv'),
  ], logger);
  await syncRoster(database.db, loadRoster({ logger }));

  // The window that holds the last `matchCount` finished matches.
  const [edge] = await queryRows<{ kickoff: string }>(database.db, sql`
    select to_json(kickoff) #>> '{}' as kickoff from matches
    where status = 'finished' and kickoff < ${AS_OF}::timestamptz
    order by kickoff desc offset ${matchCount - 1} limit 1`);
  const days = Math.ceil(
    (Date.parse(AS_OF) - Date.parse(edge!.kickoff)) / 86_400_000);
  const options = parseBackfillOptions(
    ['--as-of', AS_OF, '--days', String(days)]);

  const edges = await openBackfillEdges({ database, logger });
  const started = performance.now();
  const run = await runBackfill(options, {
    db: database.db,
    logger,
    makeRunner: () => edges.makeRunner(),
    acquireLock: () => edges.acquireLock(),
  });
  const wallMs = performance.now() - started;
  await edges.close();

  const report = run.report;
  const predictionCalls = report.predictionsAdded;
  const lowerBoundMs =
    (predictionCalls * latencyMs) / Math.min(concurrency, modelCount);
  console.log(
    `backfill of ${report.gapsFound} gap matches (${days} days), ${modelCount} models, ${latencyMs} ms latency, provider concurrency ${concurrency}`,
  );
  console.log(
    `jobs: analysis ${report.analysisJobs}, predictions ${report.predictionJobs}, settlement ${report.settlementJobs}; predictions added ${report.predictionsAdded}; failed ${report.failed.length}; exit ${run.exitCode}`,
  );
  console.log(
    `model calls ${calls}, at most ${maxInFlight} at once; wall ${(wallMs / 1000).toFixed(1)} s, lower bound ${(lowerBoundMs / 1000).toFixed(1)} s (x${(wallMs / lowerBoundMs).toFixed(2)})`,
  );
} finally {
  await database.close();
  server.close();
  rmSync(folder, { recursive: true, force: true });
}
