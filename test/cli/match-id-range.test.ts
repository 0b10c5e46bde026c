import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseBackfillOptions } from '../../src/backfill/backfill-options.ts';
import { UsageError } from '../../src/core/errors.ts';
import { MAX_MATCH_ID, parseMatchId } from '../../src/cli/parse-match-id.ts';
import { expectOneCleanLine, runCli } from './run-cli.ts';

const root = mkdtempSync(path.join(tmpdir(), 'scoreline-match-id-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('parseMatchId', () => {
  it('accepts 1 and 2147483647, the ends of the integer column', () => {
    expect(MAX_MATCH_ID).toBe(2 ** 31 - 1);
    expect(parseMatchId('1', 'the match id')).toBe(1);
    expect(parseMatchId('2147483647', 'the match id')).toBe(2147483647);
    expect(parseMatchId('0042', 'the match id')).toBe(42);
  });

  it.each(['0', '2147483648', '99999999999', '-1', '1.5', '1e3', ' 7', ''])(
    "refuses '%s' with a message giving the range", (text) => {
      expect(() => parseMatchId(text, '--match')).toThrow(UsageError);
      expect(() => parseMatchId(text, '--match'))
        .toThrow(`--match must be a whole number from 1 to 2147483647, not '${text}'`);
    });

  it('is what backfill --match uses', () => {
    expect(parseBackfillOptions(['--match', '2147483647']).matchId)
      .toBe(2147483647);
    expect(() => parseBackfillOptions(['--match', '2147483648']))
      .toThrow('--match must be a whole number from 1 to 2147483647');
  });
});

describe('commands given a match id beyond the integer column', () => {
  it('analysis 2147483648: exit 2, one line giving the range', async () => {
    const run = await runCli(['analysis', '2147483648'],
      { SCORELINE_DATA_DIR: path.join(root, 'a') });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/from 1 to 2147483647, not '2147483648'/);
  });

  it('analysis 99999999999: the same message, not "a positive integer"', async () => {
    const run = await runCli(['analysis', '99999999999'],
      { SCORELINE_DATA_DIR: path.join(root, 'b') });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/from 1 to 2147483647, not '99999999999'/);
  });

  it('backfill --match 2147483648: exit 2, one line', async () => {
    const run = await runCli(['backfill', '--dry-run', '--match', '2147483648'],
      { SCORELINE_DATA_DIR: path.join(root, 'c') });
    expect(run.code).toBe(2);
    expectOneCleanLine(run);
    expect(run.stderr).toMatch(/--match must be a whole number from 1 to 2147483647/);
  });
});
