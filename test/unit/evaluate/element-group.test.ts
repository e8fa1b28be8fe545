/**
 * An element of the group plan rolled up for the group: its indicators (group status), the
 * actions linked to it and its child elements (by status), weighted, judged by the plan's
 * thresholds.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/domain/evaluate/index.ts';
import type {
  EvalAction,
  EvalElement,
  EvalIndicatorLink,
} from '../../../src/domain/evaluate/index.ts';
import type { Status, Thresholds } from '../../../src/domain/types.ts';
import type { Parts } from './fixtures.ts';
import {
  G,
  X,
  action,
  element,
  groupStatusIndicator,
  link,
  merge,
  plan,
  snapshot,
  unitStatusParts,
} from './fixtures.ts';

/** One indicator of each group status: ON, RISK, OFF, NONE. */
const STATUS_INDICATORS: Parts = merge(
  groupStatusIndicator('ON', 'on_track'),
  groupStatusIndicator('RISK', 'at_risk'),
  groupStatusIndicator('OFF', 'off_track'),
  groupStatusIndicator('NONE', 'no_data'),
);

/** The group plan: family A → priorities A1, A2 → objectives A1.1, A1.2. */
const TREE: EvalElement[] = [
  element('A', 'GP', null),
  element('A1', 'GP', 'A'),
  element('A2', 'GP', 'A'),
  element('A1.1', 'GP', 'A1'),
  element('A1.2', 'GP', 'A1'),
];

function evaluator(options: {
  links?: EvalIndicatorLink[];
  actions?: EvalAction[];
  elements?: EvalElement[];
  thresholds?: Thresholds;
}) {
  return createEvaluator(
    snapshot({
      ...STATUS_INDICATORS,
      plans: [plan('GP', G, options.thresholds ? { thresholds: options.thresholds } : {})],
      elements: options.elements ?? TREE,
      links: options.links ?? [],
      actions: options.actions ?? [],
    }),
  );
}

describe('indicators of the element', () => {
  it('DESIGN: on track, at risk, no data → score 0.75 → at risk, coverage 2 of 3', () => {
    const result = evaluator({
      links: [link('A1.1', 'ON'), link('A1.1', 'RISK'), link('A1.1', 'NONE')],
    }).element('A1.1');
    expect(result.score).toBeCloseTo(0.75, 10);
    expect(result.status).toBe('at_risk');
    expect(result.coverage).toEqual({ scored: 2, total: 3 });
    expect(result.counts).toEqual({ on_track: 1, at_risk: 1, off_track: 0, no_data: 1 });
  });

  it.each<[string, [string, number][], number | null, Status]>([
    [
      'on track ×3, off track ×1',
      [
        ['ON', 3],
        ['OFF', 1],
      ],
      0.75,
      'at_risk',
    ],
    [
      'on track ×1, off track ×3',
      [
        ['ON', 1],
        ['OFF', 3],
      ],
      0.25,
      'off_track',
    ],
    [
      'on track ×1, off track ×0',
      [
        ['ON', 1],
        ['OFF', 0],
      ],
      1,
      'on_track',
    ],
    ['all on track', [['ON', 1]], 1, 'on_track'],
    ['only no data', [['NONE', 1]], null, 'no_data'],
  ])('weights of the links: %s → %s (%s)', (_label, links, score, status) => {
    const result = evaluator({
      links: links.map(([id, weight]) => link('A1.1', id, weight)),
    }).element('A1.1');
    if (score === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(score, 10);
    expect(result.status).toBe(status);
  });

  it('counts only the indicators linked to this element', () => {
    const result = evaluator({
      links: [link('A1.1', 'ON'), link('A1.2', 'OFF')],
    }).element('A1.1');
    expect(result.counts).toEqual({ on_track: 1, at_risk: 0, off_track: 0, no_data: 0 });
  });

  it('uses the indicator’s group status, not a school’s', () => {
    // X is on track on its own targets (119.5 against 120 expected); for the group the same
    // 119.5 is the whole series, against 1,200 expected: off track.
    const parts = unitStatusParts('NONE', X, 'on_track');
    const ev = createEvaluator(
      snapshot({
        indicators: STATUS_INDICATORS.indicators,
        targets: [...STATUS_INDICATORS.targets, ...parts.targets],
        figures: [...STATUS_INDICATORS.figures, ...parts.figures],
        plans: [plan('GP', G)],
        elements: TREE,
        links: [link('A1.1', 'NONE')],
      }),
    );
    expect(ev.indicator('NONE', X).status.status).toBe('on_track');
    expect(ev.indicator('NONE').status.status).toBe('off_track');
    expect(ev.element('A1.1').status).toBe('off_track');
  });
});

describe('actions linked to the element', () => {
  it.each<[string, Status[], number, Status]>([
    ['done + overdue', ['on_track', 'off_track'], 0.5, 'off_track'],
    ['done + behind schedule', ['on_track', 'at_risk'], 0.75, 'at_risk'],
    ['done + cancelled', ['on_track', 'no_data'], 1, 'on_track'],
  ])('%s → %s', (_label, statuses, score, status) => {
    const result = evaluator({
      actions: statuses.map((s, i) => action(`ACT${i}`, s, { elementIds: ['A1.1'] })),
    }).element('A1.1');
    expect(result.score).toBeCloseTo(score, 10);
    expect(result.status).toBe(status);
    expect(result.coverage.total).toBe(2);
  });

  it('weighs an action by its weight', () => {
    const result = evaluator({
      actions: [
        action('DONE', 'on_track', { elementIds: ['A1.1'], weight: 1 }),
        action('LATE', 'off_track', { elementIds: ['A1.1'], weight: 3 }),
      ],
    }).element('A1.1');
    expect(result.score).toBeCloseTo(0.25, 10);
  });

  it('counts an action on each element it is linked to, and only there', () => {
    const ev = evaluator({
      actions: [
        action('BOTH', 'off_track', { elementIds: ['A1.1', 'A2'] }),
        action('ONLY2', 'on_track', { elementIds: ['A2'] }),
      ],
    });
    expect(ev.element('A1.1').counts).toEqual({
      on_track: 0,
      at_risk: 0,
      off_track: 1,
      no_data: 0,
    });
    expect(ev.element('A2').counts).toEqual({ on_track: 1, at_risk: 0, off_track: 1, no_data: 0 });
  });

  it('mixes indicators and actions in one weighted mean', () => {
    const result = evaluator({
      links: [link('A1.1', 'RISK', 2)],
      actions: [action('DONE', 'on_track', { elementIds: ['A1.1'] })],
    }).element('A1.1');
    // (0.5 × 2 + 1 × 1) / 3 = 2/3
    expect(result.score).toBeCloseTo(2 / 3, 10);
    expect(result.status).toBe('at_risk');
  });
});

describe('child elements', () => {
  const links = [link('A1', 'RISK'), link('A1.1', 'ON'), link('A2', 'ON')];
  // A1.1 weight 2 (on track), A1.2 weight 1 with nothing in it (no data)
  const elements = TREE.map((e) => (e.id === 'A1.1' ? { ...e, weight: 2 } : e));

  it('roll up with their weights; an empty child counts as no data', () => {
    const result = evaluator({ links, elements }).element('A1');
    // own RISK 0.5 × 1, child A1.1 1 × 2, child A1.2 no data → 2.5 / 3
    expect(result.score).toBeCloseTo(2.5 / 3, 10);
    expect(result.status).toBe('at_risk');
    expect(result.coverage).toEqual({ scored: 2, total: 3 });
    expect(result.counts).toEqual({ on_track: 1, at_risk: 1, off_track: 0, no_data: 1 });
  });

  it('count by their status, not their score', () => {
    // A1 is at risk with a score of 0.83; A2 is on track → A = (0.5 + 1) / 2 = 0.75, at risk.
    // Averaging the scores would give (0.83 + 1) / 2 = 0.92, on track.
    const result = evaluator({ links, elements }).element('A');
    expect(result.score).toBeCloseTo(0.75, 10);
    expect(result.status).toBe('at_risk');
    expect(result.coverage).toEqual({ scored: 2, total: 2 });
  });
});

describe('the plan’s thresholds', () => {
  it.each<[string, Thresholds | undefined, Status]>([
    ['defaults 0.9 / 0.6', undefined, 'at_risk'],
    ['0.7 / 0.5', { onTrack: 0.7, atRisk: 0.5 }, 'on_track'],
    ['0.95 / 0.8', { onTrack: 0.95, atRisk: 0.8 }, 'off_track'],
  ])('score 0.75 with %s → %s', (_label, thresholds, status) => {
    const result = evaluator({
      links: [link('A1.1', 'ON'), link('A1.1', 'RISK')],
      ...(thresholds ? { thresholds } : {}),
    }).element('A1.1');
    expect(result.score).toBeCloseTo(0.75, 10);
    expect(result.status).toBe(status);
  });
});

describe('school elements aligned to a group element', () => {
  it('do not enter the group roll-up', () => {
    const parts = unitStatusParts('OFF', X, 'off_track');
    const ev = createEvaluator(
      snapshot({
        indicators: STATUS_INDICATORS.indicators,
        targets: [...STATUS_INDICATORS.targets, ...parts.targets],
        figures: [...STATUS_INDICATORS.figures, ...parts.figures],
        plans: [plan('GP', G), plan('SX', X, { alignsToPlanId: 'GP' })],
        elements: [...TREE, element('P1', 'SX', null)],
        links: [link('A1.1', 'ON'), link('P1', 'OFF')],
        alignments: [{ elementId: 'P1', targetElementId: 'A1.1' }],
      }),
    );
    expect(ev.element('A1.1').coverage).toEqual({ scored: 1, total: 1 });
    expect(ev.element('A1.1').status).toBe('on_track');
  });
});

describe('unknown ids', () => {
  it('an unknown element is an error naming it', () => {
    expect(() => evaluator({}).element('NOPE')).toThrow('Unknown element NOPE');
  });
});
