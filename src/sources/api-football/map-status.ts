import type { Logger } from '../../core/logger.ts';
import type { MatchStatus } from '../../core/types.ts';

/** API-Football's short status codes and the Scoreline status of each. */
export const STATUS_BY_CODE: Readonly<Record<string, MatchStatus>> = {
  TBD: 'scheduled',
  NS: 'scheduled',
  '1H': 'live',
  HT: 'live',
  '2H': 'live',
  ET: 'live',
  BT: 'live',
  P: 'live',
  SUSP: 'live',
  INT: 'live',
  LIVE: 'live',
  FT: 'finished',
  AET: 'finished',
  PEN: 'finished',
  PST: 'postponed',
  CANC: 'cancelled',
  ABD: 'abandoned',
  AWD: 'awarded',
  WO: 'awarded',
};

/** A status code with case and spaces normalised: ` ft ` is `FT`. */
export function normaliseStatusCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/**
 * The Scoreline status of a short status code, or null for a code we do not
 * know. An unknown code is logged and must be treated as neither finished
 * nor predictable, so callers skip the fixture instead of guessing.
 */
export function mapStatus(
  code: string,
  logger?: Logger,
  fixtureId?: number,
): MatchStatus | null {
  const status = STATUS_BY_CODE[normaliseStatusCode(code)];
  if (status) return status;
  logger?.warn(
    { statusCode: code, fixtureId },
    'unknown API-Football status code; the match is left as it was',
  );
  return null;
}
