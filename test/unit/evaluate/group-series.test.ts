/**
 * The group series of an indicator: a figure reported for the group unit wins; otherwise the
 * schools' figures are aggregated by the indicator's rule, with the weakest provenance of the
 * inputs and the coverage of the schools expected to report.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/domain/evaluate/index.ts';
import type { EvalFigure, EvalIndicator } from '../../../src/domain/evaluate/index.ts';
import type { Aggregation, Provenance } from '../../../src/domain/types.ts';
import { G, X, Y, Z, figure, indicator, snapshot } from './fixtures.ts';

function seriesOf(
  indicators: EvalIndicator[],
  figures: EvalFigure[],
  id = indicators[0]?.id ?? '',
) {
  return createEvaluator(snapshot({ indicators, figures })).groupSeries(id);
}

describe('a figure reported for the group unit', () => {
  const n = indicator('N');
  const figures = [
    figure('N', G, '2024', 999, 'official', 'Annual report'),
    figure('N', X, '2024', 400, 'illustrative'),
    figure('N', Y, '2024', 500, 'illustrative'),
    figure('N', X, '2025', 410),
    figure('N', Y, '2025', 520),
  ];

  it('wins over the aggregate of its period, with its own provenance and source', () => {
    const [reported] = seriesOf([n], figures);
    // 400 + 500 = 900 (illustrative) would be the aggregate: the group's 999 replaces it.
    expect(reported).toEqual({
      period: '2024',
      value: 999,
      origin: 'reported',
      provenance: 'official',
      source: 'Annual report',
      reporting: 3,
      expected: 3,
    });
  });

  it('leaves the other periods to the aggregation (origin aggregated)', () => {
    const series = seriesOf([n], figures);
    expect(series.map((p) => [p.period, p.value, p.origin])).toEqual([
      ['2024', 999, 'reported'],
      ['2025', 930, 'aggregated'],
    ]);
  });

  it('is the only point of an indicator that may not be aggregated (none)', () => {
    const none = indicator('N', { aggregation: 'none' });
    expect(seriesOf([none], figures).map((p) => [p.period, p.value, p.origin])).toEqual([
      ['2024', 999, 'reported'],
    ]);
  });
});

describe('aggregation of the schools by the indicator rule', () => {
  // X 10, Y 40, Z 25 in 2025
  const figures = (id: string) => [
    figure(id, X, '2025', 10),
    figure(id, Y, '2025', 40),
    figure(id, Z, '2025', 25),
  ];

  it.each<[Aggregation, number]>([
    ['sum', 75],
    ['mean', 25],
    ['min', 10],
    ['max', 40],
  ])('%s of 10, 40 and 25 → %d, 3 of 3 reporting', (aggregation, value) => {
    const series = seriesOf([indicator('N', { aggregation })], figures('N'));
    expect(series).toEqual([
      {
        period: '2025',
        value,
        origin: 'aggregated',
        provenance: 'official',
        source: '',
        reporting: 3,
        expected: 3,
      },
    ]);
  });

  it('none gives no group point at all', () => {
    expect(seriesOf([indicator('N', { aggregation: 'none' })], figures('N'))).toEqual([]);
  });

  it('sorts the points by period whatever the order of the figures', () => {
    const series = seriesOf(
      [indicator('N')],
      [figure('N', X, '2025', 3), figure('N', X, '2023', 1), figure('N', X, '2024', 2)],
    );
    expect(series.map((p) => [p.period, p.value])).toEqual([
      ['2023', 1],
      ['2024', 2],
      ['2025', 3],
    ]);
  });
});

describe('weighted mean by the weight indicator (DESIGN: employment rate by graduates)', () => {
  const emp = indicator('EMP', { aggregation: 'weighted_mean', weightIndicatorId: 'GRADS' });
  const grads = indicator('GRADS');

  it('X 90 % of 800, Y 80 % of 200 → 88 % (not the 85 % plain mean)', () => {
    const [point] = seriesOf(
      [emp, grads],
      [
        figure('EMP', X, '2025', 90),
        figure('EMP', Y, '2025', 80),
        figure('GRADS', X, '2025', 800),
        figure('GRADS', Y, '2025', 200),
      ],
    );
    // (90·800 + 80·200) / (800 + 200) = (72,000 + 16,000) / 1,000 = 88
    expect(point?.value).toBeCloseTo(88, 10);
    expect(point?.origin).toBe('aggregated');
    expect([point?.reporting, point?.expected]).toEqual([2, 3]);
  });

  it('a school without a weight does not report and does not pull the mean', () => {
    const [point] = seriesOf(
      [emp, grads],
      [
        figure('EMP', X, '2025', 90),
        figure('EMP', Y, '2025', 80),
        figure('EMP', Z, '2025', 10),
        figure('GRADS', X, '2025', 800),
        figure('GRADS', Y, '2025', 200),
      ],
    );
    expect(point?.value).toBeCloseTo(88, 10);
    expect([point?.reporting, point?.expected]).toEqual([2, 3]);
  });

  it('a period with weights but no rates gives no point', () => {
    expect(seriesOf([emp, grads], [figure('GRADS', X, '2025', 800)])).toEqual([]);
  });
});

describe('ratio of sums from the numerator and denominator indicators', () => {
  const ratio = (ratioScale: number) =>
    indicator('INTL', {
      aggregation: 'ratio_of_sums',
      numeratorIndicatorId: 'ABROAD',
      denominatorIndicatorId: 'STUDENTS',
      ratioScale,
    });
  const parts = [indicator('ABROAD'), indicator('STUDENTS')];
  // DESIGN: X 300 of 1,000, Y 50 of 500, Z no figure. The schools' own rates (30 % and 10 %)
  // are recorded too: their mean, 20 %, must not be the answer.
  const figures = [
    figure('ABROAD', X, '2025', 300),
    figure('ABROAD', Y, '2025', 50),
    figure('STUDENTS', X, '2025', 1000),
    figure('STUDENTS', Y, '2025', 500),
    figure('INTL', X, '2025', 30),
    figure('INTL', Y, '2025', 10),
  ];

  it.each<[number, number]>([
    [100, 23.333333],
    [1, 0.2333333],
  ])('scale %d: 350 / 1,500 × scale → %d, 2 of 3 reporting', (scale, value) => {
    const [point] = seriesOf([ratio(scale), ...parts], figures, 'INTL');
    expect(point?.value).toBeCloseTo(value, 5);
    expect(point?.origin).toBe('aggregated');
    expect([point?.reporting, point?.expected]).toEqual([2, 3]);
  });

  it('a school with a numerator but no denominator is left out of both sums', () => {
    const [point] = seriesOf(
      [ratio(100), ...parts],
      [...figures, figure('ABROAD', Z, '2025', 400)],
      'INTL',
    );
    expect(point?.value).toBeCloseTo(23.333333, 5);
    expect([point?.reporting, point?.expected]).toEqual([2, 3]);
  });

  it('numerators and denominators reported by the group unit itself are not added in', () => {
    const [point] = seriesOf(
      [ratio(100), ...parts],
      [...figures, figure('ABROAD', G, '2025', 5000), figure('STUDENTS', G, '2025', 5000)],
      'INTL',
    );
    expect(point?.value).toBeCloseTo(23.333333, 5);
  });
});

describe('provenance of an aggregated point: the weakest of its inputs', () => {
  it.each<[Provenance, Provenance, Provenance]>([
    ['official', 'official', 'official'],
    ['official', 'estimated', 'estimated'],
    ['official', 'illustrative', 'illustrative'],
    ['illustrative', 'official', 'illustrative'],
    ['estimated', 'illustrative', 'illustrative'],
  ])('%s + %s → %s', (x, y, weakest) => {
    const [point] = seriesOf(
      [indicator('N')],
      [figure('N', X, '2025', 1, x), figure('N', Y, '2025', 2, y)],
    );
    expect(point?.provenance).toBe(weakest);
  });

  it('counts the numerator and the denominator: an illustrative denominator taints the ratio', () => {
    const [point] = seriesOf(
      [
        indicator('R', {
          aggregation: 'ratio_of_sums',
          numeratorIndicatorId: 'NUM',
          denominatorIndicatorId: 'DEN',
        }),
        indicator('NUM'),
        indicator('DEN'),
      ],
      [figure('NUM', X, '2025', 1), figure('DEN', X, '2025', 4, 'illustrative')],
      'R',
    );
    expect(point?.value).toBeCloseTo(0.25, 10);
    expect(point?.provenance).toBe('illustrative');
  });

  // Regression test: this rule was once broken in the evaluator.
  it('counts the weights of a weighted mean: illustrative weights taint the mean', () => {
    const [point] = seriesOf(
      [
        indicator('EMP', { aggregation: 'weighted_mean', weightIndicatorId: 'GRADS' }),
        indicator('GRADS'),
      ],
      [
        figure('EMP', X, '2025', 90),
        figure('EMP', Y, '2025', 80),
        figure('GRADS', X, '2025', 800, 'illustrative'),
        figure('GRADS', Y, '2025', 200),
      ],
      'EMP',
    );
    expect(point?.value).toBeCloseTo(88, 10);
    expect(point?.provenance).toBe('illustrative'); // actual: 'official'
  });

  // Regression test: this rule was once broken in the evaluator.
  it('ignores the figures of a school that does not contribute to the value', () => {
    const [point] = seriesOf(
      [
        indicator('INTL', {
          aggregation: 'ratio_of_sums',
          numeratorIndicatorId: 'ABROAD',
          denominatorIndicatorId: 'STUDENTS',
          ratioScale: 100,
        }),
        indicator('ABROAD'),
        indicator('STUDENTS'),
      ],
      [
        figure('ABROAD', X, '2025', 300),
        figure('ABROAD', Y, '2025', 50),
        figure('STUDENTS', X, '2025', 1000),
        figure('STUDENTS', Y, '2025', 500),
        figure('ABROAD', Z, '2025', 400, 'illustrative'),
      ],
      'INTL',
    );
    expect([point?.reporting, point?.expected]).toEqual([2, 3]);
    expect(point?.provenance).toBe('official'); // actual: 'illustrative'
  });
});

describe('coverage: schools reporting out of schools expected', () => {
  it('counts the schools with a figure against the expected ones', () => {
    const [point] = seriesOf([indicator('N')], [figure('N', X, '2025', 5)]);
    expect([point?.reporting, point?.expected]).toEqual([1, 3]);
  });

  it('never expects the group unit itself, even when it is listed', () => {
    const [point] = seriesOf(
      [indicator('N', { unitIds: [G, X, Y, Z] })],
      [figure('N', X, '2025', 5), figure('N', Y, '2025', 5)],
    );
    expect([point?.reporting, point?.expected]).toEqual([2, 3]);
  });

  it('counts a school that reports without being expected both as reporting and as expected', () => {
    const [point] = seriesOf(
      [indicator('N', { unitIds: [X, Y] })],
      [figure('N', X, '2025', 1), figure('N', Y, '2025', 2), figure('N', Z, '2025', 4)],
    );
    expect(point?.value).toBe(7);
    expect([point?.reporting, point?.expected]).toEqual([3, 3]);
  });
});
