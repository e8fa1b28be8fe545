/**
 * An indicator evaluated in a context: for the group (group series against group targets) or for
 * one school (its own figures against its own targets); staleness, forecast, and which schools an
 * indicator concerns.
 */
// Group-context cases list no expected units, so every aggregated point is complete; the
// completeness rule itself is tested in coverage.test.ts.
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/domain/evaluate/index.ts';
import type { EvalFigure, EvalInput } from '../../../src/domain/evaluate/index.ts';
import type { Status } from '../../../src/domain/types.ts';
import { G, X, Y, Z, figure, indicator, snapshot, target } from './fixtures.ts';

const evaluate = (parts: Partial<EvalInput>) => createEvaluator(snapshot(parts));

/** DESIGN's apprentices as group targets: baseline 1,000 (2023), target 1,400 (2027). */
const groupTargets = (id: string, unitId: string | null = null) => [
  target(id, unitId, 'baseline', '2023', 1000),
  target(id, unitId, 'target', '2027', 1400),
];

describe('group context: the group series against the group targets (DESIGN apprentices)', () => {
  it.each<[number, number, Status, number]>([
    [700, 495, 'on_track', 0.975],
    [700, 470, 'at_risk', 0.85],
    [700, 400, 'off_track', 0.5],
  ])('X %d + Y %d in 2025 against 1,200 expected → %s (%d)', (x, y, status, progress) => {
    const ev = evaluate({
      indicators: [indicator('APP', { unitIds: [] })],
      targets: groupTargets('APP'),
      figures: [figure('APP', X, '2025', x), figure('APP', Y, '2025', y)],
    });
    const { status: result } = ev.indicator('APP');
    expect(result.status).toBe(status);
    expect(result.progress).toBeCloseTo(progress, 10);
    expect(result.expected).toBeCloseTo(1200, 10);
    expect(result.baseline).toBe(1000);
    expect(result.latest).toEqual({ period: '2025', value: x + y });
  });

  it.each<[string, string | null]>([
    ['unitId null', null],
    ['the group unit', G],
  ])('targets on %s are group targets', (_label, unitId) => {
    const ev = evaluate({
      indicators: [indicator('APP', { unitIds: [] })],
      targets: groupTargets('APP', unitId),
      figures: [figure('APP', X, '2025', 1195)],
    });
    expect(ev.indicator('APP').status.status).toBe('on_track');
    expect(ev.indicator('APP').trajectory).toEqual([
      { kind: 'baseline', period: '2023', value: 1000 },
      { kind: 'target', period: '2027', value: 1400 },
    ]);
    // … and never a school's targets
    expect(ev.indicator('APP', X).trajectory).toEqual([]);
  });

  it('does not judge the group by a school’s targets', () => {
    const ev = evaluate({
      indicators: [indicator('APP', { unitIds: [] })],
      targets: [target('APP', X, 'baseline', '2023', 600), target('APP', X, 'target', '2027', 800)],
      figures: [figure('APP', X, '2025', 700), figure('APP', Y, '2025', 495)],
    });
    const { status } = ev.indicator('APP');
    expect(status.status).toBe('no_data');
    expect(status.latest).toEqual({ period: '2025', value: 1195 });
  });

  it('reads the values of the group series, reported or aggregated', () => {
    const ev = evaluate({
      indicators: [indicator('APP', { unitIds: [] })],
      figures: [
        figure('APP', G, '2024', 1100),
        figure('APP', X, '2024', 1),
        figure('APP', X, '2025', 700),
        figure('APP', Y, '2025', 495),
      ],
    });
    expect(ev.indicator('APP').values).toEqual([
      { period: '2024', value: 1100 },
      { period: '2025', value: 1195 },
    ]);
  });
});

describe('unit context: the school’s figures against the school’s targets', () => {
  const parts = (xValue: number): Partial<EvalInput> => ({
    indicators: [indicator('APP', { unitIds: [] })],
    targets: [
      ...groupTargets('APP'),
      target('APP', X, 'baseline', '2023', 600),
      target('APP', X, 'target', '2027', 800),
    ],
    figures: [figure('APP', X, '2025', xValue), figure('APP', Y, '2025', 495)],
  });

  // X: expected 2025 = 600 + 200 × 2/4 = 700. Against the group's 1,200 it would be far off track.
  it.each<[number, Status, number]>([
    [700, 'on_track', 1],
    [685, 'at_risk', 0.85],
    [650, 'off_track', 0.5],
  ])('X %d against its own 700 expected → %s (%d)', (value, status, progress) => {
    const { status: result } = evaluate(parts(value)).indicator('APP', X);
    expect(result.status).toBe(status);
    expect(result.progress).toBeCloseTo(progress, 10);
    expect(result.expected).toBeCloseTo(700, 10);
    expect(result.baseline).toBe(600);
    expect(result.latest).toEqual({ period: '2025', value });
  });

  it('a school without targets of its own has no status, not the group’s', () => {
    const { status } = evaluate(parts(700)).indicator('APP', Y);
    expect(status.status).toBe('no_data');
    expect(status.baseline).toBeNull();
    expect(status.latest).toEqual({ period: '2025', value: 495 });
  });

  it('reads only the school’s own figures, sorted by period', () => {
    const ev = evaluate({
      indicators: [indicator('APP', { unitIds: [] })],
      figures: [
        figure('APP', X, '2025', 3),
        figure('APP', Y, '2024', 99),
        figure('APP', X, '2023', 1),
        figure('APP', X, '2024', 2),
      ],
    });
    expect(ev.indicator('APP', X).values).toEqual([
      { period: '2023', value: 1 },
      { period: '2024', value: 2 },
      { period: '2025', value: 3 },
    ]);
    expect(ev.indicator('APP', Z).values).toEqual([]);
    expect(ev.indicator('APP', Z).status.status).toBe('no_data');
  });
});

describe('the indicator’s own rule is applied', () => {
  it.each<[number, number, Status]>([
    [14, 16, 'on_track'], // mean 15, inside [10, 20]
    [24, 26, 'off_track'], // mean 25: 1 − 5 / 10 = 0.5
    [4, 6, 'off_track'], // mean 5: 1 − 5 / 10 = 0.5
  ])('range [10, 20]: X %d, Y %d → %s', (x, y, status) => {
    const ev = evaluate({
      indicators: [
        indicator('RNG', {
          unitIds: [],
          direction: 'range',
          rangeMin: 10,
          rangeMax: 20,
          aggregation: 'mean',
        }),
      ],
      figures: [figure('RNG', X, '2025', x), figure('RNG', Y, '2025', y)],
    });
    expect(ev.indicator('RNG').status.status).toBe(status);
  });

  it.each<[number, Status, Status]>([
    [1170, 'at_risk', 'on_track'], // progress 0.85
    [1100, 'off_track', 'at_risk'], // progress 0.50
  ])('value %d: %s by default, %s with thresholds 0.8 / 0.5', (value, byDefault, custom) => {
    const ev = evaluate({
      indicators: [
        indicator('DEF', { unitIds: [] }),
        indicator('CUS', { unitIds: [], thresholds: { onTrack: 0.8, atRisk: 0.5 } }),
      ],
      targets: [...groupTargets('DEF'), ...groupTargets('CUS')],
      figures: [figure('DEF', G, '2025', value), figure('CUS', G, '2025', value)],
    });
    expect(ev.indicator('DEF').status.status).toBe(byDefault);
    expect(ev.indicator('CUS').status.status).toBe(custom);
  });
});

describe('stale flag, per context', () => {
  // Y's latest figure is for 2023: due by the end of 2024, then grace days.
  const parts = (graceDays: number): Partial<EvalInput> => ({
    indicators: [indicator('APP', { unitIds: [], graceDays })],
    targets: [target('APP', Y, 'baseline', '2022', 400), target('APP', Y, 'target', '2027', 500)],
    figures: [
      figure('APP', X, '2024', 650),
      figure('APP', X, '2025', 700),
      figure('APP', Y, '2023', 450),
    ],
  });

  it.each<[number, string, boolean]>([
    [90, '2025-03-31', true], // 2024-12-31 + 90 days, before 2025-07-01
    [200, '2025-07-19', false], // 2024-12-31 + 200 days, after 2025-07-01
  ])('Y, grace %d days: stale after %s → stale %s', (grace, after, stale) => {
    const { status } = evaluate(parts(grace)).indicator('APP', Y);
    expect(status.staleAfter).toBe(after);
    expect(status.stale).toBe(stale);
  });

  it('is shown even when the school is on track', () => {
    // expected 2023 = 400 + 100 × 1/5 = 420; 450 → progress 2.5
    const { status } = evaluate(parts(90)).indicator('APP', Y);
    expect(status.status).toBe('on_track');
    expect(status.stale).toBe(true);
  });

  it('the group is not stale while its series has a recent point', () => {
    const { status } = evaluate(parts(90)).indicator('APP');
    expect(status.latest).toEqual({ period: '2025', value: 700 });
    expect(status.staleAfter).toBe('2027-03-31');
    expect(status.stale).toBe(false);
  });
});

describe('forecast, when there is a final target (DESIGN: 10, 12, 14 → 20 in 2027)', () => {
  const parts = (finalTarget: number, extra: EvalFigure[] = []): Partial<EvalInput> => ({
    indicators: [indicator('F', { unitIds: [] })],
    targets: [
      target('F', null, 'baseline', '2023', 10),
      target('F', null, 'target', '2027', finalTarget),
    ],
    figures: [
      figure('F', G, '2023', 10),
      figure('F', G, '2024', 12),
      figure('F', G, '2025', 14),
      ...extra,
    ],
  });

  it('projects 18 in 2027 against 20: not likely, 3 a year required against a trend of 2', () => {
    const evaluation = evaluate(parts(20)).indicator('F');
    expect(evaluation.forecast).not.toBeNull();
    const f = evaluation.forecast;
    expect(f?.trendPerPeriod).toBeCloseTo(2, 10);
    expect(f?.projected).toBeCloseTo(18, 10);
    expect(f?.requiredPerPeriod).toBeCloseTo(3, 10);
    expect(f?.periodsLeft).toBe(2);
    expect(f?.likely).toBe(false);
    expect(f?.basis).toBe(3);
    expect([f?.targetPeriod, f?.targetValue]).toEqual(['2027', 20]);
    // status: expected 2025 = 10 + 10 × 2/4 = 15; (14 − 10) / (15 − 10) = 0.8 → at risk
    expect(evaluation.status.status).toBe('at_risk');
  });

  it('a target of 18 is likely met, 2 a year required', () => {
    const f = evaluate(parts(18)).indicator('F').forecast;
    expect(f?.likely).toBe(true);
    expect(f?.requiredPerPeriod).toBeCloseTo(2, 10);
  });

  it('ignores the figures of periods not begun at the date of the view', () => {
    const f = evaluate(parts(20, [figure('F', G, '2026', 100)])).indicator('F').forecast;
    expect(f?.projected).toBeCloseTo(18, 10);
    expect(f?.basis).toBe(3);
  });

  it('aims at the final target, not at a milestone', () => {
    const ev = evaluate({
      ...parts(20),
      targets: [
        target('F', null, 'baseline', '2023', 10),
        target('F', null, 'milestone', '2025', 16),
        target('F', null, 'target', '2027', 20),
      ],
    });
    const f = ev.indicator('F').forecast;
    expect([f?.targetPeriod, f?.targetValue]).toEqual(['2027', 20]);
  });

  it('is null without targets in the context', () => {
    const ev = evaluate({
      ...parts(20),
      figures: [figure('F', X, '2024', 1), figure('F', X, '2025', 2)],
    });
    // the group has a target; X has figures but no target of its own
    expect(ev.indicator('F').forecast).not.toBeNull();
    expect(ev.indicator('F', X).forecast).toBeNull();
    expect(evaluate({ ...parts(20), targets: [] }).indicator('F').forecast).toBeNull();
  });

  it('for a school, uses the school’s figures and target', () => {
    const ev = evaluate({
      indicators: [indicator('F', { unitIds: [] })],
      targets: [target('F', X, 'target', '2027', 8)],
      figures: [figure('F', X, '2023', 5), figure('F', X, '2024', 6), figure('F', X, '2025', 7)],
    });
    const f = ev.indicator('F', X).forecast;
    expect(f?.trendPerPeriod).toBeCloseTo(1, 10);
    expect(f?.projected).toBeCloseTo(9, 10);
    expect(f?.requiredPerPeriod).toBeCloseTo(0.5, 10);
    expect(f?.likely).toBe(true);
  });
});

describe('concerns: whether a school takes part in an indicator', () => {
  const ev = evaluate({
    indicators: [indicator('C', { unitIds: [X] }), indicator('D', { unitIds: [] })],
    figures: [figure('C', Y, '2025', 1), figure('D', G, '2025', 1)],
    targets: [target('C', Z, 'target', '2027', 5), target('D', null, 'target', '2027', 5)],
  });

  it.each<[string, string, string, boolean]>([
    ['expected to report', 'C', X, true],
    ['has figures', 'C', Y, true],
    ['has targets', 'C', Z, true],
    ['neither (group figures and group targets only)', 'D', X, false],
    ['neither (group figures and group targets only)', 'D', Y, false],
  ])('%s: concerns(%s, %s) → %s', (_label, indicatorId, unitId, concerned) => {
    expect(ev.concerns(indicatorId, unitId)).toBe(concerned);
  });
});

describe('unknown ids', () => {
  it('an unknown indicator is an error naming it', () => {
    expect(() => evaluate({}).indicator('NOPE')).toThrow('Unknown indicator NOPE');
  });
});
