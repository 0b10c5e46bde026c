import type { ResponseErrors } from './envelope-schema.ts';

/** What an `errors` value in an HTTP 200 body means for the caller. */
export type ErrorVerdict =
  | { kind: 'none' }
  | { kind: 'quota'; detail: string }
  | { kind: 'token'; detail: string }
  | { kind: 'rate-limit'; detail: string }
  | { kind: 'field'; field: string; detail: string };

/**
 * Classifies the body's `errors`: an empty list or object is no error;
 * `requests` is the daily quota, `token` the key, `rateLimit` the
 * per-minute limit, and any other key a rejected request field.
 */
export function classifyErrors(errors: ResponseErrors): ErrorVerdict {
  const entries = errorEntries(errors);
  if (entries.length === 0) return { kind: 'none' };
  const find = (key: string) =>
    entries.find(([field]) => field.toLowerCase() === key.toLowerCase());

  const quota = find('requests');
  if (quota) return { kind: 'quota', detail: quota[1] };
  const token = find('token');
  if (token) return { kind: 'token', detail: token[1] };
  const rateLimit = find('rateLimit');
  if (rateLimit) return { kind: 'rate-limit', detail: rateLimit[1] };
  const [field, detail] = entries[0]!;
  return { kind: 'field', field, detail };
}

function errorEntries(errors: ResponseErrors): [string, string][] {
  if (!Array.isArray(errors)) return Object.entries(errors);
  return errors.flatMap((item): [string, string][] =>
    typeof item === 'string' ? [['unknown', item]] : Object.entries(item),
  );
}
