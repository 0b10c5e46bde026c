import { describe, expect, it } from 'vitest';
import { makeBackfillWindow } from './backfill-window.ts';

describe('makeBackfillWindow', () => {
  it('starts N days before as-of and looks as far ahead', () => {
    const window = makeBackfillWindow(new Date('2026-03-08T12:00:00Z'), 7);
    expect(window.start.toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(window.lookAheadEnd.toISOString()).toBe(
      '2026-03-15T12:00:00.000Z',
    );
    expect(window.empty).toBe(false);
  });

  it('is empty for zero days', () => {
    const window = makeBackfillWindow(new Date('2026-03-08T12:00:00Z'), 0);
    expect(window.empty).toBe(true);
    expect(window.start.toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });
});
