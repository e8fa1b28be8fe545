/**
 * An indicator's trajectory: baseline, milestones and target, interpolated linearly in time.
 *
 * Time coordinate: a period is "at" its end month (`Period.endMonth`), since a figure for a period
 * is known when it ends. Month indices keep interpolation exact: baseline 2023 → target 2027 puts
 * 2025 exactly halfway.
 */
import type { TargetKind } from './types.ts';
import { comparePeriods, mustParsePeriod } from './period.ts';
import type { Period } from './period.ts';

/** A dated point of a trajectory (period in textual form). */
export interface TrajectoryPoint {
  kind: TargetKind;
  period: string;
  value: number;
}

const KIND_RANK: Record<TargetKind, number> = { baseline: 0, milestone: 1, target: 2 };

interface ParsedPoint {
  point: TrajectoryPoint;
  period: Period;
  index: number;
}

function parsePoints(points: readonly TrajectoryPoint[]): ParsedPoint[] {
  return points.map((point, index) => ({ point, period: mustParsePeriod(point.period), index }));
}

/** Order: by period, then kind (baseline < milestone < target), then position in the input. */
function compareParsed(a: ParsedPoint, b: ParsedPoint): number {
  return (
    comparePeriods(a.period, b.period) ||
    KIND_RANK[a.point.kind] - KIND_RANK[b.point.kind] ||
    a.index - b.index
  );
}

/** Time coordinate of a period: its exclusive end month index. */
export function timeOfPeriod(period: string): number {
  return mustParsePeriod(period).endMonth;
}

/**
 * The points sorted by time, one per time coordinate. When several points fall at the same time
 * (same period, or periods ending the same month), the later kind in the order
 * baseline < milestone < target wins; between equal kinds, the later one in the input wins.
 * Throws on an invalid period text.
 */
export function normalizeTrajectory(points: readonly TrajectoryPoint[]): TrajectoryPoint[] {
  const sorted = parsePoints(points).sort(
    (a, b) =>
      a.period.endMonth - b.period.endMonth ||
      KIND_RANK[a.point.kind] - KIND_RANK[b.point.kind] ||
      a.index - b.index,
  );
  const result: TrajectoryPoint[] = [];
  sorted.forEach((entry, i) => {
    const next = sorted[i + 1];
    if (!next || next.period.endMonth !== entry.period.endMonth) result.push(entry.point);
  });
  return result;
}

/**
 * The expected value at a period: linear interpolation between the surrounding points; before the
 * first point the first value, after the last point the last value; null when there are no points.
 */
export function expectedAt(points: readonly TrajectoryPoint[], period: string): number | null {
  const normalized = normalizeTrajectory(points);
  const first = normalized[0];
  if (!first) return null;
  const time = timeOfPeriod(period);
  let previous = first;
  let previousTime = timeOfPeriod(first.period);
  if (time <= previousTime) return first.value;
  for (const next of normalized.slice(1)) {
    const nextTime = timeOfPeriod(next.period);
    if (time === nextTime) return next.value;
    if (time < nextTime) {
      const fraction = (time - previousTime) / (nextTime - previousTime);
      return previous.value + (next.value - previous.value) * fraction;
    }
    previous = next;
    previousTime = nextTime;
  }
  return previous.value;
}

/**
 * The baseline point: the earliest point marked `baseline`, else the earliest point of any kind
 * (ties broken by kind, then input order); null when there are no points.
 */
export function baselineOf(points: readonly TrajectoryPoint[]): TrajectoryPoint | null {
  const sorted = parsePoints(points).sort(compareParsed);
  const baseline = sorted.find((entry) => entry.point.kind === 'baseline') ?? sorted[0];
  return baseline ? baseline.point : null;
}

/**
 * The final target: the latest point marked `target`, else the latest point of any kind
 * (ties broken by kind, then input order); null when there are no points.
 */
export function finalTargetOf(points: readonly TrajectoryPoint[]): TrajectoryPoint | null {
  const sorted = parsePoints(points).sort(compareParsed).reverse();
  const target = sorted.find((entry) => entry.point.kind === 'target') ?? sorted[0];
  return target ? target.point : null;
}
