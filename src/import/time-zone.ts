/**
 * Local date and time in an IANA time zone, converted to and from UTC with
 * the offsets `Intl.DateTimeFormat` knows, so that daylight saving time is
 * right whatever the time zone of the process.
 */

import { InternalError } from '../core/errors.ts';
import { isRealDate } from './local-date-time.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of an instant in a time zone. */
function wallClockOf(instant: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 0,
    day: fields.day ?? 0,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** Milliseconds the zone is ahead of UTC at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallClockOf(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute,
    w.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a local date (`YYYY-MM-DD`) and time (`HH:MM`, or null for
 * local midnight) in a time zone. A time that does not exist (the hour
 * skipped when clocks go forward) is read with the offset from before the
 * change, so it lands one hour later. A day or time that does not exist
 * is an InternalError: readers must check values with local-date-time.
 */
export function localToUtc(
  date: string,
  time: string | null,
  timeZone: string,
): Date {
  // Many matches share a day and time; formatting is the slow part.
  const key = `${timeZone} ${date} ${time ?? ''}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    instant = computeLocalToUtc(date, time, timeZone);
    instants.set(key, instant);
  }
  return new Date(instant);
}

const instants = new Map<string, number>();

function computeLocalToUtc(
  date: string,
  time: string | null,
  timeZone: string,
): number {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = (time ?? '00:00').split(':').map(Number);
  // Date.UTC rolls 31 February over into March: readers check first.
  if (!isRealDate(year ?? 0, month ?? 0, day ?? 0) ||
    !(hour! >= 0 && hour! <= 23 && minute! >= 0 && minute! <= 59)) {
    throw new InternalError(
      `local date and time '${date} ${time ?? ''}' do not exist`);
  }
  const wall = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0,
    minute ?? 0);
  // Two rounds: the offset at the first guess can differ from the offset
  // at the answer when a clock change lies between them.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (offsetAt(first, timeZone) === wall - first) return first;
  return second;
}

/** The local date (`YYYY-MM-DD`) of an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): string {
  const key = `${timeZone} ${instant.getTime()}`;
  let date = localDates.get(key);
  if (date === undefined) {
    const w = wallClockOf(instant.getTime(), timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
    localDates.set(key, date);
  }
  return date;
}

const localDates = new Map<string, string>();

/** True when the string names a time zone this runtime knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
