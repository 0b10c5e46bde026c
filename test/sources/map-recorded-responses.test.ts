import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { envelopeSchema } from '../../src/sources/api-football/envelope-schema.ts';
import { fixtureSchema } from '../../src/sources/api-football/fixture-schema.ts';
import {
  mapFixture,
  type SourceFixture,
} from '../../src/sources/api-football/map-fixture.ts';
import {
  injuryLines,
  injurySchema,
  mapInjury,
} from '../../src/sources/api-football/map-injuries.ts';
import { mapOdds, oddsSchema } from '../../src/sources/api-football/map-odds.ts';
import {
  mapPrediction,
  predictionSchema,
} from '../../src/sources/api-football/map-prediction.ts';
import {
  mapStandings,
  standingsSchema,
} from '../../src/sources/api-football/map-standings.ts';
import {
  mapTeamStatistics,
  teamStatisticsSchema,
} from '../../src/sources/api-football/map-team-statistics.ts';
import { loadRecordedResponses, recordedEnvelope } from './recorded-responses.ts';

function responseOf(file: string): unknown {
  return envelopeSchema.parse(recordedEnvelope(file)).response;
}

function fixturesOf(file: string): SourceFixture[] {
  const raw = z.array(fixtureSchema).parse(responseOf(file));
  return raw.map((f) => mapFixture(f));
}

function countBy<T>(items: T[], key: (item: T) => string) {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** A pair as the provider writes it, or null when a side is unknown. */
function known(pair: { home: number | null; away: number | null } | null) {
  if (!pair || pair.home === null || pair.away === null) return null;
  return [pair.home, pair.away];
}

function pairOf(score: { home: number; away: number } | null) {
  return score ? [score.home, score.away] : null;
}

const byId = (fixtures: SourceFixture[], id: number) =>
  fixtures.find((f) => f.fixtureId === id);

describe('mapping of the recorded API-Football responses', () => {
  it('validates every recorded envelope, fixtures included', () => {
    const recorded = loadRecordedResponses();
    expect(recorded).toHaveLength(16);
    let fixtures = 0;
    for (const { file, envelope } of recorded) {
      const parsed = envelopeSchema.parse(envelope);
      expect(parsed.errors, file).toEqual([]);
      if (parsed.get.startsWith('fixtures')) {
        const mapped = fixturesOf(file);
        expect(mapped, file).toHaveLength(parsed.results);
        fixtures += mapped.length;
        for (const fixture of mapped) {
          expect(fixture.status, `${file} ${fixture.fixtureId}`).not.toBeNull();
        }
      }
    }
    // 29 + 284 + 191 + 8 + 18 + 54 + 71 + 2 fixtures (README counts).
    expect(fixtures).toBe(657);
  });

  it('keeps kickoff, teams and every score of every recorded fixture', () => {
    let checked = 0;
    for (const { file, envelope } of loadRecordedResponses()) {
      if (!String(envelope.get).startsWith('fixtures')) continue;
      type Pair = { home: number | null; away: number | null } | null;
      const raw = envelope.response as {
        fixture: { id: number; date: string };
        teams: { home: { name: string }; away: { name: string } };
        goals: Pair;
        score: Record<'halftime' | 'fulltime' | 'extratime' | 'penalty', Pair>;
      }[];
      const mapped = fixturesOf(file);
      raw.forEach((item, index) => {
        const fixture = mapped[index]!;
        const where = `${file} ${item.fixture.id}`;
        // The local date string with its offset is the same instant.
        expect(fixture.kickoff.getTime(), where)
          .toBe(Date.parse(item.fixture.date));
        expect(fixture.home.name, where).toBe(item.teams.home.name);
        expect(fixture.away.name, where).toBe(item.teams.away.name);
        expect(pairOf(fixture.score), where).toEqual(known(item.score.fulltime));
        expect(pairOf(fixture.halfTime), where)
          .toEqual(known(item.score.halftime));
        expect(pairOf(fixture.extraTime), where)
          .toEqual(known(item.score.extratime));
        expect(pairOf(fixture.penalties), where)
          .toEqual(known(item.score.penalty));
        expect(pairOf(fixture.currentGoals), where).toEqual(known(item.goals));
        checked += 1;
      });
    }
    expect(checked).toBe(657);
  });

  it('maps the statuses of a day with postponed, cancelled and awarded', () => {
    const fixtures = fixturesOf(
      'fixtures-date-2026-02-11-all-leagues-ft-pst-canc-pen-awd.json',
    );
    expect(countBy(fixtures, (f) => f.statusCode)).toEqual({
      FT: 246, PST: 16, PEN: 6, CANC: 6, NS: 8, AET: 1, AWD: 1,
    });
    expect(countBy(fixtures, (f) => f.status ?? 'unknown')).toEqual({
      finished: 253, postponed: 16, cancelled: 6, scheduled: 8, awarded: 1,
    });
  });

  it('maps live statuses and the EPL postponements of September 2022', () => {
    const live = fixturesOf('fixtures-live-all-1h-ht-2h.json');
    expect(countBy(live, (f) => f.status ?? 'unknown')).toEqual({ live: 18 });
    expect(live.every((f) => f.score === null)).toBe(true);
    expect(live.every((f) => f.currentGoals !== null)).toBe(true);

    const epl = fixturesOf('fixtures-epl-2022-09-05-to-10-02-pst-ns-ft.json');
    expect(countBy(epl, (f) => f.status ?? 'unknown')).toEqual({
      postponed: 13, scheduled: 9, finished: 7,
    });
  });

  it('keeps the regular-time score apart from extra time and penalties', () => {
    const ucl = fixturesOf('fixtures-ucl-2023-24-pen-shootouts.json');
    const atletico = byId(ucl, 1149519)!;
    expect(atletico.status).toBe('finished');
    expect(atletico.home.name).toBe('Atletico Madrid');
    expect(atletico.away.name).toBe('Inter');
    expect(atletico.score).toEqual({ home: 2, away: 1 });
    expect(atletico.halfTime).toEqual({ home: 1, away: 1 });
    expect(atletico.extraTime).toEqual({ home: 0, away: 0 });
    expect(atletico.penalties).toEqual({ home: 3, away: 2 });
    expect(atletico.kickoff.toISOString()).toBe('2024-03-13T20:00:00.000Z');

    const day = fixturesOf(
      'fixtures-date-2026-02-11-all-leagues-ft-pst-canc-pen-awd.json',
    );
    // AET 3-5 in goals: 3-3 after 90 minutes, 0-2 in extra time.
    const aet = byId(day, 1516467)!;
    expect(aet.score).toEqual({ home: 3, away: 3 });
    expect(aet.extraTime).toEqual({ home: 0, away: 2 });
    expect(aet.currentGoals).toEqual({ home: 3, away: 5 });
    // A shoot-out straight after 90 minutes has no extra time.
    const shootOut = byId(day, 1499253)!;
    expect(shootOut.score).toEqual({ home: 1, away: 0 });
    expect(shootOut.extraTime).toBeNull();
    expect(shootOut.penalties).toEqual({ home: 5, away: 3 });
    // Extra time with goals, then penalties.
    const long = byId(day, 1491733)!;
    expect(long.score).toEqual({ home: 2, away: 2 });
    expect(long.extraTime).toEqual({ home: 1, away: 1 });
    expect(long.penalties).toEqual({ home: 10, away: 11 });
  });

  it('maps an awarded match with its result and no half-time score', () => {
    const day = fixturesOf(
      'fixtures-date-2026-02-11-all-leagues-ft-pst-canc-pen-awd.json',
    );
    const awarded = byId(day, 1466189)!;
    expect(awarded.status).toBe('awarded');
    expect(awarded.score).toEqual({ home: 3, away: 0 });
    expect(awarded.halfTime).toBeNull();
    const cancelled = byId(day, 1503599)!;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.score).toBeNull();
  });

  it('takes the kickoff from the timestamp, whatever the time zone', () => {
    const day = fixturesOf(
      'fixtures-date-2026-02-11-all-leagues-ft-pst-canc-pen-awd.json',
    );
    // Aston Villa v Brighton: 20:30+01:00 in the Europe/Rome answer.
    const villa = byId(day, 1379219)!;
    expect(villa.kickoff.toISOString()).toBe('2026-02-11T19:30:00.000Z');
    expect(villa.home.name).toBe('Aston Villa');
    expect(villa.score).toEqual({ home: 1, away: 0 });
    for (const fixture of day) {
      expect(fixture.kickoff.getUTCFullYear()).toBe(2026);
    }
  });

  it('maps a team season with a cancelled friendly and a shoot-out', () => {
    const season = fixturesOf(
      'fixtures-team-manutd-season-2021-ft-canc-pen.json',
    );
    expect(countBy(season, (f) => f.statusCode)).toEqual({
      FT: 52, CANC: 1, PEN: 1,
    });
  });

  it('maps bookmaker odds: match winner and over/under 2.5', () => {
    const raw = z.array(oddsSchema).parse(
      responseOf('odds-fa-cup-2021-22-fixture-815162-bwin-all-markets.json'),
    );
    expect(raw.flatMap(mapOdds)).toEqual([
      {
        fixtureId: 815162,
        kickoff: new Date('2022-01-10T19:55:00Z'),
        updatedAt: new Date('2022-01-10T16:00:45Z'),
        bookmaker: 'Bwin',
        home: 1.65,
        draw: 3.8,
        away: 4.5,
        over25: 1.78,
        under25: 1.93,
      },
    ]);
  });

  it('maps injuries of both recordings', () => {
    const bundesliga = z
      .array(injurySchema)
      .parse(responseOf('injuries-bundesliga-2024-03-31.json'))
      .map(mapInjury);
    expect(bundesliga).toHaveLength(31);
    expect(countBy(bundesliga, (i) => i.type)).toEqual({
      'Missing Fixture': 27, Questionable: 4,
    });
    expect(bundesliga[0]).toMatchObject({
      player: 'E. Demirovic', teamName: 'FC Augsburg', reason: 'Yellow Cards',
    });

    const epl = z
      .array(injurySchema)
      .parse(responseOf('injuries-epl-2024-25-as-of-2025-02-16-cache-entry.json'))
      .map(mapInjury);
    expect(epl).toHaveLength(25);
    expect(injuryLines(epl, 1208268, 40)).toContain(
      'J. Gomez (Missing Fixture: Thigh Injury)',
    );
  });

  it('maps standings tables', () => {
    const final = z
      .array(standingsSchema)
      .parse(responseOf('standings-epl-2022-23-final.json'))
      .flatMap(mapStandings);
    expect(final).toHaveLength(20);
    expect(final[0]).toMatchObject({ teamName: 'Manchester City', teamId: 50 });
    expect(final[0]!.line).toMatchObject({
      position: 1, played: 38, won: 28, drawn: 5, lost: 5,
      goalsFor: 94, goalsAgainst: 33, goalDifference: 61, points: 89,
    });
    expect(final[0]!.line.home).toEqual({
      played: 19, won: 17, drawn: 1, lost: 1, goalsFor: 60, goalsAgainst: 17,
    });

    const february = z
      .array(standingsSchema)
      .parse(responseOf('standings-epl-2024-25-as-of-2025-02-16-cache-entry.json'))
      .flatMap(mapStandings);
    expect(february).toHaveLength(20);
    expect(february[0]).toMatchObject({ teamName: 'Liverpool', season: 2024 });
    expect(february[0]!.line.points).toBe(57);
    expect(february[0]!.updatedAt).toEqual(new Date('2025-02-15T00:00:00Z'));
  });

  it('maps team statistics', () => {
    const leipzig = mapTeamStatistics(
      teamStatisticsSchema.parse(
        responseOf('teams-statistics-bundesliga-2022-leipzig-to-2023-01-01.json'),
      ),
    );
    expect(leipzig).toMatchObject({
      teamId: 173, teamName: 'RB Leipzig', season: 2022,
      form: 'DDLWLWLWDWDWWWW',
      played: { home: 7, away: 8, total: 15 },
      won: { home: 6, away: 2, total: 8 },
      drawn: { home: 1, away: 3, total: 4 },
      lost: { home: 0, away: 3, total: 3 },
      goalsFor: { home: 19, away: 11, total: 30 },
      goalsAgainst: { home: 5, away: 16, total: 21 },
      cleanSheets: { home: 4, away: 0, total: 4 },
    });
    const liverpool = mapTeamStatistics(
      teamStatisticsSchema.parse(
        responseOf(
          'teams-statistics-epl-2024-25-liverpool-as-of-2025-02-16-cache-entry.json',
        ),
      ),
    );
    expect(liverpool.played.total).toBe(24);
    expect(liverpool.goalsFor).toEqual({ home: 24, away: 34, total: 58 });
  });

  it('maps the provider prediction with its head-to-head', () => {
    const [raw] = z
      .array(predictionSchema)
      .parse(responseOf('predictions-bundesliga-2023-dortmund-stuttgart.json'));
    const prediction = mapPrediction(raw!);
    expect(prediction).toMatchObject({
      homeTeamId: 165,
      winnerTeamId: 165,
      winnerComment: 'Win or draw',
      percent: { home: 45, draw: 45, away: 10 },
      goals: { home: '-2.5', away: '-3.5' },
    });
    expect(prediction.headToHead).toHaveLength(10);
  });
});
