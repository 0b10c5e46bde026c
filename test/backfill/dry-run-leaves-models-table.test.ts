// A dry run changes nothing: run with another roster file it must not
// write that roster into the models table (which would deactivate models
// the workers and the next backfill still predict with).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.ts';
import { queryRows } from '../../src/db/query-rows.ts';
import { runCli } from '../helpers/cli-process.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'brk2-roster-'));
const full = path.join(dir, 'full.json');
const onlyElo = path.join(dir, 'only-elo.json');
const model = (id: string) => ({ id, provider: 'baseline', model: id, displayName: id });
writeFileSync(full, JSON.stringify({ models: [model('elo'), model('poisson')] }));
writeFileSync(onlyElo, JSON.stringify({ models: [model('elo')] }));

describe('backfill --dry-run', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await db.close();
  });

  it('leaves the models table as it was', async () => {
    const env = { DATABASE_URL: db.url ?? undefined };
    const sync = await runCli(['models', 'sync'], { ...env, SCORELINE_ROSTER: full });
    expect(sync.code).toBe(0);
    const before = await queryRows<{ id: string; active: boolean }>(
      db.db, sql`select id, active from models order by id`);
    expect(before).toEqual([{ id: 'elo', active: true }, { id: 'poisson', active: true }]);

    const dry = await runCli(['backfill', '--dry-run', '--days', '0'], {
      ...env, SCORELINE_ROSTER: onlyElo,
    });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('dry run');
    const after = await queryRows<{ id: string; active: boolean }>(
      db.db, sql`select id, active from models order by id`);
    expect(after).toEqual(before);
  }, 60_000);
});
