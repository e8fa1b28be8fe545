import { describe, expect, it } from 'vitest';
import {
  baselineOf,
  expectedAt,
  finalTargetOf,
  normalizeTrajectory,
} from '../../../src/domain/trajectory.ts';
import type { TrajectoryPoint } from '../../../src/domain/trajectory.ts';

const apprentices: TrajectoryPoint[] = [
  { kind: 'baseline', period: '2023', value: 1000 },
  { kind: 'target', period: '2027', value: 1400 },
];

const energy: TrajectoryPoint[] = [
  { kind: 'baseline', period: '2022', value: 50 },
  { kind: 'target', period: '2026', value: 40 },
];

describe('expectedAt: worked examples (DESIGN.md)', () => {
  it('apprentices: baseline 1,000 (2023), target 1,400 (2027) → expected 2025 is exactly 1,200', () => {
    expect(expectedAt(apprentices, '2025')).toBe(1200);
  });

  it('energy: baseline 50 (2022), target 40 (2026) → expected 2024 is exactly 45', () => {
    expect(expectedAt(energy, '2024')).toBe(45);
  });
});

describe('expectedAt: linear interpolation, clamped outside the points', () => {
  it.each<[string, number]>([
    ['2020', 1000],
    ['2022', 1000],
    ['2023', 1000],
    ['2024', 1100],
    ['2026', 1300],
    ['2027', 1400],
    ['2030', 1400],
    // Other kinds sit at their end month: 2025-12 ends with 2025, so it is the midpoint.
    ['2025-12', 1200],
    ['2025-Q4', 1200],
    ['2025-S2', 1200],
    // 2025-S1 ends 6 months after the end of 2024: 1,000 + 400 × 18/48.
    ['2025-S1', 1150],
    // 2025-Q3 ends 21 months after the end of 2023: 1,000 + 400 × 21/48.
    ['2025-Q3', 1175],
    // 2025-26 ends in August 2026, 32 of 48 months on.
    ['2025-26', 1000 + (400 * 32) / 48],
  ])('apprentices at %s → %d', (period, expected) => {
    expect(expectedAt(apprentices, period)).toBeCloseTo(expected, 9);
  });

  it.each<[string, number]>([
    ['2023', 0],
    ['2024', 50],
    ['2025', 100],
    ['2026', 110],
    ['2027', 120],
  ])('through a milestone, at %s → %d', (period, expected) => {
    const points: TrajectoryPoint[] = [
      { kind: 'target', period: '2027', value: 120 },
      { kind: 'baseline', period: '2023', value: 0 },
      { kind: 'milestone', period: '2025', value: 100 },
    ];
    expect(expectedAt(points, period)).toBeCloseTo(expected, 9);
  });

  it('decreasing trajectory between the points', () => {
    expect(expectedAt(energy, '2023')).toBeCloseTo(47.5, 9);
    expect(expectedAt(energy, '2025')).toBeCloseTo(42.5, 9);
  });

  it('a target equal to the baseline keeps the level everywhere', () => {
    const flat: TrajectoryPoint[] = [
      { kind: 'baseline', period: '2023', value: 80 },
      { kind: 'target', period: '2027', value: 80 },
    ];
    expect(['2020', '2023', '2025', '2027', '2030'].map((p) => expectedAt(flat, p))).toEqual([
      80, 80, 80, 80, 80,
    ]);
  });

  it('no points → null', () => {
    expect(expectedAt([], '2025')).toBeNull();
  });

  it.each(['2020', '2025', '2027', '2030-Q2'])('a single point gives its value at %s', (period) => {
    expect(expectedAt([{ kind: 'target', period: '2027', value: 1400 }], period)).toBe(1400);
  });

  it('throws on an invalid period', () => {
    expect(() => expectedAt(apprentices, '2025-13')).toThrow('"2025-13"');
  });
});

describe('points sharing a period', () => {
  it.each<[string, TrajectoryPoint[], number]>([
    [
      'target beats baseline',
      [
        { kind: 'baseline', period: '2025', value: 100 },
        { kind: 'target', period: '2025', value: 200 },
      ],
      200,
    ],
    [
      'target beats baseline whatever the input order',
      [
        { kind: 'target', period: '2025', value: 200 },
        { kind: 'baseline', period: '2025', value: 100 },
      ],
      200,
    ],
    [
      'milestone beats baseline',
      [
        { kind: 'milestone', period: '2025', value: 150 },
        { kind: 'baseline', period: '2025', value: 100 },
      ],
      150,
    ],
    [
      'same kind: the later in the input wins',
      [
        { kind: 'target', period: '2025', value: 300 },
        { kind: 'target', period: '2025', value: 350 },
      ],
      350,
    ],
    [
      'periods ending together (2025 and 2025-S2) are one time',
      [
        { kind: 'baseline', period: '2025', value: 10 },
        { kind: 'target', period: '2025-S2', value: 20 },
      ],
      20,
    ],
  ])('%s', (_name, points, expected) => {
    expect(expectedAt(points, '2025')).toBe(expected);
    expect(expectedAt(points, '2024')).toBe(expected);
    expect(normalizeTrajectory(points)).toHaveLength(1);
  });
});

describe('baselineOf and finalTargetOf', () => {
  const m = (period: string, value: number): TrajectoryPoint => ({
    kind: 'milestone',
    period,
    value,
  });
  const b = (period: string, value: number): TrajectoryPoint => ({
    kind: 'baseline',
    period,
    value,
  });
  const t = (period: string, value: number): TrajectoryPoint => ({
    kind: 'target',
    period,
    value,
  });

  it.each<[string, TrajectoryPoint[], TrajectoryPoint | null]>([
    ['the marked baseline', [t('2027', 3), b('2023', 1), m('2025', 2)], b('2023', 1)],
    [
      'the marked baseline even if a milestone is earlier',
      [m('2022', 9), b('2023', 1)],
      b('2023', 1),
    ],
    ['the earliest of two baselines', [b('2024', 2), b('2023', 1)], b('2023', 1)],
    ['no baseline: the earliest point', [t('2027', 3), m('2025', 2)], m('2025', 2)],
    ['across kinds: the earliest period', [m('2025-Q1', 5), m('2024-25', 4)], m('2025-Q1', 5)],
    ['no points', [], null],
  ])('baselineOf: %s', (_name, points, expected) => {
    expect(baselineOf(points)).toEqual(expected);
  });

  it.each<[string, TrajectoryPoint[], TrajectoryPoint | null]>([
    ['the latest target', [b('2023', 1), t('2025', 2), t('2027', 3)], t('2027', 3)],
    ['a target before a later milestone', [t('2026', 3), m('2027', 4)], t('2026', 3)],
    ['no target: the latest point', [b('2023', 1), m('2025', 2)], m('2025', 2)],
    ['a single point', [b('2023', 1)], b('2023', 1)],
    ['no points', [], null],
  ])('finalTargetOf: %s', (_name, points, expected) => {
    expect(finalTargetOf(points)).toEqual(expected);
  });
});
