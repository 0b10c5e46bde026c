/** Longest wait we accept from a `Retry-After` header. */
export const RETRY_AFTER_CAP_MS = 30_000;

/**
 * The wait before retry `attempt` (1 = first retry): the server's
 * `Retry-After` (seconds or an HTTP date) when given, capped; otherwise
 * exponential backoff from `baseMs` with full jitter.
 */
export function retryDelay(
  attempt: number,
  retryAfter: string | null,
  baseMs: number,
  now: Date = new Date(),
  random: () => number = Math.random,
): number {
  const fromHeader = parseRetryAfter(retryAfter, now);
  if (fromHeader !== null) return Math.min(fromHeader, RETRY_AFTER_CAP_MS);
  const ceiling = baseMs * 2 ** (attempt - 1);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** `Retry-After` in ms, or null when absent or unreadable. */
export function parseRetryAfter(
  value: string | null,
  now: Date = new Date(),
): number | null {
  if (value === null || value.trim() === '') return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}
