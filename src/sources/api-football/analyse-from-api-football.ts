import { sql } from 'drizzle-orm';
import { AnalysisError } from '../../analysis/analysis-error.ts';
import { isCoreFilled } from '../../analysis/analysis-completeness.ts';
import { isoInstant } from '../../analysis/analysis-sql.ts';
import {
  UNANALYSABLE_STATUSES,
  type AnalysisResult,
  type RunAnalysisOptions,
} from '../../analysis/run-analysis.ts';
import { systemClock } from '../../core/clock.ts';
import { scopedLogger } from '../../core/logger.ts';
import type { MatchStatus } from '../../core/types.ts';
import { upsertAnalysis } from '../../db/analyses.ts';
import type { Db } from '../../db/open-database.ts';
import { queryRows } from '../../db/query-rows.ts';
import type { ApiFootballClient } from './api-football-client.ts';
import { fetchContextAtKickoff } from './fetch-context-at-kickoff.ts';
import { toMatchContext } from './to-match-context.ts';

interface StoredMatch {
  matchId: number;
  fixtureId: number | null;
  competitionId: string;
  season: string;
  round: string | null;
  status: MatchStatus;
  kickoff: string;
  kickoffTimeKnown: boolean;
  homeTeamId: number;
  homeName: string;
  awayTeamId: number;
  awayName: string;
}

/**
 * Builds a stored match's analysis from API-Football as of its kickoff
 * (fetchContextAtKickoff: nothing from the match itself or later) and
 * stores it, like runAnalysis does from stored rows. The row is written
 * only after every request succeeded, so a quota or budget stop
 * (SourceStoppedError) leaves the match without a half-built analysis.
 * The fixture is looked up first for its league, season and team ids.
 */
export async function analyseFromApiFootball(
  client: ApiFootballClient,
  db: Db,
  matchId: number,
  options: RunAnalysisOptions = {},
): Promise<AnalysisResult> {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? scopedLogger('analysis', { matchId });
  const match = await readMatch(db, matchId);
  if (UNANALYSABLE_STATUSES.includes(match.status)) {
    throw new AnalysisError(
      matchId,
      'not-played',
      `match ${matchId} is ${match.status} and gets no analysis; analyse it again once it is rescheduled`,
    );
  }
  const fixtureId = match.fixtureId;
  const fixture = fixtureId === null ? null
    : await client.fixtureById(fixtureId);
  if (fixtureId === null || !fixture) {
    throw new AnalysisError(
      matchId,
      'unknown-match',
      fixtureId === null
        ? `match ${matchId} has no API-Football fixture id; run sync-fixtures for its competition, or set SCORELINE_SOURCE=files`
        : `API-Football does not know fixture ${fixtureId} of match ${matchId}; run sync-fixtures again for its competition`,
    );
  }

  const kickoff = new Date(match.kickoff);
  const source = await fetchContextAtKickoff(
    client,
    {
      fixtureId,
      leagueId: fixture.league.id,
      season: fixture.league.season,
      homeTeamId: fixture.home.id,
      awayTeamId: fixture.away.id,
      kickoff,
    },
    clock.now(),
  );
  const read = [...source.homeForm, ...source.awayForm, ...source.headToHead];
  const context = toMatchContext(
    {
      matchId,
      fixtureId,
      competitionId: match.competitionId,
      season: match.season,
      round: match.round,
      kickoff: match.kickoff,
      kickoffTimeKnown: match.kickoffTimeKnown,
      home: {
        teamId: match.homeTeamId,
        name: match.homeName,
        sourceTeamId: fixture.home.id,
      },
      away: {
        teamId: match.awayTeamId,
        name: match.awayName,
        sourceTeamId: fixture.away.id,
      },
    },
    source,
    await storedMatchIds(db, read.map((f) => f.fixtureId)),
  );
  const complete = isCoreFilled(context);
  await upsertAnalysis(db, {
    matchId,
    asOf: kickoff,
    context,
    complete,
    missing: context.missing,
    computedAt: clock.now(),
  });
  logger.info(
    { matchId, fixtureId, complete, missing: context.missing },
    'analysis stored from API-Football',
  );
  return { matchId, complete, missing: context.missing };
}

async function readMatch(db: Db, matchId: number): Promise<StoredMatch> {
  const rows = await queryRows<StoredMatch>(
    db,
    sql`select m.id as "matchId", m.api_football_fixture_id as "fixtureId",
        m.competition_id as "competitionId", m.season, m.round, m.status,
        ${isoInstant(sql`m.kickoff`)} as kickoff,
        m.kickoff_time_known as "kickoffTimeKnown",
        m.home_team_id as "homeTeamId", h.name as "homeName",
        m.away_team_id as "awayTeamId", a.name as "awayName"
      from matches m
      join teams h on h.id = m.home_team_id
      join teams a on a.id = m.away_team_id
      where m.id = ${matchId}`,
  );
  const match = rows[0];
  if (!match) {
    throw new AnalysisError(
      matchId,
      'unknown-match',
      `match ${matchId} does not exist; check the match id (run sync-fixtures first if it is missing)`,
    );
  }
  return match;
}

/** Stored match ids by API-Football fixture id. */
async function storedMatchIds(
  db: Db,
  fixtureIds: number[],
): Promise<Map<number, number>> {
  if (fixtureIds.length === 0) return new Map();
  const list = sql.join(
    [...new Set(fixtureIds)].map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = await queryRows<{ id: number; fixtureId: number }>(
    db,
    sql`select id, api_football_fixture_id as "fixtureId" from matches
      where api_football_fixture_id in (${list})`,
  );
  return new Map(rows.map((r) => [r.fixtureId, r.id]));
}
