import { sql } from 'drizzle-orm';
import type { MatchStatus } from '../core/types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/query-rows.ts';
import type { BackfillWindow } from './backfill-window.ts';

/** One match in the window with at least one active model missing. */
export interface GapRow {
  matchId: number;
  competitionId: string;
  status: Extract<MatchStatus, 'scheduled' | 'live' | 'finished'>;
  kickoff: Date;
  kickoffTimeKnown: boolean;
  homeGoals: number | null;
  awayGoals: number | null;
  apiFootballFixtureId: number | null;
  /** True when a complete analysis exists (an empty row does not count). */
  hasAnalysis: boolean;
  /** Predictions of the match by any model, active or not. */
  predictionsBefore: number;
  /** Active models without a prediction for the match, sorted. */
  missingModelIds: string[];
}

/** Narrowing of the gap search. */
export interface GapFilter {
  matchId?: number | null;
  competitionId?: string | null;
}

/**
 * Finds the gaps in one query: matches with kickoff in the window (and
 * upcoming ones up to its look-ahead end) whose status is scheduled, live
 * or finished, with at least one active model that has no prediction for
 * them. Ordered by kickoff, then match id. The active models are
 * `activeModelIds` (see readActiveModelIds: the roster file's, so a dry
 * run need not write them into the table first); without it, the models
 * table's (active and not disabled).
 */
export async function findGaps(
  db: Db,
  window: BackfillWindow,
  filter: GapFilter = {},
  activeModelIds?: string[],
): Promise<GapRow[]> {
  if (window.empty) return [];
  if (activeModelIds?.length === 0) return [];
  const matchId = filter.matchId ?? null;
  const competitionId = filter.competitionId ?? null;
  const activeSource = activeModelIds
    ? sql`select value as id from json_array_elements_text(
        ${JSON.stringify(activeModelIds)}::json)`
    : sql`select id from models where active and disabled_at is null`;
  const rows = await queryRows<RawGapRow>(
    db,
    sql`
      with active as materialized (${activeSource}),
      candidates as (
        select m.id, m.competition_id, m.status, m.kickoff,
          m.kickoff_time_known, m.home_goals, m.away_goals,
          m.api_football_fixture_id
        from matches m
        where m.kickoff >= ${window.start.toISOString()}::timestamptz
          and m.kickoff <= ${window.lookAheadEnd.toISOString()}::timestamptz
          and m.status in ('scheduled', 'live', 'finished')
          and (${matchId}::int is null or m.id = ${matchId}::int)
          and (${competitionId}::text is null
            or m.competition_id = ${competitionId}::text)
          -- Correlated on purpose: one short index range per match on
          -- (match_id, model_id), never a scan of all predictions.
          and (select count(*) from predictions p
            join active a on a.id = p.model_id
            where p.match_id = m.id) < (select count(*) from active)
      ),
      gaps as (
        select c.*,
          (select json_agg(a.id order by a.id) from active a
            where not exists (
              select 1 from predictions p
              where p.match_id = c.id and p.model_id = a.id
            )) as model_ids
        from candidates c
      )
      select c.id as "matchId",
        c.competition_id as "competitionId",
        c.status,
        to_json(c.kickoff) #>> '{}' as "kickoff",
        c.kickoff_time_known as "kickoffTimeKnown",
        c.home_goals as "homeGoals",
        c.away_goals as "awayGoals",
        c.api_football_fixture_id as "apiFootballFixtureId",
        coalesce(an.complete, false) as "hasAnalysis",
        (select count(*)::int from predictions p where p.match_id = c.id)
          as "predictionsBefore",
        c.model_ids as "missingModelIds"
      from gaps c
      left join analyses an on an.match_id = c.id
      order by c.kickoff, c.id
    `,
  );
  return rows.map((row) => ({
    ...row,
    kickoff: new Date(row.kickoff),
    missingModelIds: parseIds(row.missingModelIds),
  }));
}

interface RawGapRow extends Omit<GapRow, 'kickoff' | 'missingModelIds'> {
  kickoff: string;
  missingModelIds: string[] | string;
}

/** PGlite and node-postgres both parse json, but be safe with text. */
function parseIds(value: string[] | string): string[] {
  return typeof value === 'string' ? (JSON.parse(value) as string[]) : value;
}
