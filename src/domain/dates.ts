/**
 * Calendar arithmetic on ISO dates (`yyyy-mm-dd`) without `Date`, so results never depend on the
 * time zone of the machine. Day numbers count days since 1970-01-01 (proleptic Gregorian calendar).
 */

/** A calendar date: month 1..12, day 1..31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Parses an exact `yyyy-mm-dd` date; null when the text is not a real calendar date. */
export function parseIsoDate(text: string): CivilDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12) return null;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Like `parseIsoDate`, but throws an Error naming the bad text. */
export function mustParseIsoDate(text: string): CivilDate {
  const date = parseIsoDate(text);
  if (!date) throw new Error(`Invalid ISO date: "${text}" (expected yyyy-mm-dd)`);
  return date;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats a calendar date as `yyyy-mm-dd`. */
export function formatIsoDate(date: CivilDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

/** Days since 1970-01-01 of a calendar date (negative before). */
export function dayNumber(date: CivilDate): number {
  // Howard Hinnant's days_from_civil: years start in March so the leap day comes last.
  const year = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const shiftedMonth = date.month > 2 ? date.month - 3 : date.month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + date.day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The calendar date of a day number (inverse of `dayNumber`). */
export function dateOfDayNumber(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** The ISO date `days` days after (or before, when negative) an ISO date. */
export function addDays(isoDate: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`addDays needs a whole number, got ${days}`);
  return formatIsoDate(dateOfDayNumber(dayNumber(mustParseIsoDate(isoDate)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(mustParseIsoDate(to)) - dayNumber(mustParseIsoDate(from));
}

/** Month index (year × 12 + zero-based month) of an ISO date. */
export function monthIndexOfDate(isoDate: string): number {
  const date = mustParseIsoDate(isoDate);
  return date.year * 12 + date.month - 1;
}

/** First day (ISO) of the month with the given month index. */
export function firstDayOfMonthIndex(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  return formatIsoDate({ year, month: monthIndex - year * 12 + 1, day: 1 });
}

/** Last day (ISO) of the month with the given month index. */
export function lastDayOfMonthIndex(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return formatIsoDate({ year, month, day: daysInMonth(year, month) });
}
