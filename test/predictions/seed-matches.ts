import type { MatchStatus } from '../../src/core/types.ts';
import type { Db } from '../../src/db/open-database.ts';
import { analyses, competitions, matches, teams } from '../../src/db/schema.ts';
import { sampleContext } from '../llm/sample-context.ts';

export interface SeedMatch {
  kickoff: string;
  status: MatchStatus;
  score?: [number, number];
  /** Store a complete analysis (default true). */
  analysis?: boolean;
}

/**
 * Seeds a competition, two teams and the given matches (Arsenal FC at
 * home to Chelsea FC each time); returns the match ids in order.
 */
export async function seedMatches(db: Db, list: SeedMatch[]): Promise<number[]> {
  await db
    .insert(competitions)
    .values({ id: 'en.1', name: 'Premier League', timeZone: 'Europe/London' })
    .onConflictDoNothing();
  const [home, away] = await db
    .insert(teams)
    .values([{ name: 'Arsenal FC' }, { name: 'Chelsea FC' }])
    .onConflictDoUpdate({ target: teams.name, set: { name: teams.name } })
    .returning({ id: teams.id });
  const ids: number[] = [];
  for (const [index, match] of list.entries()) {
    const [row] = await db
      .insert(matches)
      .values({
        matchKey: `en.1/2024-25/${match.kickoff}/${index}`,
        competitionId: 'en.1',
        season: '2024/25',
        homeTeamId: home!.id,
        awayTeamId: away!.id,
        kickoff: new Date(match.kickoff),
        status: match.status,
        homeGoals: match.score?.[0] ?? null,
        awayGoals: match.score?.[1] ?? null,
      })
      .returning({ id: matches.id });
    ids.push(row!.id);
    if (match.analysis ?? true) {
      const context = { ...sampleContext(row!.id), kickoff: match.kickoff };
      await db.insert(analyses).values({
        matchId: row!.id,
        asOf: new Date(match.kickoff),
        context,
        complete: true,
      });
    }
  }
  return ids;
}
