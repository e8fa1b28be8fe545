/**
 * The group's trajectory when the plan sets none for the group itself: the units' trajectories
 * aggregated by the indicator's own rule (a sum of the schools' expected values, a ratio of the
 * sums of their expected numerators and denominators, …), at every period where a unit has a
 * point. Only when every expected unit has the trajectories the rule needs; otherwise none.
 */
import { aggregate, type UnitFigure } from '../aggregate.ts';
import { comparePeriods, mustParsePeriod } from '../period.ts';
import { expectedAt, type TrajectoryPoint } from '../trajectory.ts';
import type { EvalIndicator } from './model.ts';

type UnitTrajectories = (indicatorId: string, unitId: string) => TrajectoryPoint[];

/** The derived group trajectory of `indicator`, or [] when it cannot be derived. */
export function derivedGroupTrajectory(
  indicator: EvalIndicator,
  groupUnitId: string,
  trajectoryOf: UnitTrajectories,
): TrajectoryPoint[] {
  if (indicator.aggregation === 'none') return [];
  const units = indicator.unitIds.filter((u) => u !== groupUnitId);
  if (units.length === 0) return [];
  const inputs =
    indicator.aggregation === 'ratio_of_sums'
      ? [indicator.numeratorIndicatorId, indicator.denominatorIndicatorId]
      : indicator.aggregation === 'weighted_mean'
        ? [indicator.id, indicator.weightIndicatorId]
        : [indicator.id];
  if (inputs.some((id) => id === null)) return [];
  const needed = inputs as string[];
  const periods = new Set<string>();
  for (const id of needed) {
    for (const unit of units) {
      const points = trajectoryOf(id, unit);
      if (points.length === 0) return [];
      for (const p of points) periods.add(p.period);
    }
  }
  const ordered = [...periods].sort((a, b) =>
    comparePeriods(mustParsePeriod(a), mustParsePeriod(b)),
  );
  const at = (id: string | null, unit: string, period: string) =>
    id === null ? null : expectedAt(trajectoryOf(id, unit), period);
  const points: TrajectoryPoint[] = [];
  ordered.forEach((period, index) => {
    const figures: UnitFigure[] = units.map((unitId) => ({
      unitId,
      value: at(indicator.id, unitId, period),
      weight: at(indicator.weightIndicatorId, unitId, period),
      numerator: at(indicator.numeratorIndicatorId, unitId, period),
      denominator: at(indicator.denominatorIndicatorId, unitId, period),
    }));
    const result = aggregate(
      { aggregation: indicator.aggregation, scale: indicator.ratioScale },
      figures,
      units,
    );
    if (result.value === null) return;
    const kind = index === 0 ? 'baseline' : index === ordered.length - 1 ? 'target' : 'milestone';
    points.push({ kind, period, value: result.value });
  });
  return points;
}
