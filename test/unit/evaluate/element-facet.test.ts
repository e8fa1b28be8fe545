/**
 * An element restricted to one facet value (e.g. one strategic focus): the flat roll-up of the
 * indicators and actions below it that carry the value themselves or sit under an element that
 * does.
 */
import { describe, expect, it } from 'vitest';
import { createEvaluator } from '../../../src/domain/evaluate/index.ts';
import type { EvalIndicatorLink } from '../../../src/domain/evaluate/index.ts';
import type { Status, Thresholds } from '../../../src/domain/types.ts';
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
  target,
  unitStatusParts,
  indicator,
} from './fixtures.ts';

const INDUSTRY = 'focus:industry';
const ENERGY = 'focus:energy';
const HEALTH = 'focus:health';

/**
 * Group plan: A → A1 (tagged industry) → A1.1; A → A2.
 * - A1 → I1 (untagged, on track); A1.1 → I2 (untagged, off track);
 * - A2 → I3 (tagged industry, at risk), I4 (tagged energy, off track);
 * - actions: ACT1 on A2 tagged industry (on track), ACT2 on A2 untagged (off track),
 *   ACT3 on A1.1 untagged (on track).
 */
function evaluator(options: { thresholds?: Thresholds; links?: EvalIndicatorLink[] } = {}) {
  return createEvaluator(
    snapshot({
      ...merge(
        groupStatusIndicator('I1', 'on_track'),
        groupStatusIndicator('I2', 'off_track'),
        groupStatusIndicator('I3', 'at_risk', { facetValueIds: [INDUSTRY] }),
        groupStatusIndicator('I4', 'off_track', { facetValueIds: [ENERGY] }),
      ),
      plans: [plan('GP', G, options.thresholds ? { thresholds: options.thresholds } : {})],
      elements: [
        element('A', 'GP', null),
        element('A1', 'GP', 'A', { facetValueIds: [INDUSTRY], weight: 5 }),
        element('A1.1', 'GP', 'A1'),
        element('A2', 'GP', 'A'),
      ],
      links: options.links ?? [
        link('A1', 'I1'),
        link('A1.1', 'I2'),
        link('A2', 'I3'),
        link('A2', 'I4'),
      ],
      actions: [
        action('ACT1', 'on_track', { elementIds: ['A2'], facetValueIds: [INDUSTRY] }),
        action('ACT2', 'off_track', { elementIds: ['A2'] }),
        action('ACT3', 'on_track', { elementIds: ['A1.1'] }),
      ],
    }),
  );
}

const counts = (partial: Partial<Record<Status, number>>) => ({
  on_track: 0,
  at_risk: 0,
  off_track: 0,
  no_data: 0,
  ...partial,
});

describe('what a facet value takes in', () => {
  it.each<[string, string, string, Record<Status, number>, number | null, Status]>([
    // I1 on, I2 off (under A1), I3 risk (own tag), ACT1 on (own tag), ACT3 on (under A1)
    [
      'A',
      INDUSTRY,
      'all tagged or under A1',
      counts({ on_track: 3, at_risk: 1, off_track: 1 }),
      0.7,
      'at_risk',
    ],
    ['A', ENERGY, 'only I4, tagged itself', counts({ off_track: 1 }), 0, 'off_track'],
    ['A', HEALTH, 'nothing', counts({}), null, 'no_data'],
    [
      'A1',
      INDUSTRY,
      'A1 is tagged: I1, I2, ACT3',
      counts({ on_track: 2, off_track: 1 }),
      2 / 3,
      'at_risk',
    ],
    [
      'A2',
      INDUSTRY,
      'A2 is not: I3 and ACT1 only',
      counts({ on_track: 1, at_risk: 1 }),
      0.75,
      'at_risk',
    ],
    ['A2', ENERGY, 'I4 only', counts({ off_track: 1 }), 0, 'off_track'],
  ])('%s for %s: %s', (elementId, facet, _label, expectedCounts, score, status) => {
    const result = evaluator().elementForFacet(elementId, facet);
    expect(result.counts).toEqual(expectedCounts);
    if (score === null) expect(result.score).toBeNull();
    else expect(result.score).toBeCloseTo(score, 10);
    expect(result.status).toBe(status);
  });

  it('leaves out untagged items of untagged elements (ACT2 on A2)', () => {
    const result = evaluator().elementForFacet('A2', INDUSTRY);
    expect(result.coverage.total).toBe(2);
  });
});

describe('a flat roll-up', () => {
  it('weighs the links but not the elements (A1 has weight 5)', () => {
    const result = evaluator({
      links: [link('A1', 'I1'), link('A1.1', 'I2', 2), link('A2', 'I3')],
    }).elementForFacet('A', INDUSTRY);
    // I1 1×1, I2 0×2, I3 0.5×1, ACT1 1×1, ACT3 1×1 → 3.5 / 6
    expect(result.score).toBeCloseTo(3.5 / 6, 10);
    expect(result.status).toBe('off_track');
  });
});

describe('the plan’s thresholds', () => {
  it.each<[string, Thresholds | undefined, Status]>([
    ['defaults 0.9 / 0.6', undefined, 'at_risk'],
    ['0.7 / 0.5', { onTrack: 0.7, atRisk: 0.5 }, 'on_track'],
  ])('score 0.7 with %s → %s', (_label, thresholds, status) => {
    const result = evaluator(thresholds ? { thresholds } : {}).elementForFacet('A', INDUSTRY);
    expect(result.score).toBeCloseTo(0.7, 10);
    expect(result.status).toBe(status);
  });
});

describe('known defects', () => {
  // Regression test: this rule was once broken in the evaluator.
  it('counts the items of an element whose ancestor carries the value', () => {
    const result = evaluator().elementForFacet('A1.1', INDUSTRY);
    expect(result.counts).toEqual(counts({ on_track: 1, off_track: 1 })); // actual: all 0
    expect(result.status).toBe('off_track'); // actual: no_data
  });

  // Regression test: this rule was once broken in the evaluator.
  it('evaluates a school plan’s element for its own school', () => {
    const ip = unitStatusParts('IP', X, 'on_track');
    const ev = createEvaluator(
      snapshot({
        indicators: [indicator('IP', { unitIds: [X] })],
        figures: ip.figures,
        targets: [
          ...ip.targets,
          target('IP', null, 'baseline', '2023', 1000),
          target('IP', null, 'target', '2027', 1400),
        ],
        plans: [plan('GP', G), plan('SX', X, { alignsToPlanId: 'GP' })],
        elements: [element('P1', 'SX', null, { facetValueIds: [INDUSTRY] })],
        links: [link('P1', 'IP')],
      }),
    );
    expect(ev.element('P1').status).toBe('on_track');
    expect(ev.elementForFacet('P1', INDUSTRY).status).toBe('on_track'); // actual: off_track
  });
});
