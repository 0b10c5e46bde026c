/**
 * Wall time of the predictions stage for one match against its lower
 * bound: 20 models behind a fake OpenAI-compatible server on 127.0.0.1
 * that answers after 200 ms, for a few provider concurrency settings.
 * The lower bound is models x latency / concurrency (rounded up to whole
 * waves). The embedded PGlite database stores the predictions. The
 * column "HTTP only" is the same 20 requests through the same gate with
 * bare fetch, no prompt, parsing or database: the floor this machine and
 * the fake server allow.
 *
 *   npx tsx bench/predictions-stage.ts [--matches 3] [--db pglite|postgres]
 *
 * `--db postgres` uses a fresh database on the test server
 * (TEST_DATABASE_URL), dropped at the end.
 */
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ProviderGate, ProviderGates } from '../src/llm/provider-gate.ts';
import { predictMatch } from '../src/predictions/predict-match.ts';
import { parseRoster } from '../src/roster/load-roster.ts';
import { syncRoster } from '../src/roster/sync-roster.ts';
import { completion, FakeLlmServer } from '../test/llm/fake-llm-server.ts';
import { openTestDatabase } from '../test/helpers/databases.ts';
import { seedMatches } from '../test/predictions/seed-matches.ts';

const MODELS = 20;
const LATENCY_MS = 200;
const CONCURRENCY = [1, 4, 10, 20];

const { values } = parseArgs({
  options: {
    matches: { type: 'string', default: '3' },
    db: { type: 'string', default: 'pglite' },
  },
});
const matchesPerSetting = Number(values.matches);

const names = Array.from({ length: MODELS }, (_, i) => `bench-${i + 1}`);
const server = new FakeLlmServer(
  Object.fromEntries(
    names.map((name, i) => [
      name,
      () => ({
        delayMs: LATENCY_MS,
        body: completion({ content: `{"home": ${i % 4}, "away": ${i % 3}}` }),
      }),
    ]),
  ),
);
const baseUrl = await server.start();
const database = await openTestDatabase(
  values.db === 'postgres' ? 'postgres' : 'pglite',
);
const logger = pino({ level: 'silent' });
let day = 1;

console.log(
  `${MODELS} models, ${LATENCY_MS} ms latency, ${matchesPerSetting} ` +
    `match(es) per setting, ${database.kind}`,
);
console.log(
  'concurrency  lower bound  HTTP only  mean wall time  best  ratio  peak',
);
try {
  for (const concurrency of CONCURRENCY) {
    const roster = parseRoster(
      {
        providers: [{ id: 'bench', baseUrl, concurrency }],
        models: names.map((name) => ({
          id: name,
          provider: 'bench',
          model: name,
          displayName: name,
          active: true,
        })),
      },
      'bench-roster.json',
      {},
    );
    await syncRoster(database.db, roster);
    const gates = new ProviderGates();
    server.maxInFlight = 0;
    const times: number[] = [];
    for (let m = 0; m < matchesPerSetting; m += 1) {
      const kickoff = `2025-01-${String(day++).padStart(2, '0')}T15:00:00Z`;
      const [matchId] = await seedMatches(database.db, [
        { kickoff, status: 'scheduled' },
      ]);
      const started = performance.now();
      const result = await predictMatch(
        { db: database.db, roster, logger, gates, env: {} },
        { matchId: matchId!, retroactive: false },
      );
      times.push(performance.now() - started);
      if (result.added.length !== MODELS) {
        throw new Error(`only ${result.added.length} predictions stored`);
      }
    }
    const httpOnly = await timeBareRequests(concurrency);
    const bound = Math.ceil(MODELS / concurrency) * LATENCY_MS;
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `${String(concurrency).padStart(11)}  ${`${bound} ms`.padStart(11)}  ` +
        `${`${httpOnly.toFixed(0)} ms`.padStart(9)}  ` +
        `${`${mean.toFixed(0)} ms`.padStart(14)}  ` +
        `${Math.min(...times).toFixed(0).padStart(4)}  ` +
        `${(mean / bound).toFixed(2).padStart(5)}  ` +
        `${String(server.maxInFlight).padStart(4)}`,
    );
  }
} finally {
  await server.stop();
  await database.close();
}

/** Mean time of the 20 requests through a gate with bare fetch. */
async function timeBareRequests(concurrency: number): Promise<number> {
  const gate = new ProviderGate({ concurrency, requestsPerMinute: null });
  const times: number[] = [];
  for (let m = 0; m < matchesPerSetting; m += 1) {
    const started = performance.now();
    await Promise.all(
      names.map((name) =>
        gate.run(async () => {
          const response = await fetch(`${baseUrl}/chat/completions`, {
            method: 'POST',
            body: JSON.stringify({ model: name, messages: [] }),
          });
          await response.text();
        }),
      ),
    );
    times.push(performance.now() - started);
  }
  return times.reduce((a, b) => a + b, 0) / times.length;
}
