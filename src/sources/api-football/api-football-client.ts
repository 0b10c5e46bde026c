import { z } from 'zod';
import type { Logger } from '../../core/logger.ts';
import { scopedLogger } from '../../core/logger.ts';
import {
  ApiFootballTransport,
  type ApiFootballTransportOptions,
} from './api-football-transport.ts';
import type { ApiRequest } from './api-request.ts';
import { fixtureSchema } from './fixture-schema.ts';
import { mapFixture, type SourceFixture } from './map-fixture.ts';
import { injurySchema, mapInjury, type SourceInjury } from './map-injuries.ts';
import { mapOdds, oddsSchema, type SourceOdds } from './map-odds.ts';
import {
  mapPrediction,
  predictionSchema,
  type SourcePrediction,
} from './map-prediction.ts';
import {
  mapStandings,
  standingsSchema,
  type SourceStanding,
} from './map-standings.ts';
import {
  mapTeamStatistics,
  teamStatisticsSchema,
  type SourceTeamStatistics,
} from './map-team-statistics.ts';

/** A day as `YYYY-MM-DD`, the provider's date format. */
export type IsoDay = string;

/**
 * A typed client for the API-Football v3 endpoints the pipeline needs.
 * Answers are validated and mapped to Scoreline's terms; see
 * ApiFootballTransport for caching, budget, rate limits and errors.
 */
export class ApiFootballClient {
  readonly transport: ApiFootballTransport;
  private readonly logger: Logger;

  constructor(options: ApiFootballTransportOptions) {
    this.logger = options.logger ?? scopedLogger('api-football');
    this.transport = new ApiFootballTransport({
      ...options,
      logger: this.logger,
    });
  }

  /** Every fixture of a league season. */
  fixturesOfSeason(league: number, season: number): Promise<SourceFixture[]> {
    return this.fixtures({ league, season });
  }

  /** Fixtures of a league season between two days, both included. */
  fixturesBetween(
    league: number,
    season: number,
    from: IsoDay,
    to: IsoDay,
  ): Promise<SourceFixture[]> {
    return this.fixtures({ league, season, from, to });
  }

  /** Every fixture of one team in a season, all competitions (form). */
  fixturesOfTeam(team: number, season: number): Promise<SourceFixture[]> {
    return this.fixtures({ team, season });
  }

  /** Every fixture on one UTC day, all leagues. */
  fixturesOn(date: IsoDay): Promise<SourceFixture[]> {
    return this.fixtures({ date });
  }

  /** One fixture, or null when the provider does not know the id. */
  async fixtureById(id: number): Promise<SourceFixture | null> {
    const [fixture] = await this.fixtures({ id });
    return fixture ?? null;
  }

  /** Several fixtures by id (the provider takes at most 20 at once). */
  fixturesByIds(ids: readonly number[]): Promise<SourceFixture[]> {
    return this.fixtures({ ids: ids.join('-') });
  }

  /** Fixtures being played now, all leagues; never cached. */
  liveFixtures(): Promise<SourceFixture[]> {
    return this.fixtures({ live: 'all' });
  }

  /**
   * Earlier and later meetings of two teams, unfiltered and unsorted: pass
   * them through fixturesBeforeKickoff before any analysis.
   */
  headToHead(
    teamA: number,
    teamB: number,
    range: { from?: IsoDay; to?: IsoDay } = {},
  ): Promise<SourceFixture[]> {
    return this.list(
      {
        endpoint: 'fixtures/headtohead',
        params: { h2h: `${teamA}-${teamB}`, ...range },
      },
      fixtureSchema,
    ).then((items) => items.map((item) => mapFixture(item, this.logger)));
  }

  /** The provider's forecast of a fixture (not known retroactively). */
  async prediction(fixture: number): Promise<SourcePrediction | null> {
    const items = await this.list(
      { endpoint: 'predictions', params: { fixture } },
      predictionSchema,
    );
    return items[0] ? mapPrediction(items[0]) : null;
  }

  /** Pre-match odds of a fixture, per bookmaker (all, or one by id). */
  async odds(fixture: number, bookmaker?: number): Promise<SourceOdds[]> {
    const params: ApiRequest['params'] = { fixture };
    if (bookmaker !== undefined) params.bookmaker = bookmaker;
    const items = await this.list({ endpoint: 'odds', params }, oddsSchema);
    return items.flatMap(mapOdds);
  }

  /** Injuries of one fixture, or of a league (season) on one day. */
  async injuries(
    query:
      | { fixture: number }
      | { league: number; season?: number; date: IsoDay },
  ): Promise<SourceInjury[]> {
    const items = await this.list(
      { endpoint: 'injuries', params: query },
      injurySchema,
    );
    return items.map(mapInjury);
  }

  /** The provider's current table of a league season. */
  async standings(league: number, season: number): Promise<SourceStanding[]> {
    const items = await this.list(
      { endpoint: 'standings', params: { league, season } },
      standingsSchema,
    );
    return items.flatMap(mapStandings);
  }

  /**
   * A team's statistics in a league season, up to `date` when given; null
   * when the provider has none (it answers an empty list).
   */
  async teamStatistics(
    league: number,
    season: number,
    team: number,
    date?: IsoDay,
  ): Promise<SourceTeamStatistics | null> {
    const params: ApiRequest['params'] = { league, season, team };
    if (date) params.date = date;
    const raw = await this.transport.get(
      { endpoint: 'teams/statistics', params },
      z.union([teamStatisticsSchema, z.array(z.unknown()).length(0)]),
    );
    return Array.isArray(raw) ? null : mapTeamStatistics(raw);
  }

  private async fixtures(
    params: ApiRequest['params'],
  ): Promise<SourceFixture[]> {
    const request: ApiRequest = { endpoint: 'fixtures', params };
    const items = await this.list(request, fixtureSchema);
    return items.map((item) => mapFixture(item, this.logger));
  }

  private list<T>(request: ApiRequest, item: z.ZodType<T>): Promise<T[]> {
    return this.transport.get(request, z.array(item));
  }
}
