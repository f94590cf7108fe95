import { InputError } from '../errors.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

/**
 * Check a publication date as the user typed it and return it unchanged (the schema keeps it "as supplied").
 * Date-times must carry an offset: without one, "10:00" could be any of 26 hours on the clock.
 */
export function parsePublished(s: string, input = '--published'): string {
  if (isCalendarDate(s) || isDateTimeWithOffset(s)) return s;
  throw new InputError(input, `not a date: "${s}" (expected YYYY-MM-DD or ISO date-time with offset)`);
}

/** A YYYY-MM-DD that names a real day (no 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && realDay(+m[1], +m[2], +m[3]);
}

function isDateTimeWithOffset(s: string): boolean {
  const m = DATE_TIME.exec(s);
  if (!m || !realDay(+m[1], +m[2], +m[3])) return false;
  const [hour, minute, second] = [+m[4], +m[5], m[6] === undefined ? 0 : +m[6]];
  if (hour > 23 || minute > 59 || second > 59) return false;
  return m[7] === 'Z' || (+m[8] <= 14 && +m[9] <= 59);
}

function realDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
  return d <= days;
}
