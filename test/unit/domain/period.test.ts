import { describe, expect, it } from 'vitest';
import type { PeriodKind } from '../../../src/domain/types.ts';
import {
  addPeriods,
  comparePeriods,
  mustParsePeriod,
  parsePeriod,
  periodContaining,
  periodLengthMonths,
  periodsBetween,
} from '../../../src/domain/period.ts';

/** Month index of a year and a 1-based month, written out independently of the code. */
const m = (year: number, month: number): number => year * 12 + month - 1;

describe('parsePeriod: valid texts', () => {
  it.each<[string, PeriodKind, string, string, number, number]>([
    ['2025', 'year', '2025-01-01', '2025-12-31', m(2025, 1), m(2026, 1)],
    ['2025-26', 'academic_year', '2025-09-01', '2026-08-31', m(2025, 9), m(2026, 9)],
    ['1999-00', 'academic_year', '1999-09-01', '2000-08-31', m(1999, 9), m(2000, 9)],
    ['2023-24', 'academic_year', '2023-09-01', '2024-08-31', m(2023, 9), m(2024, 9)],
    ['2025-S1', 'semester', '2025-01-01', '2025-06-30', m(2025, 1), m(2025, 7)],
    ['2025-S2', 'semester', '2025-07-01', '2025-12-31', m(2025, 7), m(2026, 1)],
    ['2025-Q1', 'quarter', '2025-01-01', '2025-03-31', m(2025, 1), m(2025, 4)],
    ['2025-Q2', 'quarter', '2025-04-01', '2025-06-30', m(2025, 4), m(2025, 7)],
    ['2025-Q3', 'quarter', '2025-07-01', '2025-09-30', m(2025, 7), m(2025, 10)],
    ['2025-Q4', 'quarter', '2025-10-01', '2025-12-31', m(2025, 10), m(2026, 1)],
    ['2025-07', 'month', '2025-07-01', '2025-07-31', m(2025, 7), m(2025, 8)],
    ['2024-02', 'month', '2024-02-01', '2024-02-29', m(2024, 2), m(2024, 3)],
    ['2025-02', 'month', '2025-02-01', '2025-02-28', m(2025, 2), m(2025, 3)],
    ['2000-02', 'month', '2000-02-01', '2000-02-29', m(2000, 2), m(2000, 3)],
    ['1900-02', 'month', '1900-02-01', '1900-02-28', m(1900, 2), m(1900, 3)],
    ['1900', 'year', '1900-01-01', '1900-12-31', m(1900, 1), m(1901, 1)],
    ['2200', 'year', '2200-01-01', '2200-12-31', m(2200, 1), m(2201, 1)],
    ['2200-12', 'month', '2200-12-01', '2200-12-31', m(2200, 12), m(2201, 1)],
  ])('%s is a %s from %s to %s', (text, kind, start, end, startMonth, endMonth) => {
    expect(parsePeriod(text)).toEqual({ kind, text, start, end, startMonth, endMonth });
  });
});

describe('parsePeriod: invalid texts', () => {
  it.each([
    '',
    ' 2025',
    '2025 ',
    '25',
    '20255',
    '1899',
    '2201',
    '1899-00',
    '2025-27',
    '2025-25',
    '2025-2026',
    '2025/26',
    '2025-S0',
    '2025-S3',
    '2025-s1',
    '2025-Q0',
    '2025-Q5',
    '2025-q1',
    '2025-H1',
    '2025-00',
    '2025-13',
    '2025-7',
    '2025-007',
    'abcd',
    '2025-07-01',
  ])('%j is not a period', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });

  it.each(['2025-13', 'next year', ''])('mustParsePeriod(%j) throws naming the text', (text) => {
    expect(() => mustParsePeriod(text)).toThrow(`"${text}"`);
  });
});

describe('parsePeriod: ambiguous yyyy-mm and the kind hint', () => {
  it.each<[string, PeriodKind | undefined, PeriodKind | null]>([
    ['2011-12', undefined, 'month'],
    ['2000-01', undefined, 'month'],
    ['2011-12', 'academic_year', 'academic_year'],
    ['2011-12', 'month', 'month'],
    ['2025-26', 'month', null],
    ['2025-07', 'academic_year', null],
    ['2025', 'month', null],
    ['2025-S1', 'quarter', null],
    ['2025-Q1', 'quarter', 'quarter'],
  ])('%s read as %s → %s', (text, hint, expected) => {
    expect(parsePeriod(text, hint)?.kind ?? null).toBe(expected);
  });

  it('an ambiguous academic year spans September to August', () => {
    expect(parsePeriod('2011-12', 'academic_year')).toMatchObject({
      start: '2011-09-01',
      end: '2012-08-31',
    });
  });

  it('mustParsePeriod with a kind throws on another form', () => {
    expect(() => mustParsePeriod('2025', 'month')).toThrow('"2025"');
  });
});

describe('periodLengthMonths', () => {
  it.each<[PeriodKind, number]>([
    ['year', 12],
    ['academic_year', 12],
    ['semester', 6],
    ['quarter', 3],
    ['month', 1],
  ])('%s lasts %i months', (kind, months) => {
    expect(periodLengthMonths(kind)).toBe(months);
  });
});

describe('comparePeriods', () => {
  const p = (text: string) => mustParsePeriod(text);

  it.each<[string, string, '<' | '=' | '>']>([
    ['2024', '2025', '<'],
    ['2025', '2025', '='],
    ['2025-26', '2026', '<'],
    ['2025', '2025-26', '<'],
    ['2025-S1', '2024-25', '<'],
    ['2025-S2', '2025', '>'],
    ['2025-12', '2025-Q4', '>'],
    ['2025-Q4', '2025-S2', '>'],
    ['2025-Q2', '2025-S1', '>'],
    ['2025-06', '2025-Q2', '>'],
    ['2025-Q1', '2025-02', '>'],
    ['2024-Q4', '2025-01', '<'],
    ['2024-12', '2025-Q1', '<'],
  ])('%s %s %s', (a, b, sign) => {
    const result = comparePeriods(p(a), p(b));
    const expected = { '<': -1, '=': 0, '>': 1 }[sign];
    expect(Math.sign(result)).toBe(expected);
    expect(Math.sign(comparePeriods(p(b), p(a)))).toBe(-expected || 0);
  });

  it('sorts a mix of kinds by end, longer period first when they end together', () => {
    const shuffled = [
      '2025-26',
      '2025-12',
      '2025-Q2',
      '2025',
      '2024-25',
      '2025-01',
      '2026-S1',
      '2025-S2',
      '2025-06',
      '2025-Q1',
      '2025-Q4',
      '2025-S1',
    ];
    const sorted = shuffled
      .map(p)
      .sort(comparePeriods)
      .map((x) => x.text);
    expect(sorted).toEqual([
      '2025-01',
      '2025-Q1',
      '2025-S1',
      '2025-Q2',
      '2025-06',
      '2024-25',
      '2025',
      '2025-S2',
      '2025-Q4',
      '2025-12',
      '2026-S1',
      '2025-26',
    ]);
  });
});

describe('periodContaining', () => {
  it.each<[PeriodKind, string, string]>([
    ['year', '2025-07-14', '2025'],
    ['year', '2025-01-01', '2025'],
    ['year', '2025-12-31', '2025'],
    ['academic_year', '2025-08-31', '2024-25'],
    ['academic_year', '2025-09-01', '2025-26'],
    ['academic_year', '2026-01-15', '2025-26'],
    ['academic_year', '2000-03-01', '1999-00'],
    ['semester', '2025-06-30', '2025-S1'],
    ['semester', '2025-07-01', '2025-S2'],
    ['quarter', '2025-03-31', '2025-Q1'],
    ['quarter', '2025-04-01', '2025-Q2'],
    ['quarter', '2025-12-31', '2025-Q4'],
    ['month', '2024-02-29', '2024-02'],
    ['month', '2025-12-31', '2025-12'],
  ])('the %s containing %s is %s', (kind, date, expected) => {
    const period = periodContaining(kind, date);
    expect(period.kind).toBe(kind);
    expect(period.text).toBe(expected);
    expect(period.start <= date && date <= period.end).toBe(true);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-7-1'])('throws on the invalid date %s', (date) => {
    expect(() => periodContaining('year', date)).toThrow(date);
  });
});

describe('addPeriods', () => {
  it.each<[string, number, string]>([
    ['2025', 2, '2027'],
    ['2025', -3, '2022'],
    ['2025', 0, '2025'],
    ['2025-26', 1, '2026-27'],
    ['2025-26', -2, '2023-24'],
    ['1999-00', 1, '2000-01'],
    ['2025-S2', 1, '2026-S1'],
    ['2025-S1', -1, '2024-S2'],
    ['2025-S1', 4, '2027-S1'],
    ['2025-Q4', 1, '2026-Q1'],
    ['2025-Q1', -5, '2023-Q4'],
    ['2025-12', 1, '2026-01'],
    ['2025-01', -1, '2024-12'],
    ['2024-11', 14, '2026-01'],
    ['2025-03', -27, '2022-12'],
  ])('%s + %i = %s', (text, n, expected) => {
    const result = addPeriods(mustParsePeriod(text), n);
    expect(result.text).toBe(expected);
    expect(result.kind).toBe(mustParsePeriod(text).kind);
  });

  it('keeps the academic-year kind even when its text reads as a month', () => {
    const result = addPeriods(mustParsePeriod('1999-00'), 1);
    expect(result).toMatchObject({ kind: 'academic_year', start: '2000-09-01', end: '2001-08-31' });
  });

  it.each<[string, number]>([
    ['2200', 1],
    ['1900-01', -1],
    ['2025', 1.5],
  ])('%s + %d throws', (text, n) => {
    expect(() => addPeriods(mustParsePeriod(text), n)).toThrow(RangeError);
  });
});

describe('periodsBetween', () => {
  it.each<[string, string, string[]]>([
    ['2025-Q3', '2026-Q2', ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']],
    ['2024-11', '2025-02', ['2024-11', '2024-12', '2025-01', '2025-02']],
    ['2023-24', '2025-26', ['2023-24', '2024-25', '2025-26']],
    ['2025-S2', '2026-S2', ['2025-S2', '2026-S1', '2026-S2']],
    ['2025', '2025', ['2025']],
    ['2026', '2025', []],
  ])('%s … %s', (from, to, expected) => {
    const result = periodsBetween(mustParsePeriod(from), mustParsePeriod(to));
    expect(result.map((x) => x.text)).toEqual(expected);
  });

  it('throws when the kinds differ', () => {
    expect(() => periodsBetween(mustParsePeriod('2025'), mustParsePeriod('2025-Q4'))).toThrow(
      /kind/,
    );
  });
});
