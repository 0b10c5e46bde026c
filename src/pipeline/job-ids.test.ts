import { describe, expect, it } from 'vitest';
import { InternalError } from '../core/errors.ts';
import { assertJobId, jobIdFor } from './job-ids.ts';

describe('jobIdFor', () => {
  it('makes the regular ids of each stage', () => {
    expect(jobIdFor('analysis', 42)).toBe('analyze-42');
    expect(jobIdFor('predictions', 42)).toBe('predict-42');
    expect(jobIdFor('settlement', 42)).toBe('settle-42');
  });

  it('makes the backfill ids with retro', () => {
    const retro = { retroactive: true };
    expect(jobIdFor('analysis', 7, retro)).toBe('analyze-retro-7');
    expect(jobIdFor('predictions', 7, retro)).toBe('predict-retro-7');
    expect(jobIdFor('settlement', 7, retro)).toBe('settle-retro-7');
  });

  it('refuses a match id that is not a positive integer', () => {
    expect(() => jobIdFor('analysis', 0)).toThrow(InternalError);
    expect(() => jobIdFor('analysis', 1.5)).toThrow(InternalError);
    expect(() => jobIdFor('analysis', Number.NaN)).toThrow(InternalError);
  });
});

describe('assertJobId', () => {
  it('refuses ids with a colon, only digits, or empty', () => {
    expect(() => assertJobId('predict:1')).toThrow(InternalError);
    expect(() => assertJobId('123')).toThrow(InternalError);
    expect(() => assertJobId('')).toThrow(InternalError);
  });

  it('returns a safe id unchanged', () => {
    expect(assertJobId('predict-1')).toBe('predict-1');
  });
});
