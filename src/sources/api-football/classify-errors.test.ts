import { describe, expect, it } from 'vitest';
import { classifyErrors } from './classify-errors.ts';

describe('classifyErrors', () => {
  it('reads an empty list or object as no error', () => {
    expect(classifyErrors([])).toEqual({ kind: 'none' });
    expect(classifyErrors({})).toEqual({ kind: 'none' });
  });

  it('tells quota, token, rate limit and field errors apart', () => {
    expect(classifyErrors({ requests: 'limit reached' })).toEqual({
      kind: 'quota', detail: 'limit reached',
    });
    expect(classifyErrors({ token: 'missing key' })).toEqual({
      kind: 'token', detail: 'missing key',
    });
    expect(classifyErrors({ rateLimit: 'too many' })).toEqual({
      kind: 'rate-limit', detail: 'too many',
    });
    expect(classifyErrors({ season: 'must be YYYY' })).toEqual({
      kind: 'field', field: 'season', detail: 'must be YYYY',
    });
  });

  it('puts a quota error first, in a list too', () => {
    expect(
      classifyErrors([{ league: 'bad' }, { requests: 'limit reached' }]),
    ).toEqual({ kind: 'quota', detail: 'limit reached' });
    expect(classifyErrors(['something broke'])).toEqual({
      kind: 'field', field: 'unknown', detail: 'something broke',
    });
  });
});
