/**
 * Core vocabulary of the Strata domain, shared by the rules (src/domain), the database,
 * the services, the API contracts and the web app. Pure types and constant lists only.
 */

/** Kinds of reporting period. See `period.ts` for their textual forms. */
export const PERIOD_KINDS = ['year', 'academic_year', 'semester', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** How often an indicator is measured; each frequency maps to one period kind. */
export const FREQUENCIES = PERIOD_KINDS;
export type Frequency = PeriodKind;

/** Which way is good for an indicator. `range` means: keep within [rangeMin, rangeMax]. */
export const DIRECTIONS = ['increase', 'decrease', 'range'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** How unit values combine into a group value. */
export const AGGREGATIONS = [
  'sum',
  'mean',
  'weighted_mean',
  'ratio_of_sums',
  'min',
  'max',
  'none',
] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** Where a figure comes from. `illustrative` figures are demo data and always shown as such. */
export const PROVENANCES = ['official', 'estimated', 'illustrative'] as const;
export type Provenance = (typeof PROVENANCES)[number];

/** Status of anything that is scored: indicators, actions, elements. */
export const STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

/** Kinds of organisational unit. */
export const UNIT_KINDS = [
  'group',
  'school',
  'subsidiary',
  'department',
  'campus',
  'partner_school',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** Life cycle of a plan. */
export const PLAN_STATUSES = ['draft', 'adopted', 'archived'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Life cycle of an action, as its owner reports it. */
export const ACTION_STATES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

/** Kinds of dated point on an indicator's trajectory. */
export const TARGET_KINDS = ['baseline', 'milestone', 'target'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A text in French and English. French is the default language of the interface. */
export interface Bilingual {
  fr: string;
  en: string;
}

/** A value measured for one period (periods in their textual form, e.g. `2025`, `2025-26`). */
export interface PeriodValue {
  period: string;
  value: number;
}

/** Thresholds on progress: on track from `onTrack`, at risk from `atRisk`, else off track. */
export interface Thresholds {
  onTrack: number;
  atRisk: number;
}

/** Default indicator thresholds (DESIGN.md): 0.95 and 0.80. */
export const DEFAULT_INDICATOR_THRESHOLDS: Thresholds = { onTrack: 0.95, atRisk: 0.8 };

/** Default roll-up thresholds on an element's score (DESIGN.md): 0.9 and 0.6, set per plan. */
export const DEFAULT_ROLLUP_THRESHOLDS: Thresholds = { onTrack: 0.9, atRisk: 0.6 };

/** Default grace period, in days, after a period's due date before a figure is stale. */
export const DEFAULT_GRACE_DAYS = 90;
