import type { Db } from '../../src/db/open-database.ts';
import { insertPrediction } from '../../src/db/predictions.ts';
import { competitions, matches, models, teams } from '../../src/db/schema.ts';

/** Test data for scoring: competitions, teams, models and matches. */

let nextKey = 0;

/** Adds competitions `c1` and `c2`, and models `m1` to `m<count>`. */
export async function seedBasics(db: Db, modelCount = 8): Promise<void> {
  await db.insert(competitions).values([
    { id: 'c1', name: 'League One', timeZone: 'Europe/London' },
    { id: 'c2', name: 'League Two', timeZone: 'Europe/Berlin' },
  ]);
  await db.insert(models).values(
    Array.from({ length: modelCount }, (_, i) => ({
      id: `m${i + 1}`,
      provider: 'test',
      apiModel: `model-${i + 1}`,
      displayName: `Model ${i + 1}`,
    })),
  );
}

export interface TestMatch {
  status: string;
  score?: [number, number] | null;
  kickoff?: string;
  competitionId?: string;
  homeTeam?: string;
  awayTeam?: string;
}

/** Adds a match (and its teams when new); returns its id. */
export async function addMatch(db: Db, match: TestMatch): Promise<number> {
  nextKey += 1;
  const homeId = await teamId(db, match.homeTeam ?? `Home ${nextKey}`);
  const awayId = await teamId(db, match.awayTeam ?? `Away ${nextKey}`);
  const [row] = await db
    .insert(matches)
    .values({
      matchKey: `test-${nextKey}-${Math.random()}`,
      competitionId: match.competitionId ?? 'c1',
      season: '2025-26',
      homeTeamId: homeId,
      awayTeamId: awayId,
      kickoff: new Date(match.kickoff ?? '2025-09-01T14:00:00Z'),
      status: match.status,
      homeGoals: match.score?.[0] ?? null,
      awayGoals: match.score?.[1] ?? null,
    })
    .returning({ id: matches.id });
  return row!.id;
}

/** Adds predictions given as `{ m1: [2, 1], ... }`. */
export async function addPredictions(
  db: Db,
  matchId: number,
  scores: Record<string, [number, number]>,
  retroactive = false,
): Promise<void> {
  for (const [modelId, [homeGoals, awayGoals]] of Object.entries(scores)) {
    await insertPrediction(db, {
      matchId, modelId, homeGoals, awayGoals, retroactive,
    });
  }
}

async function teamId(db: Db, name: string): Promise<number> {
  const [row] = await db
    .insert(teams)
    .values({ name })
    .onConflictDoUpdate({ target: teams.name, set: { name } })
    .returning({ id: teams.id });
  return row!.id;
}
