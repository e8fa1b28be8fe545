import { describe, expect, it } from 'vitest';
import { DEFAULT_GRACE_DAYS, DEFAULT_INDICATOR_THRESHOLDS } from '../../../src/domain/types.ts';
import type { Frequency, PeriodValue, Status, Thresholds } from '../../../src/domain/types.ts';
import {
  indicatorStatus,
  isStale,
  latestValueAsOf,
  progressOf,
  rangeProgress,
  staleAfterDate,
  statusFromProgress,
} from '../../../src/domain/status.ts';
import type { IndicatorRule } from '../../../src/domain/status.ts';
import type { TrajectoryPoint } from '../../../src/domain/trajectory.ts';

const increasing: IndicatorRule = {
  direction: 'increase',
  thresholds: DEFAULT_INDICATOR_THRESHOLDS,
  frequency: 'year',
  graceDays: DEFAULT_GRACE_DAYS,
};
const decreasing: IndicatorRule = { ...increasing, direction: 'decrease' };

const apprentices: TrajectoryPoint[] = [
  { kind: 'baseline', period: '2023', value: 1000 },
  { kind: 'target', period: '2027', value: 1400 },
];
const energy: TrajectoryPoint[] = [
  { kind: 'baseline', period: '2022', value: 50 },
  { kind: 'target', period: '2026', value: 40 },
];

describe('worked example (DESIGN.md): apprentices, increasing', () => {
  it.each<[number, number, Status]>([
    [1195, 0.975, 'on_track'],
    [1170, 0.85, 'at_risk'],
    [1100, 0.5, 'off_track'],
  ])('actual %i in 2025 → progress %d → %s', (actual, progress, status) => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [{ period: '2025', value: actual }],
      asOf: '2026-03-01',
    });
    expect(result.expected).toBe(1200);
    expect(result.baseline).toBe(1000);
    expect(result.progress).toBeCloseTo(progress, 12);
    expect(result.status).toBe(status);
    expect(result.latest).toEqual({ period: '2025', value: actual });
    expect(result.stale).toBe(false);
  });
});

describe('worked example (DESIGN.md): energy use, decreasing', () => {
  it.each<[number, number, Status]>([
    [46, 0.8, 'at_risk'],
    [44, 1.2, 'on_track'],
  ])('actual %i GWh in 2024 → progress %d → %s', (actual, progress, status) => {
    const result = indicatorStatus({
      rule: decreasing,
      trajectory: energy,
      values: [{ period: '2024', value: actual }],
      asOf: '2025-02-01',
    });
    expect(result.expected).toBe(45);
    expect(result.progress).toBeCloseTo(progress, 12);
    expect(result.status).toBe(status);
  });
});

describe('progressOf', () => {
  it.each<['increase' | 'decrease', number, number, number, number]>([
    ['increase', 1000, 1200, 1195, 0.975],
    ['increase', 1000, 1200, 1300, 1.5],
    ['increase', 1000, 1200, 900, -0.5],
    ['decrease', 50, 45, 46, 0.8],
    ['decrease', 50, 45, 44, 1.2],
    ['decrease', 50, 45, 52, -0.4],
    // Hold the level: expected equals the baseline.
    ['increase', 100, 100, 95, 0.95],
    ['increase', 100, 100, 110, 1.1],
    ['decrease', 100, 100, 125, 0.8],
    ['decrease', 100, 100, 80, 1.25],
    ['decrease', 100, 100, 0, 1],
    ['decrease', 100, 100, -5, 1],
    ['increase', 0, 0, 5, 1],
    ['increase', 0, 0, 0, 1],
    ['increase', 0, 0, -1, 0],
    ['decrease', 0, 0, -1, 1],
    ['decrease', 0, 0, 0, 1],
    ['decrease', 0, 0, 2, 0],
    // Negative levels: above 1 when better, below 1 when worse.
    ['increase', -10, -10, -5, 1.5],
    ['increase', -10, -10, -15, 0.5],
    ['decrease', -10, -10, -15, 1.5],
    ['decrease', -10, -10, -5, 0.5],
    ['decrease', -10, -10, 0, 0],
  ])('%s baseline %d expected %d actual %d → %d', (direction, baseline, expected, actual, want) => {
    expect(progressOf(direction, baseline, expected, actual)).toBeCloseTo(want, 12);
  });
});

describe('rangeProgress', () => {
  it.each<[number, number, number, number]>([
    [10, 20, 15, 1],
    [10, 20, 10, 1],
    [10, 20, 20, 1],
    [10, 20, 25, 0.5],
    [10, 20, 5, 0.5],
    [10, 20, 21, 0.9],
    [10, 20, 30, 0],
    [10, 20, 40, 0],
    [5, 5, 5, 1],
    [5, 5, 6, 0.8],
    [0, 0, 0.5, 0.5],
    [-Infinity, 20, 25, 0.75],
    [10, Infinity, 5, 0.5],
    [10, Infinity, 1e9, 1],
    [0, Infinity, -0.5, 0.5],
  ])('[%d, %d] with %d → %d', (min, max, actual, want) => {
    expect(rangeProgress(min, max, actual)).toBeCloseTo(want, 12);
  });

  it('throws when min is above max', () => {
    expect(() => rangeProgress(20, 10, 15)).toThrow(RangeError);
  });
});

describe('statusFromProgress', () => {
  const custom: Thresholds = { onTrack: 0.9, atRisk: 0.5 };
  it.each<[number, Thresholds, Status]>([
    [0.95, DEFAULT_INDICATOR_THRESHOLDS, 'on_track'],
    [1.5, DEFAULT_INDICATOR_THRESHOLDS, 'on_track'],
    [0.9499, DEFAULT_INDICATOR_THRESHOLDS, 'at_risk'],
    [0.8, DEFAULT_INDICATOR_THRESHOLDS, 'at_risk'],
    [0.8 - 1e-12, DEFAULT_INDICATOR_THRESHOLDS, 'at_risk'],
    [0.7999, DEFAULT_INDICATOR_THRESHOLDS, 'off_track'],
    [0, DEFAULT_INDICATOR_THRESHOLDS, 'off_track'],
    [-1, DEFAULT_INDICATOR_THRESHOLDS, 'off_track'],
    [0.9, custom, 'on_track'],
    [0.6, custom, 'at_risk'],
    [0.49, custom, 'off_track'],
  ])('%d with %o → %s', (progress, thresholds, status) => {
    expect(statusFromProgress(progress, thresholds)).toBe(status);
  });
});

describe('staleness', () => {
  it.each<[string, Frequency, number, string, boolean]>([
    // Yearly 2025: due end 2026, plus 90 days → stale after 2027-03-31.
    ['2025', 'year', 90, '2027-03-31', false],
    ['2025', 'year', 90, '2027-04-01', true],
    ['2025', 'year', 90, '2026-01-15', false],
    ['2025-26', 'academic_year', 0, '2027-08-31', false],
    ['2025-26', 'academic_year', 0, '2027-09-01', true],
    ['2025-Q4', 'quarter', 30, '2026-04-30', false],
    ['2025-Q4', 'quarter', 30, '2026-05-01', true],
    ['2025-S2', 'semester', 10, '2026-07-10', false],
    ['2025-S2', 'semester', 10, '2026-07-11', true],
    // Monthly across a leap February.
    ['2024-01', 'month', 0, '2024-02-29', false],
    ['2024-01', 'month', 0, '2024-03-01', true],
    ['2025-01', 'month', 0, '2025-02-28', false],
    ['2025-01', 'month', 0, '2025-03-01', true],
    // The frequency, not the period's kind, gives the length: a yearly figure measured quarterly.
    ['2025', 'quarter', 0, '2026-03-31', false],
    ['2025', 'quarter', 0, '2026-04-01', true],
  ])('%s (%s, %i grace days) as of %s → stale %s', (period, frequency, grace, asOf, stale) => {
    expect(isStale(period, frequency, grace, asOf)).toBe(stale);
  });

  it.each<[string, Frequency, number, string]>([
    ['2025', 'year', 90, '2027-03-31'],
    ['2025-12', 'month', 0, '2026-01-31'],
    ['2025-Q1', 'quarter', 0, '2025-06-30'],
  ])('staleAfterDate(%s, %s, %i) = %s', (period, frequency, grace, expected) => {
    expect(staleAfterDate(period, frequency, grace)).toBe(expected);
  });

  it('rejects negative grace days and invalid dates', () => {
    expect(() => staleAfterDate('2025', 'year', -1)).toThrow(RangeError);
    expect(() => isStale('2025', 'year', 0, '2025-02-30')).toThrow('"2025-02-30"');
  });
});

describe('latestValueAsOf', () => {
  it.each<[string, PeriodValue[], string, PeriodValue | null]>([
    ['no values', [], '2026-01-01', null],
    [
      'the latest period, whatever the input order',
      [
        { period: '2025', value: 2 },
        { period: '2023', value: 0 },
        { period: '2024', value: 1 },
      ],
      '2026-01-01',
      { period: '2025', value: 2 },
    ],
    [
      'a future period is ignored',
      [
        { period: '2025', value: 2 },
        { period: '2027', value: 9 },
      ],
      '2026-06-30',
      { period: '2025', value: 2 },
    ],
    [
      'a period that starts on asOf counts',
      [
        { period: '2025', value: 2 },
        { period: '2026', value: 3 },
      ],
      '2026-01-01',
      { period: '2026', value: 3 },
    ],
    [
      'a period starting the day after asOf does not',
      [
        { period: '2025', value: 2 },
        { period: '2026', value: 3 },
      ],
      '2025-12-31',
      { period: '2025', value: 2 },
    ],
    ['only future periods', [{ period: '2027', value: 9 }], '2026-01-01', null],
    [
      'the same period twice: the later in the input wins',
      [
        { period: '2025', value: 2 },
        { period: '2025', value: 5 },
      ],
      '2026-01-01',
      { period: '2025', value: 5 },
    ],
    [
      'a non-finite value is ignored',
      [
        { period: '2024', value: 1 },
        { period: '2025', value: Number.NaN },
      ],
      '2026-01-01',
      { period: '2024', value: 1 },
    ],
    [
      'across kinds: the shorter of periods ending together is later',
      [
        { period: '2025-Q4', value: 7 },
        { period: '2025', value: 8 },
        { period: '2025-S1', value: 6 },
      ],
      '2026-01-01',
      { period: '2025-Q4', value: 7 },
    ],
  ])('%s', (_name, values, asOf, expected) => {
    expect(latestValueAsOf(values, asOf)).toEqual(expected);
  });
});

describe('indicatorStatus', () => {
  it('no values → no_data, not stale', () => {
    expect(
      indicatorStatus({
        rule: increasing,
        trajectory: apprentices,
        values: [],
        asOf: '2026-01-01',
      }),
    ).toEqual({
      status: 'no_data',
      progress: null,
      latest: null,
      expected: null,
      baseline: 1000,
      stale: false,
      staleAfter: null,
    });
  });

  it('only future values → no_data', () => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [{ period: '2027', value: 1400 }],
      asOf: '2026-01-01',
    });
    expect(result.status).toBe('no_data');
    expect(result.latest).toBeNull();
  });

  it('a future value is ignored in favour of the latest past one', () => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [
        { period: '2027', value: 2000 },
        { period: '2025', value: 1100 },
      ],
      asOf: '2026-03-01',
    });
    expect(result.latest).toEqual({ period: '2025', value: 1100 });
    expect(result.status).toBe('off_track');
  });

  it('no trajectory on an increasing indicator → no_data, but the latest value and staleness', () => {
    expect(
      indicatorStatus({
        rule: increasing,
        trajectory: [],
        values: [{ period: '2023', value: 5 }],
        asOf: '2026-01-01',
      }),
    ).toEqual({
      status: 'no_data',
      progress: null,
      latest: { period: '2023', value: 5 },
      expected: null,
      baseline: null,
      stale: true,
      staleAfter: '2025-03-31',
    });
  });

  it.each<[string, number, number, Status]>([
    ['a value before the baseline clamps to it and holds the level', 950, 0.95, 'on_track'],
    ['below the baseline before it', 900, 0.9, 'at_risk'],
  ])('%s', (_name, actual, progress, status) => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [{ period: '2021', value: actual }],
      asOf: '2022-06-01',
    });
    expect(result.expected).toBe(1000);
    expect(result.progress).toBeCloseTo(progress, 12);
    expect(result.status).toBe(status);
  });

  it('at the baseline period itself, the baseline value is fully on track', () => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [{ period: '2023', value: 1000 }],
      asOf: '2024-01-10',
    });
    expect(result.progress).toBe(1);
    expect(result.status).toBe('on_track');
  });

  it.each<[string, IndicatorRule, number, number, Status]>([
    ['increase, held', increasing, 80, 1, 'on_track'],
    ['increase, slightly under', increasing, 76, 0.95, 'on_track'],
    ['increase, under', increasing, 70, 0.875, 'at_risk'],
    ['decrease, slightly over', decreasing, 88, 80 / 88, 'at_risk'],
    ['decrease, well over', decreasing, 120, 80 / 120, 'off_track'],
    ['decrease, under', decreasing, 60, 80 / 60, 'on_track'],
  ])('target equal to the baseline (80): %s', (_name, rule, actual, progress, status) => {
    const result = indicatorStatus({
      rule,
      trajectory: [
        { kind: 'baseline', period: '2023', value: 80 },
        { kind: 'target', period: '2027', value: 80 },
      ],
      values: [{ period: '2025', value: actual }],
      asOf: '2026-01-05',
    });
    expect(result.expected).toBe(80);
    expect(result.progress).toBeCloseTo(progress, 12);
    expect(result.status).toBe(status);
  });

  it('a single trajectory point is both baseline and target (hold the level)', () => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: [{ kind: 'target', period: '2027', value: 1400 }],
      values: [{ period: '2025', value: 1300 }],
      asOf: '2026-01-05',
    });
    expect(result.baseline).toBe(1400);
    expect(result.expected).toBe(1400);
    expect(result.progress).toBeCloseTo(1300 / 1400, 12);
    expect(result.status).toBe('at_risk');
  });

  it('stale but on track: staleness is shown with the status', () => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [{ period: '2025', value: 1195 }],
      asOf: '2027-04-01',
    });
    expect(result.status).toBe('on_track');
    expect(result.stale).toBe(true);
    expect(result.staleAfter).toBe('2027-03-31');
  });

  it('on the last day before staleness, not stale', () => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [{ period: '2025', value: 1195 }],
      asOf: '2027-03-31',
    });
    expect(result.stale).toBe(false);
  });

  it('uses the latest value among several', () => {
    const result = indicatorStatus({
      rule: increasing,
      trajectory: apprentices,
      values: [
        { period: '2025', value: 1195 },
        { period: '2024', value: 1000 },
      ],
      asOf: '2026-01-05',
    });
    expect(result.latest).toEqual({ period: '2025', value: 1195 });
    expect(result.status).toBe('on_track');
  });

  it('a quarterly indicator against a yearly trajectory', () => {
    // 2025-Q3 ends 21 months after the end of 2023: expected 1,000 + 400 × 21/48 = 1,175.
    const result = indicatorStatus({
      rule: { ...increasing, frequency: 'quarter', graceDays: 30 },
      trajectory: apprentices,
      values: [{ period: '2025-Q3', value: 1140 }],
      asOf: '2025-10-15',
    });
    expect(result.expected).toBeCloseTo(1175, 9);
    expect(result.progress).toBeCloseTo(140 / 175, 12);
    expect(result.status).toBe('at_risk');
    expect(result.staleAfter).toBe('2026-01-30');
  });

  const rangeRule = (min: number | null, max: number | null): IndicatorRule => ({
    ...increasing,
    direction: 'range',
    rangeMin: min,
    rangeMax: max,
  });

  it.each<[string, IndicatorRule, number, number | null, Status]>([
    ['inside the band', rangeRule(10, 20), 15, 1, 'on_track'],
    ['on the upper bound', rangeRule(10, 20), 20, 1, 'on_track'],
    ['just outside', rangeRule(10, 20), 21, 0.9, 'at_risk'],
    ['far outside', rangeRule(10, 20), 25, 0.5, 'off_track'],
    ['only a maximum', rangeRule(null, 20), 22, 0.9, 'at_risk'],
    ['only a minimum', rangeRule(10, null), 1000, 1, 'on_track'],
    ['no bound at all', rangeRule(null, null), 15, null, 'no_data'],
  ])('range rule: %s', (_name, rule, actual, progress, status) => {
    const result = indicatorStatus({
      rule,
      trajectory: apprentices, // ignored for the status: the range governs
      values: [{ period: '2025', value: actual }],
      asOf: '2026-01-05',
    });
    if (progress === null) expect(result.progress).toBeNull();
    else expect(result.progress).toBeCloseTo(progress, 12);
    expect(result.status).toBe(status);
  });

  it('a range rule without trajectory still has a status', () => {
    const result = indicatorStatus({
      rule: rangeRule(10, 20),
      trajectory: [],
      values: [{ period: '2025', value: 12 }],
      asOf: '2026-01-05',
    });
    expect(result.status).toBe('on_track');
    expect(result.expected).toBeNull();
  });

  it('throws on an invalid asOf', () => {
    expect(() =>
      indicatorStatus({ rule: increasing, trajectory: [], values: [], asOf: '2026-13-01' }),
    ).toThrow('"2026-13-01"');
  });
});
