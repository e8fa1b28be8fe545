import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  daysInMonth,
  firstDayOfMonthIndex,
  isLeapYear,
  lastDayOfMonthIndex,
  monthIndexOfDate,
  mustParseIsoDate,
  parseIsoDate,
} from '../../../src/domain/dates.ts';

describe('isLeapYear', () => {
  it.each([
    [1900, false],
    [2000, true],
    [2023, false],
    [2024, true],
    [2100, false],
    [2400, true],
  ])('%i → %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2025, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2025, 1, 31],
    [2025, 4, 30],
    [2025, 6, 30],
    [2025, 9, 30],
    [2025, 11, 30],
    [2025, 12, 31],
  ])('%i-%i has %i days', (year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2025-07-14', { year: 2025, month: 7, day: 14 }],
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1900-01-01', { year: 1900, month: 1, day: 1 }],
  ])('accepts %s', (text, expected) => {
    expect(parseIsoDate(text)).toEqual(expected);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-01',
    ' 2025-01-01',
    '2025-01-01T00:00:00Z',
    '20250101',
    '',
  ])('rejects %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
    expect(() => mustParseIsoDate(text)).toThrow(`"${text}"`);
  });
});

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-01-01', 10957],
    ['2000-03-01', 11017],
    ['1900-01-01', -25567],
  ])('%s is day %i', (iso, days) => {
    expect(dayNumber(mustParseIsoDate(iso))).toBe(days);
    expect(dateOfDayNumber(days)).toEqual(mustParseIsoDate(iso));
  });
});

describe('addDays', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-12-31', 90, '2027-03-31'],
    ['2025-07-14', 0, '2025-07-14'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('%s + %i days = %s', (from, days, expected) => {
    expect(addDays(from, days)).toBe(expected);
  });

  it('rejects a fractional number of days', () => {
    expect(() => addDays('2025-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2025-01-01', '2025-07-02', 182],
    ['2025-03-01', '2025-02-01', -28],
    ['2025-03-01', '2025-03-01', 0],
  ])('%s → %s is %i days', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});

describe('month indices', () => {
  it.each([
    ['2025-01-15', 2025 * 12, '2025-01-01', '2025-01-31'],
    ['2024-02-10', 2024 * 12 + 1, '2024-02-01', '2024-02-29'],
    ['2025-12-31', 2025 * 12 + 11, '2025-12-01', '2025-12-31'],
  ])('%s is month %i (%s – %s)', (iso, index, first, last) => {
    expect(monthIndexOfDate(iso)).toBe(index);
    expect(firstDayOfMonthIndex(index)).toBe(first);
    expect(lastDayOfMonthIndex(index)).toBe(last);
  });
});
