/**
 * Hand-built workspace snapshots for the evaluator tests: a group unit G with three schools X, Y
 * and Z, builders with plain defaults, and recipes that give an indicator or an action a known
 * status. Every expected value in the tests is worked out by hand from these numbers.
 */
import type {
  EvalAction,
  EvalElement,
  EvalFigure,
  EvalIndicator,
  EvalIndicatorLink,
  EvalInput,
  EvalPlan,
  EvalTarget,
  EvalUnit,
} from '../../../src/domain/evaluate/index.ts';
import type { Provenance, Status, TargetKind } from '../../../src/domain/types.ts';

/** The date of every snapshot unless a test says otherwise. */
export const AS_OF = '2025-07-01';

export const G = 'G';
export const X = 'X';
export const Y = 'Y';
export const Z = 'Z';

export const UNITS: readonly EvalUnit[] = [
  { id: G, kind: 'group', parentId: null },
  { id: X, kind: 'school', parentId: G },
  { id: Y, kind: 'school', parentId: G },
  { id: Z, kind: 'school', parentId: G },
];

/** A yearly, increasing, summed indicator expected from X, Y and Z (default thresholds). */
export function indicator(id: string, overrides: Partial<EvalIndicator> = {}): EvalIndicator {
  return {
    id,
    direction: 'increase',
    rangeMin: null,
    rangeMax: null,
    frequency: 'year',
    aggregation: 'sum',
    weightIndicatorId: null,
    numeratorIndicatorId: null,
    denominatorIndicatorId: null,
    ratioScale: 1,
    thresholds: { onTrack: 0.95, atRisk: 0.8 },
    graceDays: 90,
    unitIds: [X, Y, Z],
    facetValueIds: [],
    ...overrides,
  };
}

/** An official, validated figure. */
export function figure(
  indicatorId: string,
  unitId: string,
  period: string,
  value: number,
  provenance: Provenance = 'official',
  source = '',
): EvalFigure {
  return { indicatorId, unitId, period, value, provenance, source, validated: true };
}

/** A target point; `unitId` null is the whole group. */
export function target(
  indicatorId: string,
  unitId: string | null,
  kind: TargetKind,
  period: string,
  value: number,
): EvalTarget {
  return { indicatorId, unitId, kind, period, value };
}

/** A plan with the default roll-up thresholds (0.9, 0.6). */
export function plan(id: string, unitId: string, overrides: Partial<EvalPlan> = {}): EvalPlan {
  return {
    id,
    unitId,
    alignsToPlanId: null,
    thresholds: { onTrack: 0.9, atRisk: 0.6 },
    ...overrides,
  };
}

/** An element of weight 1 without facets. */
export function element(
  id: string,
  planId: string,
  parentId: string | null,
  overrides: Partial<EvalElement> = {},
): EvalElement {
  return { id, planId, parentId, weight: 1, facetValueIds: [], ...overrides };
}

/** A link of weight 1 unless told. */
export function link(elementId: string, indicatorId: string, weight = 1): EvalIndicatorLink {
  return { elementId, indicatorId, weight };
}

/** Everything empty but the units, the group unit and the date. */
export function snapshot(parts: Partial<EvalInput> = {}): EvalInput {
  return {
    asOf: AS_OF,
    groupUnitId: G,
    units: UNITS,
    indicators: [],
    figures: [],
    targets: [],
    plans: [],
    elements: [],
    links: [],
    actions: [],
    alignments: [],
    ...parts,
  };
}

/** The parts of a snapshot that one recipe contributes. */
export interface Parts {
  indicators: EvalIndicator[];
  figures: EvalFigure[];
  targets: EvalTarget[];
}

/** Concatenates recipes into snapshot parts. */
export function merge(...parts: Parts[]): Parts {
  return {
    indicators: parts.flatMap((p) => p.indicators),
    figures: parts.flatMap((p) => p.figures),
    targets: parts.flatMap((p) => p.targets),
  };
}

/**
 * DESIGN's apprentices, reported for the group: baseline 1,000 (2023), target 1,400 (2027),
 * expected 2025 = 1,200. A 2025 figure of 1,195 gives progress 0.975 (on track), 1,170 gives
 * 0.85 (at risk), 1,100 gives 0.50 (off track); no figure gives no data.
 */
export const GROUP_VALUE_FOR: Record<Status, number | null> = {
  on_track: 1195,
  at_risk: 1170,
  off_track: 1100,
  no_data: null,
};

/** An indicator whose group status is `status` (group targets, group figure for 2025). */
export function groupStatusIndicator(
  id: string,
  status: Status,
  overrides: Partial<EvalIndicator> = {},
): Parts {
  const value = GROUP_VALUE_FOR[status];
  return {
    indicators: [indicator(id, { unitIds: [], ...overrides })],
    targets: [target(id, null, 'baseline', '2023', 1000), target(id, null, 'target', '2027', 1400)],
    figures: value === null ? [] : [figure(id, G, '2025', value)],
  };
}

/**
 * The same scale for one unit: baseline 100 (2023), target 140 (2027), expected 2025 = 120;
 * 119.5 → 0.975 on track, 117 → 0.85 at risk, 110 → 0.50 off track.
 */
export const UNIT_VALUE_FOR: Record<Status, number | null> = {
  on_track: 119.5,
  at_risk: 117,
  off_track: 110,
  no_data: null,
};

/** Targets and the 2025 figure that give `unitId` the status `status` on indicator `id`. */
export function unitStatusParts(
  id: string,
  unitId: string,
  status: Status,
): Pick<Parts, 'figures' | 'targets'> {
  const value = UNIT_VALUE_FOR[status];
  return {
    targets: [
      target(id, unitId, 'baseline', '2023', 100),
      target(id, unitId, 'target', '2027', 140),
    ],
    figures: value === null ? [] : [figure(id, unitId, '2025', value)],
  };
}

/**
 * Actions with a known status on AS_OF (2025-07-01):
 * - on_track: done;
 * - at_risk: 21 June → 11 July, 10 of 20 days elapsed → 50 % expected, 45 % done → 0.9;
 * - off_track: due 30 June, not done → overdue;
 * - no_data: cancelled.
 */
export function action(
  id: string,
  status: Status,
  overrides: Partial<EvalAction> = {},
): EvalAction {
  const base: EvalAction = {
    id,
    state: 'in_progress',
    progress: 0,
    startDate: '2025-01-01',
    dueDate: '2025-12-31',
    weight: 1,
    leadUnitId: G,
    unitIds: [],
    elementIds: [],
    facetValueIds: [],
  };
  const byStatus: Record<Status, Partial<EvalAction>> = {
    on_track: { state: 'done', progress: 100 },
    at_risk: { startDate: '2025-06-21', dueDate: '2025-07-11', progress: 45 },
    off_track: { startDate: '2025-01-01', dueDate: '2025-06-30', progress: 90 },
    no_data: { state: 'cancelled' },
  };
  return { ...base, ...byStatus[status], ...overrides };
}
