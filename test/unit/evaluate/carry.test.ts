/**
 * Carrying results over between evaluations: when only some indicators' figures changed, an
 * evaluator built with the previous one's results for the unaffected indicators must answer
 * exactly as one built from scratch — including indicators that read a changed one (ratio of
 * sums, weighted mean), which must not be carried.
 */
import { describe, expect, it } from 'vitest';
import {
  affectedIndicators,
  createEvaluator,
  type EvalInput,
} from '../../../src/domain/evaluate/index.ts';
import { figure, G, indicator, snapshot, target, X, Y, Z } from './fixtures.ts';

const INDICATORS = [
  indicator('ABROAD'),
  indicator('STUDENTS'),
  indicator('INTL', {
    aggregation: 'ratio_of_sums',
    numeratorIndicatorId: 'ABROAD',
    denominatorIndicatorId: 'STUDENTS',
    ratioScale: 100,
  }),
  indicator('SHARE', { aggregation: 'weighted_mean', weightIndicatorId: 'INTL' }),
  indicator('ALONE'),
];

function inputWith(abroadX: number): EvalInput {
  return snapshot({
    indicators: INDICATORS,
    targets: INDICATORS.flatMap((i) => [
      target(i.id, null, 'baseline', '2023', 10),
      target(i.id, null, 'target', '2027', 40),
    ]),
    figures: [
      figure('ABROAD', X, '2025', abroadX),
      figure('ABROAD', Y, '2025', 50),
      figure('ABROAD', Z, '2025', 20),
      figure('STUDENTS', X, '2025', 1000),
      figure('STUDENTS', Y, '2025', 500),
      figure('STUDENTS', Z, '2025', 200),
      figure('SHARE', X, '2025', 30),
      figure('SHARE', Y, '2025', 10),
      figure('ALONE', X, '2025', 5),
      figure('ALONE', G, '2024', 12),
    ],
  });
}

/** Everything an evaluator says about the indicators, for the group and each unit. */
function answers(ev: ReturnType<typeof createEvaluator>) {
  return INDICATORS.map((i) => ({
    id: i.id,
    series: ev.groupSeries(i.id),
    group: ev.indicator(i.id),
    units: [X, Y, Z].map((u) => ev.indicator(i.id, u)),
  }));
}

describe('affected indicators', () => {
  it('are the changed ones and every indicator reading them, transitively', () => {
    expect([...affectedIndicators(INDICATORS, new Set(['ABROAD']))].sort()).toEqual([
      'ABROAD',
      'INTL',
      'SHARE',
    ]);
    expect([...affectedIndicators(INDICATORS, new Set(['ALONE']))]).toEqual(['ALONE']);
    expect([...affectedIndicators(INDICATORS, new Set(['SHARE']))]).toEqual(['SHARE']);
  });
});

describe('an evaluator built on carried results', () => {
  it('answers as one built from scratch after a numerator figure changed', () => {
    const before = createEvaluator(inputWith(300));
    const old = answers(before);
    const after = inputWith(900);
    const affected = affectedIndicators(after.indicators, new Set(['ABROAD']));
    const carried = createEvaluator(after, before.carry(affected, new Set(['ABROAD'])));
    const fresh = createEvaluator(after);
    expect(answers(carried)).toEqual(answers(fresh));
    // The change reached the ratio: the carried evaluator did not keep the old rate.
    const rate = (a: ReturnType<typeof answers>) => a.find((x) => x.id === 'INTL')?.series[0];
    expect(rate(answers(carried))?.value).not.toBeCloseTo(rate(old)?.value ?? 0, 3);
  });

  it('would answer wrongly if the dependants were carried: the check has teeth', () => {
    const before = createEvaluator(inputWith(300));
    answers(before);
    const after = inputWith(900);
    const wrong = createEvaluator(after, before.carry(new Set(['ABROAD']), new Set(['ABROAD'])));
    expect(answers(wrong)).not.toEqual(answers(createEvaluator(after)));
  });

  it('carries only what was computed, and never the affected indicators', () => {
    const before = createEvaluator(inputWith(300));
    before.indicator('ALONE');
    before.indicator('ABROAD', X);
    const carried = before.carry(new Set(['ABROAD', 'INTL']), new Set(['ABROAD']));
    expect(carried.indicators.map(([key]) => key)).toEqual(['ALONE|group']);
    expect(carried.series.map(([id]) => id)).toEqual(['ALONE']);
    expect(carried.figures.map(([id]) => id).sort()).toEqual(['ALONE', 'SHARE', 'STUDENTS']);
  });
});
