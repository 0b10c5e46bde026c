CREATE TABLE "analyses" (
	"match_id" integer PRIMARY KEY NOT NULL,
	"as_of" timestamp with time zone NOT NULL,
	"context" jsonb,
	"complete" boolean DEFAULT false NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "analyses_complete_has_context_check" CHECK (not "analyses"."complete" or "analyses"."context" is not null)
);
--> statement-breakpoint
CREATE TABLE "competitions" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text NOT NULL,
	"api_football_league_id" integer
);
--> statement-breakpoint
CREATE TABLE "match_odds" (
	"match_id" integer NOT NULL,
	"bookmaker" text NOT NULL,
	"home" double precision NOT NULL,
	"draw" double precision NOT NULL,
	"away" double precision NOT NULL,
	"over_2_5" double precision,
	"under_2_5" double precision,
	CONSTRAINT "match_odds_match_id_bookmaker_pk" PRIMARY KEY("match_id","bookmaker")
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" serial PRIMARY KEY NOT NULL,
	"match_key" text NOT NULL,
	"competition_id" text NOT NULL,
	"season" text NOT NULL,
	"round" text,
	"venue" text,
	"home_team_id" integer NOT NULL,
	"away_team_id" integer NOT NULL,
	"kickoff" timestamp with time zone NOT NULL,
	"kickoff_time_known" boolean DEFAULT true NOT NULL,
	"status" text NOT NULL,
	"home_goals" integer,
	"away_goals" integer,
	"half_time_home_goals" integer,
	"half_time_away_goals" integer,
	"extra_time_home_goals" integer,
	"extra_time_away_goals" integer,
	"penalty_home_goals" integer,
	"penalty_away_goals" integer,
	"api_football_fixture_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_match_key_unique" UNIQUE("match_key"),
	CONSTRAINT "matches_api_football_fixture_id_unique" UNIQUE("api_football_fixture_id"),
	CONSTRAINT "matches_status_check" CHECK ("matches"."status" in ('scheduled', 'live', 'finished', 'postponed',
        'cancelled', 'abandoned', 'awarded')),
	CONSTRAINT "matches_score_pair_check" CHECK (("matches"."home_goals" is null) = ("matches"."away_goals" is null))
);
--> statement-breakpoint
CREATE TABLE "models" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"api_model" text NOT NULL,
	"display_name" text NOT NULL,
	"kind" text DEFAULT 'llm' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp with time zone,
	"disabled_reason" text,
	"last_error" text,
	"last_success_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "predictions" (
	"id" serial PRIMARY KEY NOT NULL,
	"match_id" integer NOT NULL,
	"model_id" text NOT NULL,
	"home_goals" integer NOT NULL,
	"away_goals" integer NOT NULL,
	"tendency" text NOT NULL,
	"retroactive" boolean DEFAULT false NOT NULL,
	"raw_answer" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"quota" integer,
	"points_tendency" integer,
	"points_goal_difference" integer,
	"points_exact" integer,
	"points" integer,
	"void" boolean DEFAULT false NOT NULL,
	"scored_at" timestamp with time zone,
	CONSTRAINT "predictions_goals_check" CHECK ("predictions"."home_goals" >= 0 and "predictions"."away_goals" >= 0),
	CONSTRAINT "predictions_tendency_check" CHECK ("predictions"."tendency" in ('H', 'D', 'A'))
);
--> statement-breakpoint
CREATE TABLE "run_locks" (
	"name" text PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "source_request_counts" (
	"source" text NOT NULL,
	"day" text NOT NULL,
	"requests" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "source_request_counts_source_day_pk" PRIMARY KEY("source","day")
);
--> statement-breakpoint
CREATE TABLE "team_aliases" (
	"alias" text PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"api_football_team_id" integer,
	CONSTRAINT "teams_name_unique" UNIQUE("name"),
	CONSTRAINT "teams_api_football_team_id_unique" UNIQUE("api_football_team_id")
);
--> statement-breakpoint
ALTER TABLE "analyses" ADD CONSTRAINT "analyses_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_odds" ADD CONSTRAINT "match_odds_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_competition_id_competitions_id_fk" FOREIGN KEY ("competition_id") REFERENCES "public"."competitions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_home_team_id_teams_id_fk" FOREIGN KEY ("home_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_away_team_id_teams_id_fk" FOREIGN KEY ("away_team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "public"."models"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_aliases" ADD CONSTRAINT "team_aliases_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "matches_kickoff_idx" ON "matches" USING btree ("kickoff");--> statement-breakpoint
CREATE INDEX "matches_status_kickoff_idx" ON "matches" USING btree ("status","kickoff");--> statement-breakpoint
CREATE INDEX "matches_competition_kickoff_idx" ON "matches" USING btree ("competition_id","kickoff");--> statement-breakpoint
CREATE INDEX "matches_home_team_kickoff_idx" ON "matches" USING btree ("home_team_id","kickoff");--> statement-breakpoint
CREATE INDEX "matches_away_team_kickoff_idx" ON "matches" USING btree ("away_team_id","kickoff");--> statement-breakpoint
CREATE UNIQUE INDEX "predictions_match_model_uq" ON "predictions" USING btree ("match_id","model_id");--> statement-breakpoint
CREATE INDEX "predictions_model_idx" ON "predictions" USING btree ("model_id");