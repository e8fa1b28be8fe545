/**
 * The group is judged only on complete enough points: a sum needs every expected unit, other
 * aggregations at least half; a value reported for the group itself always counts. Incomplete
 * points stay in the series with their coverage.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator, isComplete } from '../../../src/domain/evaluate/index.ts';
import type { GroupPoint } from '../../../src/domain/evaluate/index.ts';
import type { Aggregation } from '../../../src/domain/types.ts';
import { G, X, Y, Z, figure, indicator, snapshot, target } from './fixtures.ts';

const point = (origin: GroupPoint['origin'], reporting: number, expected: number): GroupPoint => ({
  period: '2025',
  value: 1,
  origin,
  provenance: 'official',
  source: '',
  reporting,
  expected,
});

describe('isComplete', () => {
  it.each<[string, GroupPoint, Aggregation, boolean]>([
    ['a sum of all expected units', point('aggregated', 3, 3), 'sum', true],
    ['a sum missing one unit', point('aggregated', 2, 3), 'sum', false],
    ['a sum of 1 of 9 units', point('aggregated', 1, 9), 'sum', false],
    ['a ratio of sums with half the units', point('aggregated', 2, 4), 'ratio_of_sums', true],
    ['a ratio of sums with fewer than half', point('aggregated', 1, 4), 'ratio_of_sums', false],
    ['a weighted mean with 2 of 3', point('aggregated', 2, 3), 'weighted_mean', true],
    ['a mean with 1 of 3', point('aggregated', 1, 3), 'mean', false],
    ['a value reported for the group', point('reported', 0, 9), 'sum', true],
    ['no expected unit listed', point('aggregated', 1, 0), 'sum', true],
  ])('%s → %s', (_label, p, aggregation, expected) => {
    expect(isComplete(p, aggregation)).toBe(expected);
  });
});

describe('group status skips incomplete points', () => {
  const parts = (figures: ReturnType<typeof figure>[]) =>
    snapshot({
      indicators: [indicator('APP', { unitIds: [X, Y, Z] })],
      targets: [
        target('APP', null, 'baseline', '2023', 900),
        target('APP', null, 'target', '2027', 1300),
      ],
      figures,
    });

  it('judges on the last complete year, not on a new year only one school has reported', () => {
    const ev = createEvaluator(
      parts([
        figure('APP', X, '2024', 300),
        figure('APP', Y, '2024', 350),
        figure('APP', Z, '2024', 350),
        figure('APP', X, '2025', 310),
      ]),
    );
    const { status } = ev.indicator('APP');
    expect(status.latest).toEqual({ period: '2024', value: 1000 });
    expect(status.status).toBe('on_track');
    const partial = ev.groupSeries('APP').find((p) => p.period === '2025');
    expect(partial).toMatchObject({ value: 310, reporting: 1, expected: 3 });
  });

  it('has no group status while no year is complete', () => {
    const ev = createEvaluator(
      parts([figure('APP', X, '2025', 310), figure('APP', Y, '2025', 320)]),
    );
    expect(ev.indicator('APP').status.status).toBe('no_data');
  });

  it('counts a figure reported for the group even when the units have not reported', () => {
    const ev = createEvaluator(
      parts([figure('APP', G, '2025', 1100), figure('APP', X, '2025', 310)]),
    );
    expect(ev.indicator('APP').status.latest).toEqual({ period: '2025', value: 1100 });
  });
});

describe('forecast', () => {
  it('needs a target or milestone, not a lone baseline', () => {
    const ev = createEvaluator(
      snapshot({
        indicators: [indicator('ONE', { unitIds: [] })],
        targets: [target('ONE', null, 'baseline', '2023', 10)],
        figures: [figure('ONE', X, '2024', 11), figure('ONE', X, '2025', 12)],
      }),
    );
    expect(ev.indicator('ONE').forecast).toBeNull();
  });
});
