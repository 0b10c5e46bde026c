/** The API-Football v3 endpoints Scoreline calls. */
export type Endpoint =
  | 'fixtures'
  | 'fixtures/headtohead'
  | 'predictions'
  | 'odds'
  | 'injuries'
  | 'standings'
  | 'teams/statistics';

/** One request: an endpoint and its query parameters. */
export interface ApiRequest {
  endpoint: Endpoint;
  params: Record<string, string | number>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * How long a response stays useful, per endpoint (milliseconds). Fixture
 * lists change by the minute on match days; tables after each round;
 * past meetings of two teams hardly ever. Live fixtures are never cached.
 */
export const DEFAULT_CACHE_LIFETIMES: Readonly<Record<Endpoint, number>> = {
  fixtures: 10 * MINUTE,
  'fixtures/headtohead': 3 * DAY,
  predictions: 1 * HOUR,
  odds: 1 * HOUR,
  injuries: 1 * HOUR,
  standings: 6 * HOUR,
  'teams/statistics': 6 * HOUR,
};

/** The cache key of a request: endpoint and parameters in sorted order. */
export function requestKey(request: ApiRequest): string {
  const query = new URLSearchParams(
    Object.entries(request.params)
      .map(([name, value]): [string, string] => [name, String(value)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  return `api-football:${request.endpoint}?${query.toString()}`;
}

/** The cache lifetime of a request; live fixtures get none. */
export function lifetimeOf(
  request: ApiRequest,
  lifetimes: Readonly<Record<Endpoint, number>> = DEFAULT_CACHE_LIFETIMES,
): number {
  if (request.endpoint === 'fixtures' && 'live' in request.params) return 0;
  return lifetimes[request.endpoint];
}
