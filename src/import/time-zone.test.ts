import { describe, expect, it } from 'vitest';
import { localDateOf, localToUtc } from './time-zone.ts';

describe('localToUtc', () => {
  it('reads British summer time as UTC+1 and winter time as UTC', () => {
    expect(localToUtc('2025-08-15', '20:00', 'Europe/London').toISOString())
      .toBe('2025-08-15T19:00:00.000Z');
    expect(localToUtc('2025-12-20', '15:00', 'Europe/London').toISOString())
      .toBe('2025-12-20T15:00:00.000Z');
  });

  it('follows the change of clocks on the day itself', () => {
    // Central Europe went to summer time at 01:00 UTC on 2025-03-30.
    expect(localToUtc('2025-03-30', '01:30', 'Europe/Berlin').toISOString())
      .toBe('2025-03-30T00:30:00.000Z');
    expect(localToUtc('2025-03-30', '15:30', 'Europe/Berlin').toISOString())
      .toBe('2025-03-30T13:30:00.000Z');
    // and back to winter time at 01:00 UTC on 2025-10-26.
    expect(localToUtc('2025-10-26', '17:30', 'Europe/Rome').toISOString())
      .toBe('2025-10-26T16:30:00.000Z');
  });

  it('moves a time inside the skipped hour one hour later', () => {
    expect(localToUtc('2025-03-30', '02:30', 'Europe/Berlin').toISOString())
      .toBe('2025-03-30T01:30:00.000Z');
  });

  it('gives local midnight when the time is unknown', () => {
    expect(localToUtc('2026-04-05', null, 'Europe/Madrid').toISOString())
      .toBe('2026-04-04T22:00:00.000Z');
  });
});

describe('localDateOf', () => {
  it('gives the day in the zone, not in UTC', () => {
    const midnight = new Date('2026-04-04T22:00:00.000Z');
    expect(localDateOf(midnight, 'Europe/Madrid')).toBe('2026-04-05');
    expect(localDateOf(midnight, 'Europe/London')).toBe('2026-04-04');
  });
});

describe('localToUtc on days and times that do not exist', () => {
  it('throws instead of rolling them over', () => {
    expect(() => localToUtc('2025-02-31', '20:00', 'Europe/London'))
      .toThrow("internal error: local date and time '2025-02-31 20:00' do not exist");
    expect(() => localToUtc('2025-08-15', '24:75', 'Europe/London'))
      .toThrow(/do not exist/);
  });
});
