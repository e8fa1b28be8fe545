import { describe, expect, it } from 'vitest';
import type { Direction, PeriodValue } from '../../../src/domain/types.ts';
import { forecast, leastSquares } from '../../../src/domain/forecast.ts';

const series = (startYear: number, values: number[]): PeriodValue[] =>
  values.map((value, i) => ({ period: String(startYear + i), value }));

describe('worked example (DESIGN.md): forecast', () => {
  it('10, 12, 14 for 2023–2025, target 20 in 2027 → projected 18, not likely, required 3 vs trend 2', () => {
    const result = forecast({
      values: series(2023, [10, 12, 14]),
      target: { period: '2027', value: 20 },
      direction: 'increase',
    });
    expect(result.trendPerPeriod).toBeCloseTo(2, 12);
    expect(result.projected).toBeCloseTo(18, 9);
    expect(result.requiredPerPeriod).toBeCloseTo(3, 12);
    expect(result.periodsLeft).toBe(2);
    expect(result.likely).toBe(false);
    expect(result.basis).toBe(3);
  });
});

describe('forecast', () => {
  it.each<
    [string, PeriodValue[], string, number, Direction, number, number, number, number, boolean]
  >([
    ['increasing, likely', series(2023, [10, 13, 16]), '2027', 20, 'increase', 3, 22, 2, 2, true],
    [
      'decreasing, not likely',
      series(2022, [50, 48, 46]),
      '2026',
      40,
      'decrease',
      -2,
      42,
      -3,
      2,
      false,
    ],
    ['decreasing, likely', series(2022, [50, 47, 44]), '2026', 40, 'decrease', -3, 38, -2, 2, true],
    [
      'decreasing, exactly on target',
      series(2022, [50, 48, 46]),
      '2026',
      42,
      'decrease',
      -2,
      42,
      -2,
      2,
      true,
    ],
    [
      'irregular gaps',
      [
        { period: '2020', value: 0 },
        { period: '2025', value: 10 },
      ],
      '2027',
      12,
      'increase',
      2,
      14,
      1,
      2,
      true,
    ],
    [
      'unsorted input',
      [
        { period: '2025', value: 14 },
        { period: '2023', value: 10 },
        { period: '2024', value: 12 },
      ],
      '2027',
      20,
      'increase',
      2,
      18,
      3,
      2,
      false,
    ],
    [
      'quarterly values, quarterly target',
      [
        { period: '2025-Q1', value: 100 },
        { period: '2025-Q2', value: 110 },
        { period: '2025-Q3', value: 120 },
      ],
      '2026-Q4',
      200,
      'increase',
      10,
      170,
      16,
      5,
      false,
    ],
    [
      'quarterly values, yearly target (counted in quarters)',
      [
        { period: '2025-Q1', value: 100 },
        { period: '2025-Q2', value: 110 },
        { period: '2025-Q3', value: 120 },
      ],
      '2026',
      200,
      'increase',
      10,
      170,
      16,
      5,
      false,
    ],
    [
      'monthly values across a year boundary',
      [
        { period: '2025-11', value: 1 },
        { period: '2025-12', value: 2 },
        { period: '2026-01', value: 3 },
      ],
      '2026-06',
      9,
      'increase',
      1,
      8,
      6 / 5,
      5,
      false,
    ],
  ])(
    '%s',
    (
      _name,
      values,
      targetPeriod,
      targetValue,
      direction,
      trend,
      projected,
      required,
      left,
      likely,
    ) => {
      const result = forecast({
        values,
        target: { period: targetPeriod, value: targetValue },
        direction,
      });
      expect(result.trendPerPeriod).toBeCloseTo(trend, 9);
      expect(result.projected).toBeCloseTo(projected, 9);
      expect(result.requiredPerPeriod).toBeCloseTo(required, 9);
      expect(result.periodsLeft).toBeCloseTo(left, 12);
      expect(result.likely).toBe(likely);
    },
  );

  it('academic-year values against a calendar-year target: a fraction of a period is left', () => {
    // 2025-26 ends in August 2026; 2027 ends in December 2027: 16 months = 4/3 academic years.
    const result = forecast({
      values: [
        { period: '2024-25', value: 100 },
        { period: '2025-26', value: 110 },
      ],
      target: { period: '2027', value: 120 },
      direction: 'increase',
    });
    expect(result.periodsLeft).toBeCloseTo(4 / 3, 12);
    expect(result.requiredPerPeriod).toBeCloseTo(7.5, 9);
    expect(result.trendPerPeriod).toBeCloseTo(10, 9);
    expect(result.projected).toBeCloseTo(110 + (10 * 4) / 3, 9);
    expect(result.likely).toBe(true);
  });

  it('a range indicator has no likelihood', () => {
    const result = forecast({
      values: series(2023, [10, 12, 14]),
      target: { period: '2027', value: 20 },
      direction: 'range',
    });
    expect(result.projected).toBeCloseTo(18, 9);
    expect(result.likely).toBeNull();
  });

  it('a single value: no trend, but the required rate', () => {
    expect(
      forecast({
        values: series(2025, [14]),
        target: { period: '2027', value: 20 },
        direction: 'increase',
      }),
    ).toEqual({
      trendPerPeriod: null,
      projected: null,
      requiredPerPeriod: 3,
      periodsLeft: 2,
      likely: null,
      basis: 1,
    });
  });

  it('no values: nothing to say', () => {
    expect(
      forecast({ values: [], target: { period: '2027', value: 20 }, direction: 'increase' }),
    ).toEqual({
      trendPerPeriod: null,
      projected: null,
      requiredPerPeriod: null,
      periodsLeft: 0,
      likely: null,
      basis: 0,
    });
  });

  it('two values in the same period give no trend', () => {
    const result = forecast({
      values: [
        { period: '2025', value: 1 },
        { period: '2025', value: 3 },
      ],
      target: { period: '2027', value: 20 },
      direction: 'increase',
    });
    expect(result.trendPerPeriod).toBeNull();
    expect(result.likely).toBeNull();
    expect(result.basis).toBe(2);
  });

  it.each<[string, number | null, number, boolean]>([
    ['2025', null, 0, true],
    ['2024', null, -1, true],
  ])(
    'target %s at or before the latest value: no required rate',
    (period, required, left, likely) => {
      const result = forecast({
        values: series(2023, [10, 12, 14]),
        target: { period, value: 12 },
        direction: 'increase',
      });
      expect(result.requiredPerPeriod).toBe(required);
      expect(result.periodsLeft).toBe(left);
      expect(result.likely).toBe(likely);
    },
  );

  it('uses the 5 latest values by default', () => {
    // 2021–2025: 0, 0, 10, 12, 14 → slope 40 / 10 = 4; line at 2027: 7.2 + 4 × 4 = 23.2.
    const result = forecast({
      values: series(2019, [0, 0, 0, 0, 10, 12, 14]),
      target: { period: '2027', value: 20 },
      direction: 'increase',
    });
    expect(result.basis).toBe(5);
    expect(result.trendPerPeriod).toBeCloseTo(4, 9);
    expect(result.projected).toBeCloseTo(23.2, 9);
    expect(result.likely).toBe(true);
  });

  it('honours a smaller window', () => {
    const result = forecast({
      values: series(2019, [0, 0, 0, 0, 10, 12, 14]),
      target: { period: '2027', value: 20 },
      direction: 'increase',
      window: 3,
    });
    expect(result.basis).toBe(3);
    expect(result.trendPerPeriod).toBeCloseTo(2, 9);
    expect(result.likely).toBe(false);
  });

  it('ignores non-finite values', () => {
    const result = forecast({
      values: [...series(2023, [10, 12, 14]), { period: '2026', value: Number.NaN }],
      target: { period: '2027', value: 20 },
      direction: 'increase',
    });
    expect(result.basis).toBe(3);
    expect(result.projected).toBeCloseTo(18, 9);
  });

  it.each([0, -1, 2.5])('rejects the window %d', (window) => {
    expect(() =>
      forecast({ values: [], target: { period: '2027', value: 1 }, direction: 'increase', window }),
    ).toThrow(RangeError);
  });

  it('throws on an invalid period', () => {
    expect(() =>
      forecast({
        values: [{ period: '2025-Q5', value: 1 }],
        target: { period: '2027', value: 1 },
        direction: 'increase',
      }),
    ).toThrow('"2025-Q5"');
  });
});

describe('leastSquares', () => {
  it.each<[string, { x: number; y: number }[], { slope: number; intercept: number } | null]>([
    [
      'a perfect line',
      [
        { x: 0, y: 1 },
        { x: 1, y: 3 },
        { x: 2, y: 5 },
      ],
      { slope: 2, intercept: 1 },
    ],
    [
      'noisy points',
      [
        { x: 0, y: 0 },
        { x: 1, y: 2 },
        { x: 2, y: 1 },
      ],
      { slope: 0.5, intercept: 0.5 },
    ],
    ['one point', [{ x: 0, y: 1 }], null],
    [
      'all x equal',
      [
        { x: 3, y: 1 },
        { x: 3, y: 2 },
      ],
      null,
    ],
  ])('%s', (_name, points, expected) => {
    const line = leastSquares(points);
    if (expected === null) {
      expect(line).toBeNull();
      return;
    }
    expect(line?.slope).toBeCloseTo(expected.slope, 12);
    expect(line?.intercept).toBeCloseTo(expected.intercept, 12);
  });
});
