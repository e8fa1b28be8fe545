/**
 * Aggregation of unit figures into a group value, right for rates (ratio of sums, never a mean of
 * percentages), with the coverage of units reporting.
 */
import type { Aggregation } from './types.ts';

/** One unit's figures for one indicator and period. Non-finite numbers count as missing. */
export interface UnitFigure {
  unitId: string;
  value?: number | null;
  weight?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

/** How to aggregate. */
export interface AggregateRule {
  aggregation: Aggregation;
  /** multiply ratio_of_sums by this, e.g. 100 for a % */
  scale?: number;
}

/** Units reporting out of units expected, and which expected ones are missing. */
export interface Coverage {
  reporting: number;
  expected: number;
  missing: string[];
}

/** Aggregated value with its coverage. */
export interface AggregateResult {
  value: number | null;
  coverage: Coverage;
  /** why value is null or partial */
  issue: 'no_data' | 'zero_denominator' | 'zero_weight' | 'not_aggregable' | null;
}

function finite(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/**
 * Whether a figure contributes under an aggregation: a finite value (sum, mean, min, max, none);
 * a finite value and a finite weight ≥ 0 (weighted_mean); a finite numerator and denominator
 * (ratio_of_sums).
 */
export function contributes(aggregation: Aggregation, figure: UnitFigure): boolean {
  switch (aggregation) {
    case 'weighted_mean':
      return finite(figure.value) && finite(figure.weight) && figure.weight >= 0;
    case 'ratio_of_sums':
      return finite(figure.numerator) && finite(figure.denominator);
    default:
      return finite(figure.value);
  }
}

function sumOf(numbers: readonly number[]): number {
  return numbers.reduce((total, x) => total + x, 0);
}

function combine(
  rule: AggregateRule,
  figures: readonly UnitFigure[],
): Pick<AggregateResult, 'value' | 'issue'> {
  if (rule.aggregation === 'none') return { value: null, issue: 'not_aggregable' };
  if (figures.length === 0) return { value: null, issue: 'no_data' };
  const values = figures.map((f) => f.value ?? 0);
  switch (rule.aggregation) {
    case 'sum':
      return { value: sumOf(values), issue: null };
    case 'mean':
      return { value: sumOf(values) / values.length, issue: null };
    case 'min':
      return { value: values.reduce((a, b) => Math.min(a, b)), issue: null };
    case 'max':
      return { value: values.reduce((a, b) => Math.max(a, b)), issue: null };
    case 'weighted_mean': {
      const totalWeight = sumOf(figures.map((f) => f.weight ?? 0));
      if (totalWeight === 0) return { value: null, issue: 'zero_weight' };
      const weighted = sumOf(figures.map((f) => (f.value ?? 0) * (f.weight ?? 0)));
      return { value: weighted / totalWeight, issue: null };
    }
    case 'ratio_of_sums': {
      const denominator = sumOf(figures.map((f) => f.denominator ?? 0));
      if (denominator === 0) return { value: null, issue: 'zero_denominator' };
      const numerator = sumOf(figures.map((f) => f.numerator ?? 0));
      return { value: (numerator / denominator) * (rule.scale ?? 1), issue: null };
    }
  }
}

/**
 * Aggregates unit figures:
 * - sum, mean, min, max over `value`;
 * - weighted_mean = Σ value·weight / Σ weight over units with both (null, `zero_weight`, when
 *   Σ weight is 0);
 * - ratio_of_sums = Σ numerator / Σ denominator × scale over units with both (null,
 *   `zero_denominator`, when Σ denominator is 0);
 * - none: value null, `not_aggregable`. No contributing unit: value null, `no_data`.
 * Coverage: a unit reports when it contributes (see `contributes`). A unit that reports without
 * being in `expectedUnitIds` still counts, both as reporting and as expected. `missing` lists the
 * expected units that did not report, in the order given. Throws when a unit has two figures.
 */
export function aggregate(
  rule: AggregateRule,
  figures: readonly UnitFigure[],
  expectedUnitIds: readonly string[],
): AggregateResult {
  const seen = new Set<string>();
  for (const figure of figures) {
    if (seen.has(figure.unitId)) throw new Error(`Two figures for unit "${figure.unitId}"`);
    seen.add(figure.unitId);
  }
  const contributing = figures.filter((f) => contributes(rule.aggregation, f));
  const reportingIds = new Set(contributing.map((f) => f.unitId));
  const expectedIds = new Set(expectedUnitIds);
  const missing = [...expectedIds].filter((id) => !reportingIds.has(id));
  const extra = [...reportingIds].filter((id) => !expectedIds.has(id)).length;
  const coverage: Coverage = {
    reporting: reportingIds.size,
    expected: expectedIds.size + extra,
    missing,
  };
  return { ...combine(rule, contributing), coverage };
}
