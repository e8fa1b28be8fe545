/**
 * Status of an indicator: progress against its trajectory (or its range), on track / at risk /
 * off track by its thresholds, no data, and staleness of its latest figure.
 */
import type { Direction, Frequency, PeriodValue, Status, Thresholds } from './types.ts';
import { addDays, mustParseIsoDate, lastDayOfMonthIndex } from './dates.ts';
import { comparePeriods, mustParsePeriod, periodLengthMonths } from './period.ts';
import type { Period } from './period.ts';
import { baselineOf, expectedAt } from './trajectory.ts';
import type { TrajectoryPoint } from './trajectory.ts';

/** How an indicator is judged. */
export interface IndicatorRule {
  direction: Direction;
  rangeMin?: number | null;
  rangeMax?: number | null;
  thresholds: Thresholds;
  frequency: Frequency;
  graceDays: number;
}

/** Everything `indicatorStatus` needs; `asOf` is the ISO date of the view. */
export interface IndicatorStatusInput {
  rule: IndicatorRule;
  trajectory: readonly TrajectoryPoint[];
  values: readonly PeriodValue[];
  asOf: string /* ISO date */;
}

/** The computed status of an indicator. */
export interface IndicatorStatus {
  status: Status;
  progress: number | null;
  latest: PeriodValue | null;
  expected: number | null;
  baseline: number | null;
  stale: boolean;
  /** ISO date after which the latest figure is stale */
  staleAfter: string | null;
}

/** Tolerance on threshold comparisons, so that float noise never flips a status. */
export const THRESHOLD_EPSILON = 1e-9;

/** Two numbers equal up to float noise relative to their size. */
function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Progress when the expected value equals the baseline ("hold the level"); 1 means "held".
 * - expected 0: 1 when actual is on the good side of 0 or equal, else 0;
 * - increase: actual / expected for expected > 0; for expected < 0 the sign-safe equivalent
 *   1 + (actual − expected) / |expected| (above 1 when actual is higher);
 * - decrease, expected > 0: expected / actual, and 1 when actual ≤ 0;
 * - decrease, expected < 0: 1 − (actual − expected) / |expected| (above 1 when actual is lower).
 */
function holdProgress(
  direction: 'increase' | 'decrease',
  expected: number,
  actual: number,
): number {
  if (expected === 0) {
    const good = direction === 'increase' ? actual >= 0 : actual <= 0;
    return good ? 1 : 0;
  }
  if (direction === 'increase') return 1 + (actual - expected) / Math.abs(expected);
  if (expected > 0) return actual > 0 ? expected / actual : 1;
  return 1 - (actual - expected) / Math.abs(expected);
}

/**
 * Fraction of the expected move from the baseline that was achieved:
 * increase (actual − baseline) / (expected − baseline), decrease mirrored
 * (baseline − actual) / (baseline − expected). When expected equals the baseline (a target equal
 * to the baseline, or a period at or before the baseline) the level must be held: see the rules
 * of the hold case in this module (increase: actual / expected; decrease: expected / actual).
 */
export function progressOf(
  direction: 'increase' | 'decrease',
  baseline: number,
  expected: number,
  actual: number,
): number {
  if (nearlyEqual(expected, baseline)) return holdProgress(direction, expected, actual);
  return direction === 'increase'
    ? (actual - baseline) / (expected - baseline)
    : (baseline - actual) / (baseline - expected);
}

/**
 * Progress of a value that must stay within [min, max]: 1 inside (bounds included); outside,
 * 1 − distance to the nearest bound / width, floored at 0. Width = max − min; when that is 0,
 * |max| (or 1 when max is 0). A missing side is passed as ±Infinity: the width is then |bound| of
 * the finite side (or 1 when it is 0). Throws when min > max.
 */
export function rangeProgress(min: number, max: number, actual: number): number {
  if (min > max) throw new RangeError(`Range minimum ${min} is above its maximum ${max}`);
  if (actual >= min && actual <= max) return 1;
  const distance = actual < min ? min - actual : actual - max;
  let width: number;
  if (Number.isFinite(min) && Number.isFinite(max)) width = max - min || Math.abs(max) || 1;
  else width = Math.abs(Number.isFinite(min) ? min : max) || 1;
  return Math.max(0, 1 - distance / width);
}

/** on_track from `onTrack`, at_risk from `atRisk`, else off_track (float noise tolerated). */
export function statusFromProgress(progress: number, thresholds: Thresholds): Status {
  if (progress >= thresholds.onTrack - THRESHOLD_EPSILON) return 'on_track';
  if (progress >= thresholds.atRisk - THRESHOLD_EPSILON) return 'at_risk';
  return 'off_track';
}

/**
 * ISO date after which a figure for `latestPeriod` is stale: the last day of the period that
 * follows it by one frequency length (in months, end-of-month arithmetic), plus `graceDays`.
 * E.g. yearly 2025 with 90 days: 2026-12-31 + 90 days = 2027-03-31.
 */
export function staleAfterDate(
  latestPeriod: string,
  frequency: Frequency,
  graceDays: number,
): string {
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new RangeError(`Grace days must be a whole number ≥ 0, got ${graceDays}`);
  }
  const period = mustParsePeriod(latestPeriod);
  const dueMonth = period.endMonth + periodLengthMonths(frequency) - 1;
  return addDays(lastDayOfMonthIndex(dueMonth), graceDays);
}

/** True when `asOf` is after `staleAfterDate(latestPeriod, frequency, graceDays)`. */
export function isStale(
  latestPeriod: string,
  frequency: Frequency,
  graceDays: number,
  asOf: string,
): boolean {
  mustParseIsoDate(asOf);
  return asOf > staleAfterDate(latestPeriod, frequency, graceDays);
}

/**
 * The value with the latest period (by `comparePeriods`) that has started on or before `asOf`;
 * values for future periods and non-finite values are ignored; between values of the same
 * period, the later one in the input wins. Null when none qualifies.
 */
export function latestValueAsOf(values: readonly PeriodValue[], asOf: string): PeriodValue | null {
  mustParseIsoDate(asOf);
  let best: { value: PeriodValue; period: Period } | null = null;
  for (const value of values) {
    if (!Number.isFinite(value.value)) continue;
    const period = mustParsePeriod(value.period);
    if (period.start > asOf) continue;
    if (!best || comparePeriods(period, best.period) >= 0) best = { value, period };
  }
  return best ? best.value : null;
}

/**
 * Computes an indicator's status as of a date. No values → no_data. Range rules use the band
 * (even when a trajectory exists); other rules need a trajectory, else no_data with the latest
 * value still reported. Staleness is reported whatever the status.
 */
export function indicatorStatus(input: IndicatorStatusInput): IndicatorStatus {
  const { rule, trajectory, values, asOf } = input;
  const baselinePoint = baselineOf(trajectory);
  const baseline = baselinePoint ? baselinePoint.value : null;
  const latest = latestValueAsOf(values, asOf);
  if (!latest) {
    return {
      status: 'no_data',
      progress: null,
      latest: null,
      expected: null,
      baseline,
      stale: false,
      staleAfter: null,
    };
  }
  const staleAfter = staleAfterDate(latest.period, rule.frequency, rule.graceDays);
  const expected = expectedAt(trajectory, latest.period);
  const base = { latest, expected, baseline, stale: asOf > staleAfter, staleAfter };
  let progress: number | null = null;
  if (rule.direction === 'range') {
    const min = rule.rangeMin ?? -Infinity;
    const max = rule.rangeMax ?? Infinity;
    if (Number.isFinite(min) || Number.isFinite(max)) {
      progress = rangeProgress(min, max, latest.value);
    }
  } else if (baseline !== null && expected !== null) {
    progress = progressOf(rule.direction, baseline, expected, latest.value);
  }
  if (progress === null) return { status: 'no_data', progress: null, ...base };
  return { status: statusFromProgress(progress, rule.thresholds), progress, ...base };
}
