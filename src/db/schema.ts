import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { MatchContext } from '../core/types.ts';

const instant = (name: string) =>
  timestamp(name, { withTimezone: true, mode: 'date' });

/** A league or cup, such as the Premier League (`en.1`). */
export const competitions = pgTable('competitions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** IANA time zone of local kick-off times in the sources. */
  timeZone: text('time_zone').notNull(),
  apiFootballLeagueId: integer('api_football_league_id'),
});

/** One canonical team per club. */
export const teams = pgTable('teams', {
  id: serial('id').primaryKey(),
  name: text('name').notNull().unique(),
  apiFootballTeamId: integer('api_football_team_id').unique(),
});

/** Every name a source uses for a team, mapped to the canonical team. */
export const teamAliases = pgTable('team_aliases', {
  alias: text('alias').primaryKey(),
  teamId: integer('team_id')
    .notNull()
    .references(() => teams.id),
});

export const matches = pgTable(
  'matches',
  {
    id: serial('id').primaryKey(),
    /**
     * The natural identity of a match, the same from every source:
     * competition, season, home and away team (and round in cups).
     */
    matchKey: text('match_key').notNull().unique(),
    competitionId: text('competition_id')
      .notNull()
      .references(() => competitions.id),
    season: text('season').notNull(),
    round: text('round'),
    venue: text('venue'),
    homeTeamId: integer('home_team_id')
      .notNull()
      .references(() => teams.id),
    awayTeamId: integer('away_team_id')
      .notNull()
      .references(() => teams.id),
    kickoff: instant('kickoff').notNull(),
    kickoffTimeKnown: boolean('kickoff_time_known').notNull().default(true),
    status: text('status').notNull(),
    /** Regular-time score: the one that is scored. */
    homeGoals: integer('home_goals'),
    awayGoals: integer('away_goals'),
    halfTimeHomeGoals: integer('half_time_home_goals'),
    halfTimeAwayGoals: integer('half_time_away_goals'),
    /** Goals scored in extra time only, apart from the regular time. */
    extraTimeHomeGoals: integer('extra_time_home_goals'),
    extraTimeAwayGoals: integer('extra_time_away_goals'),
    penaltyHomeGoals: integer('penalty_home_goals'),
    penaltyAwayGoals: integer('penalty_away_goals'),
    apiFootballFixtureId: integer('api_football_fixture_id').unique(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('matches_kickoff_idx').on(t.kickoff),
    index('matches_status_kickoff_idx').on(t.status, t.kickoff),
    index('matches_competition_kickoff_idx').on(t.competitionId, t.kickoff),
    index('matches_home_team_kickoff_idx').on(t.homeTeamId, t.kickoff),
    index('matches_away_team_kickoff_idx').on(t.awayTeamId, t.kickoff),
    check(
      'matches_status_check',
      sql`${t.status} in ('scheduled', 'live', 'finished', 'postponed',
        'cancelled', 'abandoned', 'awarded')`,
    ),
    check(
      'matches_score_pair_check',
      sql`(${t.homeGoals} is null) = (${t.awayGoals} is null)`,
    ),
  ],
);

/** Pre-match decimal odds of one bookmaker (or a market average). */
export const matchOdds = pgTable(
  'match_odds',
  {
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    bookmaker: text('bookmaker').notNull(),
    home: doublePrecision('home').notNull(),
    draw: doublePrecision('draw').notNull(),
    away: doublePrecision('away').notNull(),
    over25: doublePrecision('over_2_5'),
    under25: doublePrecision('under_2_5'),
  },
  (t) => [primaryKey({ columns: [t.matchId, t.bookmaker] })],
);

/** The forecasters: roster entries and their health. */
export const models = pgTable('models', {
  id: text('id').primaryKey(),
  provider: text('provider').notNull(),
  /** The model name sent to the provider's API; the baseline name for us. */
  apiModel: text('api_model').notNull(),
  displayName: text('display_name').notNull(),
  kind: text('kind').notNull().default('llm'),
  /** Active in the roster. */
  active: boolean('active').notNull().default(true),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  /** Set when health checks disabled the model; null when enabled. */
  disabledAt: instant('disabled_at'),
  disabledReason: text('disabled_reason'),
  lastError: text('last_error'),
  lastSuccessAt: instant('last_success_at'),
  updatedAt: instant('updated_at').notNull().defaultNow(),
});

/**
 * One analysis per match. `complete` is true only when the core fields were
 * really filled (both teams' form and table lines); an empty or partial row
 * does not count as having analysis.
 */
export const analyses = pgTable(
  'analyses',
  {
    matchId: integer('match_id')
      .primaryKey()
      .references(() => matches.id, { onDelete: 'cascade' }),
    asOf: instant('as_of').notNull(),
    context: jsonb('context').$type<MatchContext>(),
    complete: boolean('complete').notNull().default(false),
    missing: jsonb('missing').$type<string[]>().notNull().default([]),
    computedAt: instant('computed_at').notNull().defaultNow(),
  },
  (t) => [
    check(
      'analyses_complete_has_context_check',
      sql`not ${t.complete} or ${t.context} is not null`,
    ),
  ],
);

export const predictions = pgTable(
  'predictions',
  {
    id: serial('id').primaryKey(),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    modelId: text('model_id')
      .notNull()
      .references(() => models.id),
    homeGoals: integer('home_goals').notNull(),
    awayGoals: integer('away_goals').notNull(),
    tendency: text('tendency').notNull(),
    retroactive: boolean('retroactive').notNull().default(false),
    /** The model's raw answer, kept for audit. */
    rawAnswer: text('raw_answer'),
    createdAt: instant('created_at').notNull().defaultNow(),
    /** Settlement: null until the match is settled. */
    quota: integer('quota'),
    pointsTendency: integer('points_tendency'),
    pointsGoalDifference: integer('points_goal_difference'),
    pointsExact: integer('points_exact'),
    points: integer('points'),
    /** True when the match was awarded or a walkover: not scored. */
    void: boolean('void').notNull().default(false),
    scoredAt: instant('scored_at'),
  },
  (t) => [
    uniqueIndex('predictions_match_model_uq').on(t.matchId, t.modelId),
    index('predictions_model_idx').on(t.modelId),
    check(
      'predictions_goals_check',
      sql`${t.homeGoals} >= 0 and ${t.awayGoals} >= 0`,
    ),
    check('predictions_tendency_check', sql`${t.tendency} in ('H', 'D', 'A')`),
  ],
);

/**
 * A named lock with an expiry, so that a crashed holder cannot block others
 * for ever (used when no Redis is configured).
 */
export const runLocks = pgTable('run_locks', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  expiresAt: instant('expires_at').notNull(),
});

/** Cached responses of a paid data source. */
export const sourceCache = pgTable('source_cache', {
  key: text('key').primaryKey(),
  body: jsonb('body').notNull(),
  fetchedAt: instant('fetched_at').notNull().defaultNow(),
  expiresAt: instant('expires_at').notNull(),
});

/** Requests spent per data source and provider day. */
export const sourceRequestCounts = pgTable(
  'source_request_counts',
  {
    source: text('source').notNull(),
    day: text('day').notNull(),
    requests: integer('requests').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.source, t.day] })],
);
