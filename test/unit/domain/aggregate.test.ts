import { describe, expect, it } from 'vitest';
import type { Aggregation } from '../../../src/domain/types.ts';
import { aggregate } from '../../../src/domain/aggregate.ts';
import type { AggregateResult, UnitFigure } from '../../../src/domain/aggregate.ts';

describe('worked example (DESIGN.md): international students, ratio of sums', () => {
  it('X 300 of 1,000, Y 50 of 500, Z no figure → 23.3 % (not the 20 % mean of rates), 2 of 3', () => {
    const result = aggregate(
      { aggregation: 'ratio_of_sums', scale: 100 },
      [
        { unitId: 'X', numerator: 300, denominator: 1000 },
        { unitId: 'Y', numerator: 50, denominator: 500 },
      ],
      ['X', 'Y', 'Z'],
    );
    expect(result.value).toBeCloseTo(23.333333, 5);
    expect(result.value).not.toBeCloseTo(20, 1);
    expect(result.coverage).toEqual({ reporting: 2, expected: 3, missing: ['Z'] });
    expect(result.issue).toBeNull();
  });
});

describe('worked example (DESIGN.md): employment rate, weighted mean by graduates', () => {
  it('X 90 % of 800, Y 80 % of 200 → 88 %', () => {
    const result = aggregate(
      { aggregation: 'weighted_mean' },
      [
        { unitId: 'X', value: 90, weight: 800 },
        { unitId: 'Y', value: 80, weight: 200 },
      ],
      ['X', 'Y'],
    );
    expect(result.value).toBeCloseTo(88, 12);
    expect(result.coverage).toEqual({ reporting: 2, expected: 2, missing: [] });
  });
});

describe('simple aggregations over value, with a unit missing', () => {
  const figures: UnitFigure[] = [
    { unitId: 'A', value: 10 },
    { unitId: 'B', value: 20 },
    { unitId: 'C', value: null },
  ];
  it.each<[Aggregation, number]>([
    ['sum', 30],
    ['mean', 15],
    ['min', 10],
    ['max', 20],
  ])('%s → %d, coverage 2 of 3', (aggregation, value) => {
    const result = aggregate({ aggregation }, figures, ['A', 'B', 'C']);
    expect(result.value).toBeCloseTo(value, 12);
    expect(result.issue).toBeNull();
    expect(result.coverage).toEqual({ reporting: 2, expected: 3, missing: ['C'] });
  });

  it.each<[Aggregation, number]>([
    ['min', -5],
    ['max', 3],
    ['sum', -2],
    ['mean', -1],
  ])('%s with negative values → %d', (aggregation, value) => {
    const result = aggregate(
      { aggregation },
      [
        { unitId: 'A', value: -5 },
        { unitId: 'B', value: 3 },
      ],
      ['A', 'B'],
    );
    expect(result.value).toBeCloseTo(value, 12);
  });
});

describe('edge cases', () => {
  it.each<[string, Aggregation, number | undefined, UnitFigure[], string[], AggregateResult]>([
    [
      'none is not aggregable',
      'none',
      undefined,
      [{ unitId: 'A', value: 1 }],
      ['A', 'B'],
      {
        value: null,
        issue: 'not_aggregable',
        coverage: { reporting: 1, expected: 2, missing: ['B'] },
      },
    ],
    [
      'no unit reports',
      'sum',
      undefined,
      [{ unitId: 'A', value: null }],
      ['A', 'B'],
      {
        value: null,
        issue: 'no_data',
        coverage: { reporting: 0, expected: 2, missing: ['A', 'B'] },
      },
    ],
    [
      'nothing expected, nothing given',
      'mean',
      undefined,
      [],
      [],
      { value: null, issue: 'no_data', coverage: { reporting: 0, expected: 0, missing: [] } },
    ],
    [
      'zero denominator sum',
      'ratio_of_sums',
      100,
      [
        { unitId: 'A', numerator: 0, denominator: 0 },
        { unitId: 'B', numerator: 0, denominator: 0 },
      ],
      ['A', 'B'],
      {
        value: null,
        issue: 'zero_denominator',
        coverage: { reporting: 2, expected: 2, missing: [] },
      },
    ],
    [
      'zero total weight',
      'weighted_mean',
      undefined,
      [
        { unitId: 'A', value: 50, weight: 0 },
        { unitId: 'B', value: 70, weight: 0 },
      ],
      ['A', 'B'],
      { value: null, issue: 'zero_weight', coverage: { reporting: 2, expected: 2, missing: [] } },
    ],
    [
      'a value without a weight does not report in a weighted mean',
      'weighted_mean',
      undefined,
      [
        { unitId: 'A', value: 90, weight: 800 },
        { unitId: 'B', value: 10 },
      ],
      ['A', 'B'],
      { value: 90, issue: null, coverage: { reporting: 1, expected: 2, missing: ['B'] } },
    ],
    [
      'a negative weight counts as missing',
      'weighted_mean',
      undefined,
      [
        { unitId: 'A', value: 90, weight: 800 },
        { unitId: 'B', value: 10, weight: -5 },
      ],
      ['A', 'B'],
      { value: 90, issue: null, coverage: { reporting: 1, expected: 2, missing: ['B'] } },
    ],
    [
      'a numerator without a denominator does not report in a ratio',
      'ratio_of_sums',
      undefined,
      [
        { unitId: 'A', numerator: 1, denominator: 4 },
        { unitId: 'B', numerator: 3, denominator: null },
      ],
      ['A', 'B'],
      { value: 0.25, issue: null, coverage: { reporting: 1, expected: 2, missing: ['B'] } },
    ],
    [
      'a ratio without scale is a plain fraction',
      'ratio_of_sums',
      undefined,
      [
        { unitId: 'X', numerator: 300, denominator: 1000 },
        { unitId: 'Y', numerator: 50, denominator: 500 },
      ],
      ['X', 'Y'],
      { value: 350 / 1500, issue: null, coverage: { reporting: 2, expected: 2, missing: [] } },
    ],
    [
      'NaN and Infinity are ignored as missing',
      'mean',
      undefined,
      [
        { unitId: 'A', value: 4 },
        { unitId: 'B', value: Number.NaN },
        { unitId: 'C', value: Number.POSITIVE_INFINITY },
        { unitId: 'D', value: 8 },
      ],
      ['A', 'B', 'C', 'D'],
      { value: 6, issue: null, coverage: { reporting: 2, expected: 4, missing: ['B', 'C'] } },
    ],
    [
      'an infinite denominator is ignored as missing',
      'ratio_of_sums',
      100,
      [
        { unitId: 'A', numerator: 1, denominator: 4 },
        { unitId: 'B', numerator: 1, denominator: Number.POSITIVE_INFINITY },
      ],
      ['A', 'B'],
      { value: 25, issue: null, coverage: { reporting: 1, expected: 2, missing: ['B'] } },
    ],
    [
      'a unit not expected counts as reporting and as expected',
      'sum',
      undefined,
      [
        { unitId: 'A', value: 10 },
        { unitId: 'B', value: 5 },
      ],
      ['A'],
      { value: 15, issue: null, coverage: { reporting: 2, expected: 2, missing: [] } },
    ],
    [
      'an unexpected unit without a figure changes nothing',
      'sum',
      undefined,
      [
        { unitId: 'A', value: 10 },
        { unitId: 'B', value: null },
      ],
      ['A'],
      { value: 10, issue: null, coverage: { reporting: 1, expected: 1, missing: [] } },
    ],
    [
      'expected units listed twice count once',
      'max',
      undefined,
      [{ unitId: 'A', value: 10 }],
      ['A', 'B', 'A', 'B'],
      { value: 10, issue: null, coverage: { reporting: 1, expected: 2, missing: ['B'] } },
    ],
  ])('%s', (_name, aggregation, scale, figures, expected, want) => {
    const rule = scale === undefined ? { aggregation } : { aggregation, scale };
    const result = aggregate(rule, figures, expected);
    expect(result.issue).toBe(want.issue);
    expect(result.coverage).toEqual(want.coverage);
    if (want.value === null) expect(result.value).toBeNull();
    else expect(result.value).toBeCloseTo(want.value, 12);
  });

  it('throws when a unit has two figures', () => {
    expect(() =>
      aggregate(
        { aggregation: 'sum' },
        [
          { unitId: 'A', value: 1 },
          { unitId: 'A', value: 2 },
        ],
        ['A'],
      ),
    ).toThrow('"A"');
  });
});
