/**
 * Without group targets, the group's trajectory is the units' trajectories aggregated by the
 * indicator's own rule — and none when a unit lacks one.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/domain/evaluate/index.ts';
import { G, X, Y, figure, indicator, snapshot, target } from './fixtures.ts';

describe('derived group trajectory', () => {
  it('sums the schools’ trajectories for a summed indicator', () => {
    const ev = createEvaluator(
      snapshot({
        indicators: [indicator('S', { unitIds: [X, Y] })],
        targets: [
          target('S', X, 'baseline', '2023', 400),
          target('S', X, 'target', '2027', 600),
          target('S', Y, 'baseline', '2023', 600),
          target('S', Y, 'target', '2027', 800),
        ],
        figures: [figure('S', X, '2025', 500), figure('S', Y, '2025', 690)],
      }),
    );
    const evaluation = ev.indicator('S');
    expect(evaluation.trajectory).toEqual([
      { kind: 'baseline', period: '2023', value: 1000 },
      { kind: 'target', period: '2027', value: 1400 },
    ]);
    // expected 2025 = 1,200; actual 1,190 → progress 0.95 → on track
    expect(evaluation.status.expected).toBeCloseTo(1200, 10);
    expect(evaluation.status.status).toBe('on_track');
  });

  it('takes a ratio of the summed expected numerators and denominators', () => {
    const ev = createEvaluator(
      snapshot({
        indicators: [
          indicator('N', { unitIds: [X, Y] }),
          indicator('D', { unitIds: [X, Y] }),
          indicator('R', {
            unitIds: [X, Y],
            aggregation: 'ratio_of_sums',
            numeratorIndicatorId: 'N',
            denominatorIndicatorId: 'D',
            ratioScale: 100,
          }),
        ],
        targets: [
          target('N', X, 'target', '2027', 300),
          target('D', X, 'target', '2027', 1000),
          target('N', Y, 'target', '2027', 50),
          target('D', Y, 'target', '2027', 500),
        ],
      }),
    );
    const [point] = ev.indicator('R').trajectory;
    expect(point?.period).toBe('2027');
    expect(point?.value).toBeCloseTo((350 / 1500) * 100, 10);
  });

  it('has none when a school lacks a trajectory, and explicit group targets win', () => {
    const parts = {
      indicators: [indicator('S', { unitIds: [X, Y] })],
      targets: [target('S', X, 'baseline', '2023', 400), target('S', X, 'target', '2027', 600)],
    };
    expect(createEvaluator(snapshot(parts)).indicator('S').trajectory).toEqual([]);
    const explicit = createEvaluator(
      snapshot({ ...parts, targets: [...parts.targets, target('S', G, 'target', '2027', 5)] }),
    );
    expect(explicit.indicator('S').trajectory).toEqual([
      { kind: 'target', period: '2027', value: 5 },
    ]);
  });
});
