import type { ApiFootballClient } from './api-football-client.ts';
import { cutAtKickoff, type ContextAtKickoff } from './cut-at-kickoff.ts';
import { fixturesBeforeKickoff } from './fixtures-before-kickoff.ts';
import type { SourceFixture } from './map-fixture.ts';
import type { SourceTeamStatistics } from './map-team-statistics.ts';
import { rebuildTable } from './rebuild-table.ts';
import type { FixtureToAnalyse } from './requests-needed.ts';

/** How many earlier results make a team's form. */
const FORM_LENGTH = 5;

/** Everything API-Football can tell about a fixture as of its kickoff. */
export interface SourceContextAtKickoff extends ContextAtKickoff {
  /** The last results of each team before kickoff, newest first. */
  homeForm: SourceFixture[];
  awayForm: SourceFixture[];
  /** Earlier meetings of the two teams, newest first. */
  headToHead: SourceFixture[];
  /** Season statistics up to the day before kickoff; null when none. */
  homeStatistics: SourceTeamStatistics | null;
  awayStatistics: SourceTeamStatistics | null;
}

/**
 * Fetches the requests of planAnalysisRequests and keeps only what was
 * knowable before kickoff: form and head-to-head from fixtures played
 * before it (never the match itself or a later one), the table rebuilt
 * from those results when the provider's is newer, and the fields of
 * cutAtKickoff. `now` decides whether the analysis is retroactive.
 * Known shortcoming: form looks at the fixture's season only, so early in
 * a season a team has fewer than five results; it can go when the form
 * query also asks for the season before.
 */
export async function fetchContextAtKickoff(
  client: ApiFootballClient,
  match: FixtureToAnalyse,
  now: Date,
): Promise<SourceContextAtKickoff> {
  const { leagueId, season, homeTeamId, awayTeamId, kickoff } = match;
  const cut = { fixtureId: match.fixtureId, kickoff };
  const dayBefore = new Date(kickoff.getTime() - 86_400_000)
    .toISOString()
    .slice(0, 10);

  // One request after the other: the client spaces them anyway.
  const homeFixtures = await client.fixturesOfTeam(homeTeamId, season);
  const awayFixtures = await client.fixturesOfTeam(awayTeamId, season);
  const meetings = await client.headToHead(homeTeamId, awayTeamId);
  const leagueFixtures = await client.fixturesOfSeason(leagueId, season);
  const providerTable = await client.standings(leagueId, season);
  const homeStatistics = await client.teamStatistics(
    leagueId, season, homeTeamId, dayBefore,
  );
  const awayStatistics = await client.teamStatistics(
    leagueId, season, awayTeamId, dayBefore,
  );
  const odds = await client.odds(match.fixtureId);
  const injuries = await client.injuries({ fixture: match.fixtureId });

  const leagueBefore = fixturesBeforeKickoff(
    leagueFixtures.filter(
      (f) => f.league.id === leagueId && f.league.season === season,
    ),
    cut,
  );
  const context = cutAtKickoff({
    kickoff,
    fetchedAt: now,
    odds,
    providerTable,
    rebuiltTable: leagueBefore.length > 0 ? rebuildTable(leagueBefore) : null,
    injuries,
  });
  return {
    ...context,
    homeForm: fixturesBeforeKickoff(homeFixtures, cut).slice(0, FORM_LENGTH),
    awayForm: fixturesBeforeKickoff(awayFixtures, cut).slice(0, FORM_LENGTH),
    headToHead: fixturesBeforeKickoff(meetings, cut),
    homeStatistics,
    awayStatistics,
  };
}
