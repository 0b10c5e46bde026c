import { sql } from 'drizzle-orm';
import type { MatchContext } from '../../src/core/types.ts';
import type { Db } from '../../src/db/open-database.ts';
import {
  analyses,
  competitions,
  matches,
  models,
  predictions,
  teams,
} from '../../src/db/schema.ts';

/** A competition `en.1` and two teams; returns their ids. */
export async function seedBasics(
  db: Db,
): Promise<{ homeTeamId: number; awayTeamId: number }> {
  await db
    .insert(competitions)
    .values({ id: 'en.1', name: 'Premier League', timeZone: 'Europe/London' })
    .onConflictDoNothing();
  await db
    .insert(competitions)
    .values({ id: 'de.1', name: 'Bundesliga', timeZone: 'Europe/Berlin' })
    .onConflictDoNothing();
  const rows = await db
    .insert(teams)
    .values([{ name: 'Home FC' }, { name: 'Away FC' }])
    .onConflictDoNothing()
    .returning({ id: teams.id });
  if (rows.length === 2) {
    return { homeTeamId: rows[0]!.id, awayTeamId: rows[1]!.id };
  }
  const all = await db.select({ id: teams.id }).from(teams).orderBy(teams.id);
  return { homeTeamId: all[0]!.id, awayTeamId: all[1]!.id };
}

export interface MatchSeed {
  key: string;
  kickoff: string;
  status: string;
  score?: [number, number];
  competitionId?: string;
  apiFootballFixtureId?: number;
}

/** Inserts a match between the two seeded teams; returns its id. */
export async function insertMatch(db: Db, seed: MatchSeed): Promise<number> {
  const { homeTeamId, awayTeamId } = await seedBasics(db);
  const [row] = await db
    .insert(matches)
    .values({
      matchKey: seed.key,
      competitionId: seed.competitionId ?? 'en.1',
      season: '2025-26',
      homeTeamId,
      awayTeamId,
      kickoff: new Date(seed.kickoff),
      status: seed.status,
      homeGoals: seed.score?.[0] ?? null,
      awayGoals: seed.score?.[1] ?? null,
      apiFootballFixtureId: seed.apiFootballFixtureId ?? null,
    })
    .returning({ id: matches.id });
  return row!.id;
}

/** Inserts baseline models; `active: false` or `disabled` as asked. */
export async function insertModels(
  db: Db,
  ids: string[],
  state: { active?: boolean; disabled?: boolean } = {},
): Promise<void> {
  await db.insert(models).values(
    ids.map((id) => ({
      id,
      provider: 'test',
      apiModel: id,
      displayName: id,
      kind: 'baseline',
      active: state.active ?? true,
      disabledAt: state.disabled ? new Date('2026-01-01T00:00:00Z') : null,
    })),
  );
}

/** Inserts one prediction 1-0 of a model for a match. */
export async function insertPrediction(
  db: Db,
  matchId: number,
  modelId: string,
  score: [number, number] = [1, 0],
): Promise<void> {
  const [home, away] = score;
  await db.insert(predictions).values({
    matchId,
    modelId,
    homeGoals: home,
    awayGoals: away,
    tendency: home > away ? 'H' : home < away ? 'A' : 'D',
  });
}

/** An analysis row: complete (with a stub context) or an empty one. */
export async function insertAnalysis(
  db: Db,
  matchId: number,
  complete: boolean,
): Promise<void> {
  await db.insert(analyses).values({
    matchId,
    asOf: new Date('2026-01-01T00:00:00Z'),
    context: complete ? ({ matchId } as unknown as MatchContext) : null,
    complete,
  });
}

/** Number of predictions of a match. */
export async function countPredictions(
  db: Db,
  matchId: number,
): Promise<number> {
  const result = (await db.execute(
    sql`select count(*)::int as n from predictions where match_id = ${matchId}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}
