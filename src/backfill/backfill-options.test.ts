import { describe, expect, it } from 'vitest';
import { UsageError } from '../core/errors.ts';
import { parseBackfillOptions } from './backfill-options.ts';

function usageMessage(argv: string[]): string {
  try {
    parseBackfillOptions(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseBackfillOptions', () => {
  it('defaults to the last seven days at the current time', () => {
    expect(parseBackfillOptions([])).toEqual({
      days: 7,
      asOf: null,
      dryRun: false,
      json: false,
      matchId: null,
      competitionId: null,
      withWorkers: false,
      help: false,
    });
  });

  it('reads --days 3 and --days=3 alike, and --days 0', () => {
    expect(parseBackfillOptions(['--days', '3']).days).toBe(3);
    expect(parseBackfillOptions(['--days=3']).days).toBe(3);
    expect(parseBackfillOptions(['--days', '0']).days).toBe(0);
  });

  it.each([['-1'], ['abc'], ['1.5'], ['1e3'], [''], [' 2']])(
    'refuses --days %j naming the flag',
    (value) => {
      expect(usageMessage(['--days', value])).toContain('--days');
      expect(usageMessage([`--days=${value}`])).toContain('--days');
    },
  );

  it('accepts --days 99999 and names that limit for a larger number', () => {
    expect(parseBackfillOptions(['--days', '99999']).days).toBe(99999);
    const message = usageMessage(['--days', '100000']);
    expect(message).toContain('--days must be at most 99999');
    expect(message).not.toContain('whole number');
  });

  it('refuses --days without a value', () => {
    expect(usageMessage(['--days'])).toContain('--days');
    expect(usageMessage(['--json', '--days'])).toContain('--days');
  });

  it('refuses an unknown option, naming it', () => {
    expect(usageMessage(['--dayz', '3'])).toContain('--dayz');
  });

  it('reads the other options', () => {
    const options = parseBackfillOptions([
      '--as-of=2026-03-01T18:00:00+01:00', '--dry-run', '--json',
      '--match', '42', '--competition', 'en.1', '--with-workers',
    ]);
    expect(options.asOf?.toISOString()).toBe('2026-03-01T17:00:00.000Z');
    expect(options).toMatchObject({
      dryRun: true, json: true, matchId: 42, competitionId: 'en.1',
      withWorkers: true,
    });
  });

  it('reads an --as-of without offset as UTC', () => {
    expect(
      parseBackfillOptions(['--as-of', '2026-03-01T18:00']).asOf
        ?.toISOString(),
    ).toBe('2026-03-01T18:00:00.000Z');
  });

  it('refuses a bad --as-of and a bad --match', () => {
    expect(usageMessage(['--as-of', 'yesterday'])).toContain('--as-of');
    expect(usageMessage(['--as-of', '2026-13-45T00:00Z'])).toContain(
      '--as-of',
    );
    expect(usageMessage(['--match', 'x'])).toContain('--match');
    expect(usageMessage(['--match', '0'])).toContain('--match');
  });
});
