/**
 * Strict readers of the local dates and times written in data files. A
 * value that does not exist on the calendar or the clock (31 February,
 * month 13, 25:99) is refused rather than rolled over into another day.
 */

/** True when the year, month (1-12) and day name a real calendar day. */
export function isRealDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth;
}

/** `YYYY-MM-DD` when the text is such a real day, else null. */
export function parseIsoDate(text: string): string | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!parts) return null;
  const [year, month, day] = parts.slice(1).map(Number) as
    [number, number, number];
  return isRealDate(year, month, day) ? text : null;
}

/**
 * `dd/mm/yyyy` (or `dd/mm/yy` in old football-data.co.uk files) as
 * `YYYY-MM-DD` when it is a real day, else null. Two-digit years 50-99 are
 * 1950-1999 and 00-49 are 2000-2049: the files start in 1993.
 */
export function parseDayMonthYear(text: string): string | null {
  const parts = /^(\d{2})\/(\d{2})\/(\d{2}|\d{4})$/.exec(text);
  if (!parts) return null;
  const [day, month, written] = parts.slice(1) as [string, string, string];
  let year = Number(written);
  if (written.length === 2) year += year >= 50 ? 1900 : 2000;
  if (!isRealDate(year, Number(month), Number(day))) return null;
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/** `HH:MM` (00:00 to 23:59; one hour digit allowed) or null. */
export function parseClockTime(text: string): string | null {
  const parts = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!parts) return null;
  const hour = Number(parts[1]);
  const minute = Number(parts[2]);
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${parts[2]}`;
}
