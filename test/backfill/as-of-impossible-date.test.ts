// --as-of used to roll an impossible calendar day over (2025-02-30 became
// 2025-03-02); it must be a usage error naming the flag instead.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import { parseAsOf } from '../../src/backfill/backfill-options.ts';

describe('--as-of', () => {
  it.each([
    '2025-02-30',
    '2025-02-30T12:00:00Z',
    '2025-04-31T00:00:00Z',
    '2025-02-29',
    '2025-00-10',
  ])('rejects the impossible date %s', (text) => {
    expect(() => parseAsOf(text)).toThrow(UsageError);
    expect(() => parseAsOf(text)).toThrow(/--as-of/);
  });

  it('accepts the last day of a month and a leap day', () => {
    expect(parseAsOf('2025-04-30T00:00:00Z').toISOString()).toBe(
      '2025-04-30T00:00:00.000Z',
    );
    expect(parseAsOf('2024-02-29').toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
  });
});
