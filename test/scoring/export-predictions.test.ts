import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXPORT_KINDS,
  formatExport,
} from '../../src/cli/commands/export.ts';
import { settleMatch } from '../../src/scoring/settle-match.ts';
import {
  DATABASE_KINDS,
  openTestDatabase,
  type TestDatabase,
} from '../helpers/databases.ts';
import { addMatch, addPredictions, seedBasics } from './seed-matches.ts';

/*
 * The check of this file is written from the product brief alone and does
 * not import the scoring code: it reads the exported CSV, recomputes every
 * quota and every prediction's points from the CSV rows, and compares.
 */

type Row = Record<string, string>;

/** A minimal RFC 4180 reader, enough for our own export. */
function readCsv(text: string): Row[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') { record.push(field); field = ''; }
    else if (char === '\n') {
      record.push(field); records.push(record); record = []; field = '';
    } else field += char;
  }
  const [header, ...body] = records;
  return body.map((cells) =>
    Object.fromEntries(header!.map((name, i) => [name, cells[i]!])));
}

const sign = (home: number, away: number) => Math.sign(home - away);

/**
 * Quota of a tendency with c of n predictions: 6 when c = 0, else the
 * whole number from 2 to 6 nearest to (6n + 14c) / (10c), ties going up.
 * Distances are compared in units of 1 / (10c) so that all is integer.
 */
function briefQuota(c: number, n: number): number {
  if (c === 0) return 6;
  const scaled = 6 * n + 14 * c; // the value times 10c
  let best = 2;
  for (let k = 3; k <= 6; k += 1) {
    const distance = Math.abs(scaled - k * 10 * c);
    const bestDistance = Math.abs(scaled - best * 10 * c);
    if (distance <= bestDistance) best = k;
  }
  return best;
}

/** Expected settlement columns of every row, from the rows alone. */
function recompute(rows: Row[]): Row[] {
  const byMatch = new Map<string, Row[]>();
  for (const row of rows) {
    byMatch.set(row.match_id!, [...(byMatch.get(row.match_id!) ?? []), row]);
  }
  return rows.map((row) => {
    const group = byMatch.get(row.match_id!)!;
    const tendency = (r: Row) =>
      sign(Number(r.predicted_home_goals), Number(r.predicted_away_goals));
    const quotaOf = (t: number) => briefQuota(
      group.filter((r) => tendency(r) === t).length, group.length);
    const blank = { quota: '', points_tendency: '',
      points_goal_difference: '', points_exact: '', points: '' };
    if (row.match_status === 'awarded') return { ...blank, void: 'true' };
    if (row.match_status !== 'finished' || row.home_goals === '') {
      return { ...blank, void: 'false' };
    }

    const [ph, pa] = [Number(row.predicted_home_goals),
      Number(row.predicted_away_goals)];
    const [ah, aa] = [Number(row.home_goals), Number(row.away_goals)];
    const hit = sign(ph, pa) === sign(ah, aa);
    const quota = quotaOf(sign(ph, pa));
    const t = hit ? quotaOf(sign(ah, aa)) : 0;
    const gd = hit && ph - pa === ah - aa ? 1 : 0;
    const exact = hit && ph === ah && pa === aa ? 3 : 0;
    return {
      quota: String(quota), points_tendency: String(t),
      points_goal_difference: String(gd), points_exact: String(exact),
      points: String(Math.min(10, t + gd + exact)), void: 'false',
    };
  });
}

/** Deterministic pseudo-random scores 0 to 4 (a small LCG). */
function makeScores(seed: number) {
  let state = seed;
  return (): [number, number] => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    const home = Math.floor(state / 65_536) % 5;
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return [home, Math.floor(state / 65_536) % 4];
  };
}

describe.each(DATABASE_KINDS)('export of predictions on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('exports settlement that the brief recomputes row by row', async () => {
    const { db } = database;
    await seedBasics(db, 12);
    const next = makeScores(7);
    const models = Array.from({ length: 12 }, (_, i) => `m${i + 1}`);
    const played: [string, [number, number] | null][] = [
      ['finished', [2, 1]], ['finished', [0, 0]], ['finished', [1, 3]],
      ['finished', [4, 0]], ['finished', [1, 1]], ['finished', [0, 1]],
      ['awarded', [3, 0]], ['postponed', null], ['finished', [2, 2]],
    ];
    let day = 1;
    for (const [status, score] of played) {
      const matchId = await addMatch(db, {
        status, score,
        kickoff: `2025-10-${String(day).padStart(2, '0')}T15:00:00Z`,
        // A name that needs quoting in CSV.
        homeTeam: day === 1 ? 'Brighton & Hove, "The Seagulls"' : undefined,
      });
      day += 1;
      // Most models on time; the last three come later, retroactive.
      const onTime = Object.fromEntries(models.slice(0, 9).map((m) =>
        [m, next()]));
      await addPredictions(db, matchId, onTime);
      await settleMatch(db, matchId);
      const late = Object.fromEntries(models.slice(9).map((m) => [m, next()]));
      await addPredictions(db, matchId, late, true);
      await settleMatch(db, matchId);
    }

    // n = 7 with 2 home wins: exactly 3.5, rounded up to 4. n = 11 with
    // 6 draws: exactly 2.5, rounded up to 3.
    const tie = await addMatch(db, {
      status: 'finished', score: [1, 0], kickoff: '2025-11-01T15:00:00Z',
    });
    await addPredictions(db, tie, { m1: [1, 0], m2: [2, 0], m3: [0, 0],
      m4: [1, 1], m5: [2, 2], m6: [0, 1], m7: [1, 2] });
    await settleMatch(db, tie);
    const draws = await addMatch(db, {
      status: 'finished', score: [0, 0], kickoff: '2025-11-02T15:00:00Z',
    });
    await addPredictions(db, draws, { m1: [0, 0], m2: [1, 1], m3: [2, 2],
      m4: [0, 0], m5: [3, 3], m6: [1, 1], m7: [1, 0], m8: [2, 0],
      m9: [0, 2], m10: [3, 1], m11: [0, 3] });
    await settleMatch(db, draws);

    const exportKind = EXPORT_KINDS.predictions!;
    const csv = formatExport(exportKind, await exportKind.load(db), 'csv');
    const rows = readCsv(csv);
    expect(rows).toHaveLength(9 * 12 + 7 + 11);
    expect(rows[0]?.home_team).toBe('Brighton & Hove, "The Seagulls"');
    expect(rows.filter((r) => r.retroactive === 'true')).toHaveLength(27);

    const settled = (r: Row) => ({
      quota: r.quota, points_tendency: r.points_tendency,
      points_goal_difference: r.points_goal_difference,
      points_exact: r.points_exact, points: r.points, void: r.void,
    });
    expect(rows.map(settled)).toEqual(recompute(rows));
    // The data must reach every branch for the comparison to mean much.
    const points = rows.map((r) => Number(r.points));
    expect(points.some((p) => p === 0)).toBe(true);
    expect(rows.some((r) => r.points_exact === '3')).toBe(true);
    expect(rows.some((r) => r.void === 'true')).toBe(true);
    expect(new Set(rows.map((r) => r.quota)).size).toBeGreaterThan(3);
    const inMatch = (id: number) => rows.filter((r) => r.match_id === `${id}`);
    expect(inMatch(tie).find((r) => r.model === 'm2')?.points).toBe('4');
    expect(inMatch(draws).find((r) => r.model === 'm1')?.points).toBe('7');
  });
});
