/**
 * An element rolled up for one school: only the indicators the school takes part in (judged on
 * its own targets), only the actions it leads or contributes to, the children that hold something
 * for it, plus the school's own plan elements aligned to the group element. A school plan's
 * element is always evaluated for its own school.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/domain/evaluate/index.ts';
import type { EvalInput } from '../../../src/domain/evaluate/index.ts';
import type { Parts } from './fixtures.ts';
import {
  G,
  X,
  Y,
  Z,
  action,
  element,
  figure,
  indicator,
  link,
  plan,
  snapshot,
  target,
  unitStatusParts,
} from './fixtures.ts';

/** An indicator expected from `unitIds`, with the given school statuses. */
function unitIndicator(
  id: string,
  unitIds: string[],
  statuses: [string, 'on_track' | 'at_risk' | 'off_track' | 'no_data'][],
): Parts {
  const parts = statuses.map(([unitId, status]) => unitStatusParts(id, unitId, status));
  return {
    indicators: [indicator(id, { unitIds })],
    figures: parts.flatMap((p) => p.figures),
    targets: parts.flatMap((p) => p.targets),
  };
}

function build(parts: Parts[], rest: Partial<EvalInput>) {
  return createEvaluator(
    snapshot({
      indicators: parts.flatMap((p) => p.indicators),
      figures: parts.flatMap((p) => p.figures),
      targets: parts.flatMap((p) => p.targets),
      plans: [plan('GP', G)],
      ...rest,
    }),
  );
}

const COUNTS_NONE = { on_track: 0, at_risk: 0, off_track: 0, no_data: 0 };

describe('indicators: only those the school takes part in', () => {
  const ev = build(
    [
      unitIndicator('IX', [X], [[X, 'on_track']]), // expected from X, on track
      unitIndicator('IY', [Y], [[Y, 'off_track']]), // Y's only
      {
        // X reports a figure without being expected and without targets
        indicators: [indicator('IXFIG', { unitIds: [] })],
        figures: [figure('IXFIG', X, '2025', 5)],
        targets: [],
      },
      {
        // X has targets but no figure
        indicators: [indicator('IXTGT', { unitIds: [] })],
        figures: [],
        targets: [target('IXTGT', X, 'target', '2027', 5)],
      },
      {
        // the group's own: group figure and group targets only
        indicators: [indicator('IG', { unitIds: [] })],
        figures: [figure('IG', G, '2025', 1195)],
        targets: [
          target('IG', null, 'baseline', '2023', 1000),
          target('IG', null, 'target', '2027', 1400),
        ],
      },
    ],
    {
      elements: [element('E', 'GP', null)],
      links: ['IX', 'IY', 'IXFIG', 'IXTGT', 'IG'].map((id) => link('E', id)),
    },
  );

  it('X: expected (on track), reported (no target: no data), targeted (no figure: no data)', () => {
    const result = ev.element('E', X);
    expect(result.counts).toEqual({ ...COUNTS_NONE, on_track: 1, no_data: 2 });
    expect(result.coverage).toEqual({ scored: 1, total: 3 });
    expect(result.status).toBe('on_track');
  });

  it('Y: only its own indicator, off track', () => {
    const result = ev.element('E', Y);
    expect(result.counts).toEqual({ ...COUNTS_NONE, off_track: 1 });
    expect(result.status).toBe('off_track');
  });

  it('Z: nothing concerns it → no data, nothing counted', () => {
    const result = ev.element('E', Z);
    expect(result.coverage).toEqual({ scored: 0, total: 0 });
    expect(result.status).toBe('no_data');
  });

  it('the group counts them all', () => {
    expect(ev.element('E').coverage.total).toBe(5);
  });
});

describe('an indicator shared by two schools', () => {
  const ev = build(
    [
      unitIndicator(
        'IXY',
        [X, Y],
        [
          [X, 'on_track'],
          [Y, 'off_track'],
        ],
      ),
    ],
    { elements: [element('E', 'GP', null)], links: [link('E', 'IXY')] },
  );

  it.each<[string, string]>([
    [X, 'on_track'],
    [Y, 'off_track'],
  ])('counts for %s with that school’s own status (%s)', (unitId, status) => {
    expect(ev.element('E', unitId).status).toBe(status);
  });
});

describe('actions: only those the school leads or contributes to', () => {
  const ev = build([], {
    elements: [element('E', 'GP', null)],
    actions: [
      action('LEAD-X', 'off_track', { leadUnitId: X, elementIds: ['E'] }),
      action('HELP-X', 'on_track', { leadUnitId: G, unitIds: [X, Y], elementIds: ['E'] }),
      action('LEAD-Y', 'at_risk', { leadUnitId: Y, unitIds: [Z], elementIds: ['E'] }),
      action('GROUP', 'off_track', { leadUnitId: G, unitIds: [], elementIds: ['E'] }),
    ],
  });

  it.each<[string, Record<string, number>, string]>([
    [X, { on_track: 1, off_track: 1 }, 'off_track'], // LEAD-X, HELP-X: 0.5
    [Y, { on_track: 1, at_risk: 1 }, 'at_risk'], // HELP-X, LEAD-Y: 0.75
    [Z, { at_risk: 1 }, 'off_track'], // LEAD-Y: 0.5
  ])('%s counts %o → %s', (unitId, counts, status) => {
    const result = ev.element('E', unitId);
    expect(result.counts).toEqual({ ...COUNTS_NONE, ...counts });
    expect(result.status).toBe(status);
  });

  it('the group counts all four', () => {
    expect(ev.element('E').coverage.total).toBe(4);
  });
});

describe('children: only those that hold something for the school', () => {
  const ev = build(
    [unitIndicator('IX', [X], [[X, 'on_track']]), unitIndicator('IY', [Y], [[Y, 'off_track']])],
    {
      elements: [
        element('A1', 'GP', null),
        element('A1.1', 'GP', 'A1'),
        element('A1.2', 'GP', 'A1'),
      ],
      links: [link('A1.1', 'IX'), link('A1.2', 'IY')],
    },
  );

  it.each<[string, string]>([
    [X, 'on_track'],
    [Y, 'off_track'],
  ])('%s: one child counted, the other left out → %s', (unitId, status) => {
    const result = ev.element('A1', unitId);
    expect(result.coverage.total).toBe(1);
    expect(result.status).toBe(status);
  });

  it('the group counts both children, judged on trajectories derived from the schools', () => {
    // no group targets: each group trajectory is the one reporting school's, so the group's
    // statuses follow the schools'
    const result = ev.element('A1');
    expect(result.coverage).toEqual({ scored: 2, total: 2 });
    expect(result.counts).toEqual({ ...COUNTS_NONE, on_track: 1, off_track: 1 });
  });
});

describe('the school’s own plan elements aligned to the group element', () => {
  const ev = build(
    [
      unitIndicator('IX', [X], [[X, 'on_track']]),
      unitIndicator('IP', [X], [[X, 'off_track']]),
      unitIndicator('IQ', [Y], [[Y, 'on_track']]),
    ],
    {
      plans: [
        plan('GP', G),
        plan('SX', X, { alignsToPlanId: 'GP' }),
        plan('SY', Y, { alignsToPlanId: 'GP' }),
      ],
      elements: [
        element('A1', 'GP', null),
        element('P1', 'SX', null, { weight: 3 }),
        element('Q1', 'SY', null),
      ],
      links: [link('A1', 'IX'), link('P1', 'IP'), link('Q1', 'IQ')],
      alignments: [
        { elementId: 'P1', targetElementId: 'A1' },
        { elementId: 'Q1', targetElementId: 'A1' },
      ],
    },
  );

  it('X: its indicator (on track ×1) and its P1 (off track ×3) → 0.25, off track', () => {
    const result = ev.element('A1', X);
    expect(result.score).toBeCloseTo(0.25, 10);
    expect(result.status).toBe('off_track');
    expect(result.coverage).toEqual({ scored: 2, total: 2 });
  });

  it('Y: only its Q1 (on track); X’s P1 and indicator are not Y’s', () => {
    const result = ev.element('A1', Y);
    expect(result.counts).toEqual({ ...COUNTS_NONE, on_track: 1 });
    expect(result.status).toBe('on_track');
  });

  it('the group roll-up leaves the school elements out', () => {
    expect(ev.element('A1').coverage.total).toBe(1);
  });
});

describe('a school plan’s element is always evaluated for its own school', () => {
  // IP: X on its own targets is on track (119.5 of 120); the same 119.5 is the group's whole
  // series, against the group's 1,200: off track.
  const ip = unitIndicator('IP', [X], [[X, 'on_track']]);
  const ev = build(
    [
      {
        ...ip,
        targets: [
          ...ip.targets,
          target('IP', null, 'baseline', '2023', 1000),
          target('IP', null, 'target', '2027', 1400),
        ],
      },
    ],
    {
      plans: [plan('GP', G), plan('SX', X, { alignsToPlanId: 'GP' })],
      elements: [element('P1', 'SX', null)],
      links: [link('P1', 'IP')],
      actions: [
        action('X-DONE', 'on_track', { leadUnitId: X, elementIds: ['P1'] }),
        action('Y-LATE', 'off_track', { leadUnitId: Y, elementIds: ['P1'] }),
      ],
    },
  );

  it('the premise: X is on track, the group off track', () => {
    expect(ev.indicator('IP', X).status.status).toBe('on_track');
    expect(ev.indicator('IP').status.status).toBe('off_track');
  });

  it.each<[string, string | undefined]>([
    ['asked for the group', undefined],
    ['asked for X', X],
    ['asked for Y', Y],
  ])('%s: X’s indicator status and X’s actions only → on track', (_label, context) => {
    const result = context === undefined ? ev.element('P1') : ev.element('P1', context);
    expect(result.counts).toEqual({ ...COUNTS_NONE, on_track: 2 });
    expect(result.status).toBe('on_track');
  });
});

describe('a school element is judged by its own plan’s thresholds', () => {
  // P1 for X: on track, at risk, no data → 0.75: on track from 0.7 (SX), at risk under GP's 0.9.
  const parts = [
    unitIndicator('ION', [X], [[X, 'on_track']]),
    unitIndicator('IRISK', [X], [[X, 'at_risk']]),
    unitIndicator('INONE', [X], [[X, 'no_data']]),
  ];
  const ev = build(parts, {
    plans: [
      plan('GP', G),
      plan('SX', X, { alignsToPlanId: 'GP', thresholds: { onTrack: 0.7, atRisk: 0.5 } }),
    ],
    elements: [element('A1', 'GP', null), element('P1', 'SX', null)],
    links: [link('P1', 'ION'), link('P1', 'IRISK'), link('P1', 'INONE')],
    alignments: [{ elementId: 'P1', targetElementId: 'A1' }],
  });

  it('P1 scores 0.75 → on track by SX’s thresholds', () => {
    const result = ev.element('P1');
    expect(result.score).toBeCloseTo(0.75, 10);
    expect(result.coverage).toEqual({ scored: 2, total: 3 });
    expect(result.status).toBe('on_track');
  });

  it('… and counts as on track in the group element rolled up for X', () => {
    const result = ev.element('A1', X);
    expect(result.score).toBe(1);
    expect(result.status).toBe('on_track');
  });
});
