import path from 'node:path';
import { InputError } from '../core/errors.ts';
import type { MatchStatus } from '../core/types.ts';
import { findCompetitionInfo } from './competition-catalog.ts';
import type { SourceMatch, TeamNameSeen } from './match-record.ts';
import { resolveTeamName } from './resolve-team-name.ts';
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
 * the competition id, the folder the season (else the `2024/25` in the
 * name). Local times are read in the competition's zone; a missing time
 * gives local midnight with `kickoffTimeKnown` false.
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
  const season = seasonOf(file, name);

  return (matches as OpenfootballMatch[]).map((match, index) => {
    const date = text(match.date);
    const time = text(match.time);
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      throw new InputError(`match ${index + 1} has no valid "date"`, file);
    }
    if (time !== null && !/^\d{1,2}:\d{2}$/.test(time)) {
      throw new InputError(
        `match ${index + 1} has time '${time}', expected HH:MM`, file);
    }
    const score = readScore(file, index, match);
    return {
      competitionId,
      season,
      round: text(match.round),
      homeTeam: resolveTeamName(file, text(match.team1), teamNames),
      awayTeam: resolveTeamName(file, text(match.team2), teamNames),
      kickoff: localToUtc(date, time, competition.timeZone),
      kickoffTimeKnown: time !== null,
      ...score,
      odds: [],
    };
  });
}

function seasonOf(file: string, name: string): string {
  const folder = path.basename(path.dirname(file));
  if (/^\d{4}-\d{2}$/.test(folder)) return folder;
  const inName = /(\d{4})\/(\d{2})/.exec(name);
  if (inName) return `${inName[1]}-${inName[2]}`;
  throw new InputError(
    'cannot tell the season: put the file in a folder named like 2025-26',
    file,
  );
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
    value.every((goals) => Number.isInteger(goals) && goals >= 0);
  if (!ok) {
    throw new InputError(
      `match ${index + 1} has score "${key}" that is not two goal counts`,
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
