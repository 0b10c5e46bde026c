import { describe, expect, it } from 'vitest';
import { InternalError } from '../core/errors.ts';
import { countTendencies, quotaFor, quotasFor } from './quota-for.ts';
import { DEFAULT_SCORING_CONFIG } from './scoring-config.ts';

// Every expected quota below is worked out by hand from the brief's
// fraction (6n + 14c) / (10c), clamped to [2, 6], then rounded half up.
describe('quotaFor with the default constants', () => {
  it.each([
    // [c, n, fraction as worked out, quota]
    [2, 7, '70/20 = 3.5', 4],
    [6, 11, '150/60 = 2.5', 3],
    [4, 14, '140/40 = 3.5', 4],
    [6, 31, '270/60 = 4.5', 5],
    [1, 2, '26/10 = 2.6', 3],
    [1, 3, '32/10 = 3.2', 3],
    [2, 3, '46/20 = 2.3', 2],
    [1, 5, '44/10 = 4.4', 4],
    [1, 6, '50/10 = 5.0', 5],
    [1, 7, '56/10 = 5.6', 6],
    [2, 10, '88/20 = 4.4', 4],
    [3, 10, '102/30 = 3.4', 3],
    [4, 10, '116/40 = 2.9', 3],
    [5, 10, '130/50 = 2.6', 3],
    [7, 10, '158/70 = 2.26', 2],
    [10, 42, '392/100 = 3.92', 4],
    [21, 42, '546/210 = 2.6', 3],
    [30, 42, '672/300 = 2.24', 2],
  ])('c = %i of n = %i: %s gives %i', (c, n, _fraction, quota) => {
    expect(quotaFor(c, n)).toBe(quota);
  });

  it('gives the maximum 6 to a tendency nobody called', () => {
    expect(quotaFor(0, 10)).toBe(6);
    expect(quotaFor(0, 0)).toBe(6);
  });

  it('gives the minimum 2 when every prediction calls the tendency', () => {
    // (6n + 14n) / (10n) = 2 exactly, for any n.
    for (const n of [1, 2, 7, 42, 1000]) expect(quotaFor(n, n)).toBe(2);
  });

  it('clamps rare calls to 6 and common ones to 2', () => {
    expect(quotaFor(1, 8)).toBe(6); // 62/10 = 6.2
    expect(quotaFor(1, 42)).toBe(6); // 266/10 = 26.6
    expect(quotaFor(2, 17)).toBe(6); // 130/20 = 6.5, clamped before rounding
    expect(quotaFor(9, 10)).toBe(2); // 186/90 = 2.07
  });

  it('rounds an exact x.5 up where floating point rounds it down', () => {
    // A plain floating-point reading of the formula gives 3.4999999999999996
    // for n = 7, c = 2, which Math.round turns into 3. The exact value is
    // 3.5, so the quota is 4.
    const float = 6 / (10 * (2 / 7)) + 2 - 0.6;
    expect(float).toBeLessThan(3.5);
    expect(Math.round(float)).toBe(3);
    expect(quotaFor(2, 7)).toBe(4);
  });

  it('rejects impossible counts as an internal error', () => {
    expect(() => quotaFor(3, 2)).toThrow(InternalError);
    expect(() => quotaFor(-1, 2)).toThrow(InternalError);
    expect(() => quotaFor(1.5, 4)).toThrow(InternalError);
  });
});

describe('quotaFor with other constants', () => {
  it('uses min and max inside the formula: max / (10c/n) - 0.6 + min', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, quotaMin: 3, quotaMax: 8 };
    // (8n + 24c) / (10c)
    expect(quotaFor(5, 10, config)).toBe(4); // 200/50 = 4
    expect(quotaFor(2, 10, config)).toBe(6); // 128/20 = 6.4
    expect(quotaFor(1, 10, config)).toBe(8); // 104/10 = 10.4, clamped
    expect(quotaFor(4, 4, config)).toBe(3); // 128/40 = 3.2
    expect(quotaFor(0, 4, config)).toBe(8); // nobody: the maximum
  });

  it('goes down to a minimum of 1', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, quotaMin: 1 };
    // (6n + 4c) / (10c)
    expect(quotaFor(10, 10, config)).toBe(1); // 100/100 = 1
    expect(quotaFor(5, 10, config)).toBe(2); // 80/50 = 1.6
    expect(quotaFor(4, 10, config)).toBe(2); // 76/40 = 1.9
  });

  it('rejects bounds that are not whole numbers', () => {
    const config = { ...DEFAULT_SCORING_CONFIG, quotaMin: 2.5 };
    expect(() => quotaFor(1, 2, config)).toThrow(InternalError);
  });
});

describe('quotasFor', () => {
  it('gives the three quotas of a match', () => {
    // 7 predictions: 4 home, 2 draw, 1 away.
    const counts = countTendencies(['H', 'H', 'D', 'A', 'H', 'D', 'H']);
    expect(counts).toEqual({ H: 4, D: 2, A: 1 });
    // H: 98/40 = 2.45 -> 2; D: 70/20 = 3.5 -> 4; A: 56/10 = 5.6 -> 6.
    expect(quotasFor(counts)).toEqual({ H: 2, D: 4, A: 6 });
  });
});
