/**
 * Forecast of an indicator: a least-squares trend over its recent values, the value it projects
 * at the target period, and the rate per period still required to reach the target.
 */
import type { Direction, PeriodValue } from './types.ts';
import { comparePeriods, mustParsePeriod, periodLengthMonths } from './period.ts';
import type { Period } from './period.ts';

/** Values, the target to reach and which way is good; `window` = how many latest values count. */
export interface ForecastInput {
  values: readonly PeriodValue[];
  target: { period: string; value: number };
  direction: Direction;
  /** how many latest values the trend uses, default 5 */
  window?: number;
}

/** The forecast; rates are per period of the latest value's kind. */
export interface Forecast {
  trendPerPeriod: number | null;
  projected: number | null;
  requiredPerPeriod: number | null;
  periodsLeft: number;
  likely: boolean | null;
  basis: number;
}

/** Default number of latest values the trend is fitted on. */
export const DEFAULT_FORECAST_WINDOW = 5;

/** Slope and intercept of the least-squares line through points; null when all x are equal. */
export function leastSquares(
  points: readonly { x: number; y: number }[],
): { slope: number; intercept: number } | null {
  if (points.length < 2) return null;
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.x, 0) / n;
  const meanY = points.reduce((s, p) => s + p.y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/**
 * Forecasts whether the target is likely met.
 * - The trend is the least-squares line through the latest `window` finite values (sorted by
 *   period), with x = endMonth / length of the latest value's period kind (one step = one period).
 * - projected = the line at the target period's end month.
 * - periodsLeft = (target endMonth − latest endMonth) / that length: a whole number when the target
 *   is of the same kind (or aligns), else a fraction; 0 when there are no values.
 * - requiredPerPeriod = (target − latest value) / periodsLeft; null when periodsLeft ≤ 0.
 * - likely: increase → projected ≥ target, decrease → projected ≤ target, range → null.
 * Fewer than 2 values (or all in one period): trend, projected and likely are null.
 */
export function forecast(input: ForecastInput): Forecast {
  const window = input.window ?? DEFAULT_FORECAST_WINDOW;
  if (!Number.isInteger(window) || window < 1) {
    throw new RangeError(`Forecast window must be a whole number ≥ 1, got ${window}`);
  }
  const targetPeriod = mustParsePeriod(input.target.period);
  const used: { period: Period; value: number }[] = input.values
    .filter((v) => Number.isFinite(v.value))
    .map((v) => ({ period: mustParsePeriod(v.period), value: v.value }))
    .sort((a, b) => comparePeriods(a.period, b.period))
    .slice(-window);
  const latest = used.at(-1);
  if (!latest) {
    return {
      trendPerPeriod: null,
      projected: null,
      requiredPerPeriod: null,
      periodsLeft: 0,
      likely: null,
      basis: 0,
    };
  }
  const step = periodLengthMonths(latest.period.kind);
  const periodsLeft = (targetPeriod.endMonth - latest.period.endMonth) / step;
  const requiredPerPeriod =
    periodsLeft > 0 ? (input.target.value - latest.value) / periodsLeft : null;
  const line = leastSquares(used.map((u) => ({ x: u.period.endMonth / step, y: u.value })));
  const projected = line ? line.intercept + line.slope * (targetPeriod.endMonth / step) : null;
  let likely: boolean | null = null;
  if (projected !== null && input.direction !== 'range') {
    likely =
      input.direction === 'increase'
        ? projected >= input.target.value
        : projected <= input.target.value;
  }
  return {
    trendPerPeriod: line ? line.slope : null,
    projected,
    requiredPerPeriod,
    periodsLeft,
    likely,
    basis: used.length,
  };
}
