import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createEmptyPostgresDatabase,
  DATABASE_KINDS,
  openTestDatabase,
} from '../../test/helpers/databases.ts';
import { openDatabase } from './open-database.ts';
import { queryRows } from './query-rows.ts';
import { competitions, matches, teams } from './schema.ts';

describe.each(DATABASE_KINDS)('database on %s', (kind) => {
  it('stores a kickoff as the same instant whatever the process TZ', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { db } = database;
      await db.insert(competitions).values({
        id: 'en.1', name: 'Premier League', timeZone: 'Europe/London',
      });
      const [home, away] = await db
        .insert(teams)
        .values([{ name: 'Liverpool FC' }, { name: 'AFC Bournemouth' }])
        .returning();
      const kickoff = new Date('2025-08-15T19:00:00Z');
      await db.insert(matches).values({
        matchKey: 'k1', competitionId: 'en.1', season: '2025-26',
        homeTeamId: home!.id, awayTeamId: away!.id, kickoff,
        status: 'finished', homeGoals: 4, awayGoals: 2,
      });
      const rows = await queryRows<{ iso: string }>(
        db,
        sql`select to_char(kickoff at time zone 'UTC',
          'YYYY-MM-DD"T"HH24:MI:SS"Z"') as iso from matches`,
      );
      expect(rows[0]?.iso).toBe('2025-08-15T19:00:00Z');
      const [back] = await db.select().from(matches);
      expect(back?.kickoff.toISOString()).toBe('2025-08-15T19:00:00.000Z');
    } finally {
      await database.close();
    }
  });

  it('enforces one prediction per match and model', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { db } = database;
      await db.execute(sql`insert into competitions values ('c', 'C', 'UTC')`);
      await db.execute(sql`insert into teams (name) values ('A'), ('B')`);
      await db.execute(sql`insert into matches (match_key, competition_id,
        season, home_team_id, away_team_id, kickoff, status)
        values ('m', 'c', 's', 1, 2, now(), 'scheduled')`);
      await db.execute(sql`insert into models (id, provider, api_model,
        display_name) values ('m1', 'p', 'x', 'M1')`);
      const insert = sql`insert into predictions (match_id, model_id,
        home_goals, away_goals, tendency) values (1, 'm1', 1, 0, 'H')`;
      await db.execute(insert);
      await expect(db.execute(insert)).rejects.toThrow();
    } finally {
      await database.close();
    }
  });
});

describe('migrations', () => {
  it('are safe when two processes open the same PostgreSQL at once', async () => {
    const empty = await createEmptyPostgresDatabase();
    try {
      const opened = await Promise.all([
        openDatabase({ url: empty.url }),
        openDatabase({ url: empty.url }),
        openDatabase({ url: empty.url }),
      ]);
      const rows = await queryRows<{ n: number }>(
        opened[0]!.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(rows[0]?.n).toBeGreaterThan(0);
      await Promise.all(opened.map((d) => d.close()));
    } finally {
      await empty.drop();
    }
  });

  it('keeps the embedded database in a folder across reopenings', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scoreline-db-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await first.db.insert(teams).values({ name: 'Arsenal FC' });
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
      await first.close();
      const second = await openDatabase({ dataDir: dir });
      const rows = await second.db.select().from(teams);
      expect(rows.map((r) => r.name)).toEqual(['Arsenal FC']);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
