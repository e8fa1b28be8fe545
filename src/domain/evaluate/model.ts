/**
 * The plain data the evaluator works on: one workspace's structure, figures and targets as
 * recorded at a date. Loaded by the services, evaluated here without any I/O.
 */
import type {
  ActionState,
  Aggregation,
  Direction,
  Frequency,
  Provenance,
  TargetKind,
  Thresholds,
  UnitKind,
} from '../types.ts';

export interface EvalUnit {
  id: string;
  kind: UnitKind;
  parentId: string | null;
}

export interface EvalIndicator {
  id: string;
  direction: Direction;
  rangeMin: number | null;
  rangeMax: number | null;
  frequency: Frequency;
  aggregation: Aggregation;
  weightIndicatorId: string | null;
  numeratorIndicatorId: string | null;
  denominatorIndicatorId: string | null;
  ratioScale: number;
  thresholds: Thresholds;
  graceDays: number;
  /** Units expected to report; coverage counts against them. */
  unitIds: readonly string[];
  facetValueIds: readonly string[];
}

/** A current figure (the latest record for its indicator, unit and period). */
export interface EvalFigure {
  indicatorId: string;
  unitId: string;
  period: string;
  value: number;
  provenance: Provenance;
  source: string;
  validated: boolean;
}

/** A current target point; `unitId` null means the whole group. */
export interface EvalTarget {
  indicatorId: string;
  unitId: string | null;
  kind: TargetKind;
  period: string;
  value: number;
}

export interface EvalPlan {
  id: string;
  unitId: string;
  alignsToPlanId: string | null;
  thresholds: Thresholds;
}

export interface EvalElement {
  id: string;
  planId: string;
  parentId: string | null;
  weight: number;
  facetValueIds: readonly string[];
}

export interface EvalIndicatorLink {
  elementId: string;
  indicatorId: string;
  weight: number;
}

export interface EvalAction {
  id: string;
  state: ActionState;
  progress: number;
  startDate: string | null;
  dueDate: string | null;
  weight: number;
  leadUnitId: string;
  unitIds: readonly string[];
  elementIds: readonly string[];
  facetValueIds: readonly string[];
}

export interface EvalAlignment {
  elementId: string;
  targetElementId: string;
}

/** Everything needed to evaluate a workspace at `asOf` (ISO date). */
export interface EvalInput {
  asOf: string;
  groupUnitId: string;
  units: readonly EvalUnit[];
  indicators: readonly EvalIndicator[];
  figures: readonly EvalFigure[];
  targets: readonly EvalTarget[];
  plans: readonly EvalPlan[];
  elements: readonly EvalElement[];
  links: readonly EvalIndicatorLink[];
  actions: readonly EvalAction[];
  alignments: readonly EvalAlignment[];
}

/** Where an indicator or element is evaluated: for the whole group, or for one unit. */
export type EvalContext = string;
