/**
 * The limits an API-Football response reports. Header names are matched
 * without regard to case (the provider mixes `x-ratelimit-requests-*` for
 * the day and `X-RateLimit-*` for the minute).
 */
export interface RateLimitHeaders {
  perMinuteLimit: number | null;
  perMinuteRemaining: number | null;
  perDayLimit: number | null;
  perDayRemaining: number | null;
  /** Seconds to wait from `Retry-After`, when given as seconds or a date. */
  retryAfterMs: number | null;
}

/** Reads the rate-limit headers; `now` resolves a date `Retry-After`. */
export function readRateLimitHeaders(
  headers: Headers,
  now: Date,
): RateLimitHeaders {
  return {
    perMinuteLimit: intOf(headers.get('x-ratelimit-limit')),
    perMinuteRemaining: intOf(headers.get('x-ratelimit-remaining')),
    perDayLimit: intOf(headers.get('x-ratelimit-requests-limit')),
    perDayRemaining: intOf(headers.get('x-ratelimit-requests-remaining')),
    retryAfterMs: retryAfterOf(headers.get('retry-after'), now),
  };
}

function intOf(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? Math.floor(number) : null;
}

function retryAfterOf(value: string | null, now: Date): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
