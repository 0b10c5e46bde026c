import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../../test/helpers/databases.ts';
import { seedMatches } from '../../test/predictions/seed-matches.ts';
import { loadPastResults, makePastResultsLoader } from './load-past-results.ts';

describe.each(DATABASE_KINDS)('loadPastResults on %s', (kind) => {
  let database: TestDatabase;
  let ids: number[];
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ids = await seedMatches(database.db, [
      { kickoff: '2024-10-20T14:00:00Z', status: 'finished', score: [3, 1], analysis: false },
      { kickoff: '2024-10-05T11:30:00Z', status: 'finished', score: [0, 2], analysis: false },
      { kickoff: '2024-10-26T15:00:00Z', status: 'postponed', analysis: false },
      { kickoff: '2024-11-09T15:00:00Z', status: 'finished', score: [1, 1], analysis: false },
      { kickoff: '2024-11-09T17:30:00Z', status: 'finished', score: [2, 2], analysis: false },
    ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('gives finished matches strictly before the kickoff, oldest first', async () => {
    const past = await loadPastResults(database.db, new Date('2024-11-09T15:00:00Z'));
    expect(past.map((p) => [p.matchId, p.kickoff.toISOString(), p.homeGoals, p.awayGoals]))
      .toEqual([
        [ids[1], '2024-10-05T11:30:00.000Z', 0, 2],
        [ids[0], '2024-10-20T14:00:00.000Z', 3, 1],
      ]);
    expect(past[0]).toMatchObject({ competitionId: 'en.1', season: '2024/25' });
    expect(past[0]!.homeTeamId).not.toBe(past[0]!.awayTeamId);
  });

  it('queries once however many models ask', async () => {
    const load = makePastResultsLoader(database.db, new Date('2024-11-10T00:00:00Z'));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(a.map((p) => p.matchId)).toEqual([ids[1], ids[0], ids[3], ids[4]]);
  });
});
