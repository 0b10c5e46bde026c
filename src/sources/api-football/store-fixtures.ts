import { systemClock, type Clock } from '../../core/clock.ts';
import { scopedLogger, type Logger } from '../../core/logger.ts';
import { insertCompetitions } from '../../db/competitions.ts';
import type { Db } from '../../db/open-database.ts';
import {
  findTeamIds,
  insertTeamAliases,
  insertTeams,
} from '../../db/teams.ts';
import { findCompetitionInfo } from '../../import/competition-catalog.ts';
import type { MatchState } from '../../import/match-record.ts';
import { canonicalTeamName } from '../../import/team-aliases.ts';
import {
  upsertMatch,
  type UpsertOutcome,
} from '../../import/upsert-match.ts';
import type { SourceFixture } from './map-fixture.ts';
import { roundName } from './round-name.ts';

/** API-Football league ids of the tracked competitions. */
export const API_FOOTBALL_COMPETITIONS: Readonly<Record<number, string>> = {
  39: 'en.1',
  78: 'de.1',
  140: 'es.1',
  135: 'it.1',
  2: 'uefa.cl',
};

export interface StoreFixturesOptions {
  /** League id to competition id (default API_FOOTBALL_COMPETITIONS). */
  competitions?: Readonly<Record<number, string>>;
  clock?: Clock;
  logger?: Logger;
}

/** What storing a batch of fixtures did. */
export interface StoreFixturesSummary {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Fixtures not stored: untracked league, unknown status or team. */
  skipped: { fixtureId: number; reason: string }[];
}

/**
 * Stores API-Football fixtures as Scoreline matches with the importers'
 * source-neutral upsert: the same match from a file and from the API is
 * one row. Fixtures of untracked leagues, with an unknown status code, or
 * with a team missing from TEAM_ALIASES are skipped and reported.
 * Known shortcoming: teams.api_football_team_id is not filled yet, since
 * the teams module has no query for it; names are resolved by alias.
 */
export async function storeFixtures(
  db: Db,
  fixtures: readonly SourceFixture[],
  options: StoreFixturesOptions = {},
): Promise<StoreFixturesSummary> {
  const tracked = options.competitions ?? API_FOOTBALL_COMPETITIONS;
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? scopedLogger('api-football');
  const summary: StoreFixturesSummary = {
    inserted: 0, updated: 0, unchanged: 0, skipped: [],
  };
  const storedCompetitions = new Set<string>();

  for (const fixture of fixtures) {
    const skip = (reason: string) => {
      summary.skipped.push({ fixtureId: fixture.fixtureId, reason });
      logger.debug({ fixtureId: fixture.fixtureId, reason }, 'fixture skipped');
    };
    const competitionId = tracked[fixture.league.id];
    const competition = competitionId
      ? findCompetitionInfo(competitionId)
      : null;
    if (!competition) {
      skip(`league ${fixture.league.id} is not tracked`);
      continue;
    }
    if (fixture.status === null) {
      skip(`unknown status code ${fixture.statusCode}`);
      continue;
    }
    const home = canonicalTeamName(fixture.home.name);
    const away = canonicalTeamName(fixture.away.name);
    if (!home || !away) {
      const name = home ? fixture.away.name : fixture.home.name;
      skip(`unknown team name '${name}'; add it to TEAM_ALIASES in src/import/team-aliases.ts`);
      continue;
    }

    if (!storedCompetitions.has(competition.id)) {
      // Competitions stored already (by the importers) stay as they are.
      await insertCompetitions(db, [{
        id: competition.id,
        name: competition.name,
        timeZone: competition.timeZone,
        apiFootballLeagueId: fixture.league.id,
      }]);
      storedCompetitions.add(competition.id);
    }
    const teamIds = await teamIdsOf(db, [
      { alias: fixture.home.name, canonical: home },
      { alias: fixture.away.name, canonical: away },
    ]);
    const state = matchStateOf(
      fixture,
      competition.id,
      competition.cup,
      teamIds.get(home)!,
      teamIds.get(away)!,
    );
    const { outcome } = await upsertMatch(db, state, clock);
    count(summary, outcome);
  }
  return summary;
}

async function teamIdsOf(
  db: Db,
  names: { alias: string; canonical: string }[],
): Promise<Map<string, number>> {
  const canonical = names.map((n) => n.canonical);
  const ids = await findTeamIds(db, canonical);
  const missing = canonical.filter((name) => !ids.has(name));
  if (missing.length > 0) {
    await insertTeams(db, missing);
    for (const [name, id] of await findTeamIds(db, missing)) ids.set(name, id);
  }
  await insertTeamAliases(
    db,
    names.map(({ alias, canonical: name }) => ({
      alias,
      teamId: ids.get(name)!,
    })),
  );
  return ids;
}

function matchStateOf(
  fixture: SourceFixture,
  competitionId: string,
  cup: boolean,
  homeTeamId: number,
  awayTeamId: number,
): MatchState {
  const season = fixture.league.season;
  return {
    competitionId,
    season: `${season}-${String((season + 1) % 100).padStart(2, '0')}`,
    round: roundName(fixture.league.round, cup),
    venue: fixture.venue,
    homeTeamId,
    awayTeamId,
    kickoff: fixture.kickoff,
    kickoffTimeKnown: true,
    status: fixture.status!,
    homeGoals: fixture.score?.home ?? null,
    awayGoals: fixture.score?.away ?? null,
    halfTimeHomeGoals: fixture.halfTime?.home ?? null,
    halfTimeAwayGoals: fixture.halfTime?.away ?? null,
    extraTimeHomeGoals: fixture.extraTime?.home ?? null,
    extraTimeAwayGoals: fixture.extraTime?.away ?? null,
    penaltyHomeGoals: fixture.penalties?.home ?? null,
    penaltyAwayGoals: fixture.penalties?.away ?? null,
    apiFootballFixtureId: fixture.fixtureId,
  };
}

function count(summary: StoreFixturesSummary, outcome: UpsertOutcome): void {
  summary[outcome] += 1;
}
