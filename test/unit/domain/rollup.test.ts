import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLLUP_THRESHOLDS } from '../../../src/domain/types.ts';
import type { Status, Thresholds } from '../../../src/domain/types.ts';
import { rollup, scoreOfStatus, statusFromScore } from '../../../src/domain/rollup.ts';
import type { RollupItem } from '../../../src/domain/rollup.ts';

const item = (id: string, status: Status, weight?: number): RollupItem =>
  weight === undefined
    ? { id, kind: 'indicator', status }
    : { id, kind: 'indicator', status, weight };

describe('worked example (DESIGN.md): roll-up of an objective', () => {
  it('on track, at risk, no data (weights 1) → score 0.75 → at risk, coverage 2 of 3', () => {
    const result = rollup([item('a', 'on_track'), item('b', 'at_risk'), item('c', 'no_data')]);
    expect(result.score).toBeCloseTo(0.75, 12);
    expect(result.status).toBe('at_risk');
    expect(result.coverage).toEqual({ scored: 2, total: 3 });
    expect(result.counts).toEqual({ on_track: 1, at_risk: 1, off_track: 0, no_data: 1 });
  });
});

describe('scoreOfStatus', () => {
  it.each<[Status, number | null]>([
    ['on_track', 1],
    ['at_risk', 0.5],
    ['off_track', 0],
    ['no_data', null],
  ])('%s → %s', (status, score) => {
    expect(scoreOfStatus(status)).toBe(score);
  });
});

describe('statusFromScore', () => {
  const custom: Thresholds = { onTrack: 0.7, atRisk: 0.4 };
  it.each<[number | null, Thresholds, Status]>([
    [null, DEFAULT_ROLLUP_THRESHOLDS, 'no_data'],
    [1, DEFAULT_ROLLUP_THRESHOLDS, 'on_track'],
    [0.9, DEFAULT_ROLLUP_THRESHOLDS, 'on_track'],
    [0.89, DEFAULT_ROLLUP_THRESHOLDS, 'at_risk'],
    [0.6, DEFAULT_ROLLUP_THRESHOLDS, 'at_risk'],
    [0.59, DEFAULT_ROLLUP_THRESHOLDS, 'off_track'],
    [0, DEFAULT_ROLLUP_THRESHOLDS, 'off_track'],
    [0.75, custom, 'on_track'],
    [0.5, custom, 'at_risk'],
    [0.3, custom, 'off_track'],
  ])('%s with %o → %s', (score, thresholds, status) => {
    expect(statusFromScore(score, thresholds)).toBe(status);
  });
});

describe('rollup', () => {
  it.each<[string, RollupItem[], number | null, Status, number, number]>([
    ['no items', [], null, 'no_data', 0, 0],
    ['only no data', [item('a', 'no_data'), item('b', 'no_data')], null, 'no_data', 0, 2],
    ['all on track', [item('a', 'on_track'), item('b', 'on_track')], 1, 'on_track', 2, 2],
    ['all off track', [item('a', 'off_track'), item('b', 'off_track')], 0, 'off_track', 2, 2],
    [
      'weights 3 and 1',
      [item('a', 'on_track', 3), item('b', 'off_track', 1)],
      0.75,
      'at_risk',
      2,
      2,
    ],
    [
      'weights 2, 1, 1',
      [item('a', 'on_track', 2), item('b', 'at_risk', 1), item('c', 'off_track', 1)],
      0.625,
      'at_risk',
      3,
      3,
    ],
    [
      'weight 0 is excluded from the score but counted',
      [item('a', 'on_track', 0), item('b', 'off_track')],
      0,
      'off_track',
      1,
      2,
    ],
    ['only weight 0', [item('a', 'on_track', 0)], null, 'no_data', 0, 1],
    [
      'fractional weights',
      [item('a', 'on_track', 0.9), item('b', 'on_track', 0.1), item('c', 'at_risk', 1)],
      0.75,
      'at_risk',
      3,
      3,
    ],
    [
      'just at the on-track threshold',
      [...Array.from({ length: 9 }, (_, i) => item(`a${i}`, 'on_track')), item('z', 'off_track')],
      0.9,
      'on_track',
      10,
      10,
    ],
  ])('%s', (_name, items, score, status, scored, total) => {
    const result = rollup(items);
    if (score === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(score, 12);
    expect(result.status).toBe(status);
    expect(result.coverage).toEqual({ scored, total });
  });

  it('mixes indicators, actions and child elements', () => {
    const result = rollup([
      { id: 'i', kind: 'indicator', status: 'on_track' },
      { id: 'a', kind: 'action', status: 'off_track' },
      { id: 'e', kind: 'element', status: 'at_risk', weight: 2 },
    ]);
    expect(result.score).toBeCloseTo(0.5, 12);
    expect(result.status).toBe('off_track');
    expect(result.counts).toEqual({ on_track: 1, at_risk: 1, off_track: 1, no_data: 0 });
  });

  it('counts weight-0 items by status', () => {
    expect(rollup([item('a', 'at_risk', 0)]).counts.at_risk).toBe(1);
  });

  it('takes the plan thresholds', () => {
    const items = [item('a', 'on_track'), item('b', 'at_risk')];
    expect(rollup(items).status).toBe('at_risk');
    expect(rollup(items, { onTrack: 0.7, atRisk: 0.4 }).status).toBe('on_track');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects the weight %d', (weight) => {
    expect(() => rollup([item('a', 'on_track'), item('bad', 'at_risk', weight)])).toThrow(/"bad"/);
  });
});
