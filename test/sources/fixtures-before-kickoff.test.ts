import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envelopeSchema } from '../../src/sources/api-football/envelope-schema.ts';
import { fixtureSchema } from '../../src/sources/api-football/fixture-schema.ts';
import { fixturesBeforeKickoff } from '../../src/sources/api-football/fixtures-before-kickoff.ts';
import { mapFixture } from '../../src/sources/api-football/map-fixture.ts';
import { rebuildTable } from '../../src/sources/api-football/rebuild-table.ts';
import { recordedEnvelope } from './recorded-responses.ts';

const meetings = z
  .array(fixtureSchema)
  .parse(
    envelopeSchema.parse(
      recordedEnvelope('fixtures-headtohead-manutd-mancity-2021-2023.json'),
    ).response,
  )
  .map((f) => mapFixture(f));

// Manchester United v Manchester City, 14 January 2023, 12:30 UTC.
const derby = { fixtureId: 868141, kickoff: new Date('2023-01-14T12:30:00Z') };

describe('fixturesBeforeKickoff', () => {
  it('drops the match itself and later meetings, newest first', () => {
    const before = fixturesBeforeKickoff(meetings, derby);
    // Read off the file: five meetings before 2023-01-14, two after it.
    expect(before.map((f) => f.fixtureId)).toEqual([
      868033, 710830, 710663, 592761, 653808,
    ]);
    expect(before.some((f) => f.fixtureId === 1023277)).toBe(false);
    expect(before.some((f) => f.fixtureId === 1035134)).toBe(false);
  });

  it('drops a match still running at kickoff and unfinished ones', () => {
    const [latest] = fixturesBeforeKickoff(meetings, derby);
    const twoHoursEarlier = {
      ...latest!,
      fixtureId: 1,
      kickoff: new Date('2023-01-14T10:30:00Z'),
    };
    const postponed = {
      ...latest!,
      fixtureId: 2,
      status: 'postponed' as const,
      score: null,
    };
    const before = fixturesBeforeKickoff(
      [...meetings, twoHoursEarlier, postponed],
      derby,
    );
    expect(before.map((f) => f.fixtureId)).not.toContain(1);
    expect(before.map((f) => f.fixtureId)).not.toContain(2);
    expect(before).toHaveLength(5);
  });
});

describe('rebuildTable', () => {
  it('adds up the results before kickoff', () => {
    const table = rebuildTable(fixturesBeforeKickoff(meetings, derby));
    // City: won 2-0, 2-0 (away), 4-1, 6-3 (home), lost 0-2 (home).
    expect(table[0]).toEqual({
      teamId: 50,
      teamName: 'Manchester City',
      line: {
        position: 1, played: 5, won: 4, drawn: 0, lost: 1,
        goalsFor: 14, goalsAgainst: 6, goalDifference: 8, points: 12,
        home: {
          played: 3, won: 2, drawn: 0, lost: 1, goalsFor: 10, goalsAgainst: 6,
        },
        away: {
          played: 2, won: 2, drawn: 0, lost: 0, goalsFor: 4, goalsAgainst: 0,
        },
      },
    });
    expect(table[1]?.line).toMatchObject({
      position: 2, played: 5, won: 1, lost: 4, points: 3,
      goalsFor: 6, goalsAgainst: 14,
    });
  });
});
