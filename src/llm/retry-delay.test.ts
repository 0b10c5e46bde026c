import { describe, expect, it } from 'vitest';
import { parseRetryAfter, RETRY_AFTER_CAP_MS, retryDelay } from './retry-delay.ts';

const now = new Date('2026-03-01T12:00:00Z');

describe('retryDelay', () => {
  it('honours Retry-After in seconds and as an HTTP date', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(retryDelay(1, '3', 500, now)).toBe(3000);
  });

  it('caps a long Retry-After', () => {
    expect(retryDelay(1, '3600', 500, now)).toBe(RETRY_AFTER_CAP_MS);
  });

  it('backs off exponentially with jitter without a header', () => {
    expect(retryDelay(1, null, 500, now, () => 0)).toBe(250);
    expect(retryDelay(1, null, 500, now, () => 1)).toBe(500);
    expect(retryDelay(2, null, 500, now, () => 0)).toBe(500);
    expect(retryDelay(2, null, 500, now, () => 1)).toBe(1000);
  });
});
