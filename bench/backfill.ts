/**
 * Backfill benchmark, part one: gap detection at scale. Fills a fresh
 * PostgreSQL database (on TEST_DATABASE_URL's server, dropped at the end)
 * with many matches and predictions, some missing, and times findGaps.
 *
 *     npx tsx bench/backfill.ts [--matches 50000] [--models 40]
 *
 * Part two (a backfill of 50 gap matches against a fake LLM server) is in
 * bench/backfill-llm.ts.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { makeBackfillWindow } from '../src/backfill/backfill-window.ts';
import { findGaps } from '../src/backfill/find-gaps.ts';
import { openTestDatabase } from '../test/helpers/databases.ts';

const { values } = parseArgs({
  options: {
    matches: { type: 'string', default: '50000' },
    models: { type: 'string', default: '40' },
  },
});
const matchCount = Number(values.matches);
const modelCount = Number(values.models);

const database = await openTestDatabase('postgres');
const db = database.db;
try {
  let started = performance.now();
  // One match every two hours ending at the as-of time: 50,000 matches
  // span about 11 years. Every 97th match lacks models 1..(id mod 5)+1.
  const asOf = new Date('2026-03-08T12:00:00Z');
  await db.execute(sql`insert into competitions (id, name, time_zone)
    values ('en.1', 'Premier League', 'Europe/London')`);
  await db.execute(sql`insert into teams (name)
    select 'Team ' || i from generate_series(1, 20) i`);
  await db.execute(sql`insert into models (id, provider, api_model,
      display_name)
    select 'model-' || k, 'bench', 'model-' || k, 'Model ' || k
    from generate_series(1, ${modelCount}::int) k`);
  await db.execute(sql`insert into matches (match_key, competition_id,
      season, home_team_id, away_team_id, kickoff, status, home_goals,
      away_goals)
    select 'm' || i, 'en.1', '2025-26', 1 + i % 20, 1 + (i + 7) % 20,
      ${asOf.toISOString()}::timestamptz - (i * interval '2 hours'),
      'finished', i % 3, i % 2
    from generate_series(1, ${matchCount}::int) i`);
  await db.execute(sql`insert into predictions (match_id, model_id,
      home_goals, away_goals, tendency)
    select m.id, 'model-' || k, 1, 0, 'H'
    from matches m cross join generate_series(1, ${modelCount}::int) k
    where m.id % 97 <> 0 or k > m.id % 5 + 1`);
  await db.execute(sql`analyze`);
  const [counts] = (
    (await db.execute(sql`select
      (select count(*)::int from matches) as matches,
      (select count(*)::int from predictions) as predictions`)) as unknown as {
      rows: { matches: number; predictions: number }[];
    }
  ).rows;
  console.log(
    `filled ${counts?.matches} matches, ${counts?.predictions} predictions, ${modelCount} models in ${Math.round(performance.now() - started)} ms`,
  );

  for (const days of [7, 30, 365, 10_000]) {
    const window = makeBackfillWindow(asOf, days);
    const times: number[] = [];
    let gaps = 0;
    for (let run = 0; run < 5; run += 1) {
      started = performance.now();
      gaps = (await findGaps(db, window)).length;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `gap detection, ${days} days: ${gaps} gaps, median ${times[2]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times[4]!.toFixed(1)})`,
    );
  }
} finally {
  await database.close();
}
