import path from 'node:path';
import { InputError } from '../core/errors.ts';
import type { MatchStatus } from '../core/types.ts';
import { findCompetitionInfo } from './competition-catalog.ts';
import { isGoalCount, MAX_GOALS } from './goal-count.ts';
import { parseClockTime, parseIsoDate } from './local-date-time.ts';
import type { SourceMatch, TeamNameSeen } from './match-record.ts';
import { resolveTeamName } from './resolve-team-name.ts';
import {
  resolveSeason,
  seasonInName,
  type DatedEntry,
} from './season-of-dates.ts';
import { localToUtc } from './time-zone.ts';

interface OpenfootballMatch {
  round?: unknown;
  date?: unknown;
  time?: unknown;
  team1?: unknown;
  team2?: unknown;
  score?: unknown;
  status?: unknown;
}

/** True when parsed JSON looks like an openfootball competition file. */
export function isOpenfootballShape(json: unknown): boolean {
  if (!json || typeof json !== 'object') return false;
  const { name, matches } = json as { name?: unknown; matches?: unknown };
  return (
    typeof name === 'string' &&
    Array.isArray(matches) &&
    matches.every((m) =>
      m !== null && typeof m === 'object' && 'team1' in m && 'date' in m)
  );
}

/**
 * The matches of an openfootball file (`<season>/<code>.json`): the code is
 * the competition id. The season comes from the days of the matches and
 * must agree with the folder (else the `2024/25` in the name), see
 * `resolveSeason`. Local times are read in the competition's zone; a
 * missing time gives local midnight with `kickoffTimeKnown` false. Days,
 * times and goal counts are checked strictly (an InputError naming the
 * match and the value).
 */
export function readOpenfootball(
  file: string,
  json: unknown,
  teamNames: TeamNameSeen[],
): SourceMatch[] {
  if (!isOpenfootballShape(json)) {
    throw new InputError(
      'not an openfootball competition file (expected "name" and "matches" with "team1" and "date"); check the path',
      file,
    );
  }
  const { name, matches } = json as { name: string; matches: unknown[] };
  const competitionId = path.basename(file, '.json');
  const competition = findCompetitionInfo(competitionId);
  if (!competition) {
    throw new InputError(
      `unknown competition '${competitionId}' (file name); add it to COMPETITIONS in src/import/competition-catalog.ts`,
      file,
    );
  }
  const days: DatedEntry[] = [];
  const read = (matches as OpenfootballMatch[]).map((match, index) => {
    const fail = (problem: string) =>
      new InputError(`match ${index + 1}: ${problem}`, file);
    const writtenDate = text(match.date);
    const date = writtenDate === null ? null : parseIsoDate(writtenDate);
    if (!date) {
      throw fail(`"date" '${writtenDate ?? ''}' is not a real day as YYYY-MM-DD`);
    }
    const writtenTime = text(match.time);
    const time = writtenTime === null ? null : parseClockTime(writtenTime);
    if (writtenTime !== null && !time) {
      throw fail(`"time" '${writtenTime}' is not a time of day as HH:MM`);
    }
    const homeTeam = resolveTeamName(file, text(match.team1), teamNames);
    const awayTeam = resolveTeamName(file, text(match.team2), teamNames);
    if (homeTeam === awayTeam) {
      throw fail(`"team1" and "team2" are the same team (${homeTeam}); a team cannot play itself`);
    }
    days.push({ date, where: `match ${index + 1}` });
    return {
      competitionId,
      season: '',
      round: text(match.round),
      homeTeam,
      awayTeam,
      kickoff: localToUtc(date, time, competition.timeZone),
      kickoffTimeKnown: time !== null,
      ...readScore(file, index, match),
      odds: [],
    };
  });
  const season = resolveSeason(file, days, namedSeason(file, name));
  return read.map((match) => ({ ...match, season }));
}

/**
 * The season the folder (`2025-26`) or else the competition name
 * (`... 2025/26`) gives, to be checked against the days of the matches.
 */
function namedSeason(
  file: string,
  name: string,
): { season: string | null; source: string } {
  const folder = seasonInName(path.basename(path.dirname(file)));
  if (folder) return { season: folder, source: 'folder name' };
  return { season: seasonInName(name), source: 'competition name' };
}

type ScoreFields = Pick<SourceMatch,
  | 'status' | 'homeGoals' | 'awayGoals' | 'halfTimeHomeGoals'
  | 'halfTimeAwayGoals' | 'extraTimeHomeGoals' | 'extraTimeAwayGoals'
  | 'penaltyHomeGoals' | 'penaltyAwayGoals'>;

/**
 * `ft` is the regular-time score and `et` the score after extra time, so
 * the goals of extra time alone are `et - ft`. A shoot-out that ends level
 * cannot be real (the UCL 2024/25 file has two `[4, 4]`), so it is stored
 * as unknown rather than as a wrong result.
 */
function readScore(
  file: string,
  index: number,
  match: OpenfootballMatch,
): ScoreFields {
  const score = (match.score ?? {}) as Record<string, unknown>;
  const pair = (key: string) => goalsPair(file, index, key, score[key]);
  const ft = pair('ft');
  const ht = pair('ht');
  const et = pair('et');
  const p = pair('p');
  const status = statusOf(file, index, match.status, ft !== null);
  const extra = ft && et ? [et[0] - ft[0], et[1] - ft[1]] : null;
  if (extra && (extra[0]! < 0 || extra[1]! < 0)) {
    throw new InputError(
      `match ${index + 1} has "et" lower than "ft"`, file);
  }
  const penalties = p && p[0] !== p[1] ? p : null;
  return {
    status,
    homeGoals: ft?.[0] ?? null,
    awayGoals: ft?.[1] ?? null,
    halfTimeHomeGoals: ht?.[0] ?? null,
    halfTimeAwayGoals: ht?.[1] ?? null,
    extraTimeHomeGoals: extra?.[0] ?? null,
    extraTimeAwayGoals: extra?.[1] ?? null,
    penaltyHomeGoals: penalties?.[0] ?? null,
    penaltyAwayGoals: penalties?.[1] ?? null,
  };
}

/** Statuses an openfootball match can carry in its `status` field. */
const NAMED_STATUSES: readonly MatchStatus[] = [
  'postponed', 'cancelled', 'abandoned', 'awarded',
];

function statusOf(
  file: string,
  index: number,
  status: unknown,
  hasResult: boolean,
): MatchStatus {
  if (status === undefined || status === null) {
    return hasResult ? 'finished' : 'scheduled';
  }
  const named = NAMED_STATUSES.find((known) => known === status);
  if (!named) {
    throw new InputError(
      `match ${index + 1} has unknown status '${String(status)}'; expected one of ${NAMED_STATUSES.join(', ')}`,
      file,
    );
  }
  return named;
}

function goalsPair(
  file: string,
  index: number,
  key: string,
  value: unknown,
): [number, number] | null {
  if (value === undefined || value === null) return null;
  const ok =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every(isGoalCount);
  if (!ok) {
    throw new InputError(
      `match ${index + 1} has score "${key}" that is not two goal counts from 0 to ${MAX_GOALS}`,
      file,
    );
  }
  return [value[0] as number, value[1] as number];
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : null;
}
